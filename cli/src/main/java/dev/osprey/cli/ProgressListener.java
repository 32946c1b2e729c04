package dev.osprey.cli;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.sweeper.Sweeper;
import dev.osprey.sweeper.SweepListener;
import dev.osprey.sweeper.SweepSummary;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.Locale;

/**
 * Tells people how a sweep goes: each job's id and logs when it is submitted, each result when it
 * ends, and on a terminal a live line (finished/total, running, failed, best so far, elapsed and
 * remaining time).
 */
final class ProgressListener implements SweepListener {

    private final Console console;
    /** The trial budget, or -1 when the grid decides. */
    private final int budget;
    private Sweeper sweep;
    private long startNanos;
    private int finished;
    private int failed;
    private int heldAtStart;

    ProgressListener(Console console, int budget) {
        this.console = console;
        this.budget = budget;
    }

    @Override
    public void sweepStarted(Sweeper started) {
        sweep = started;
        startNanos = System.nanoTime();
        heldAtStart = started.study().trials().size();
    }

    @Override
    public void jobStarted(Job job, JobHandle handle) {
        console.info("job " + job.number() + " submitted: id " + handle.id()
                + handle.logs().map(p -> ", logs " + p).orElse(""));
        drawProgress();
    }

    @Override
    public void jobAdopted(TrialRecord trial, String driver, JobHandle handle) {
        console.info("trial " + trial.number() + " taken over: its driver (" + driver + ") died; following its job, id "
                + handle.id() + handle.logs().map(p -> ", logs " + p).orElse(""));
    }

    @Override
    public void jobLeftToCollect(TrialRecord trial, String driver) {
        console.info("trial " + trial.number() + ": its driver (" + driver + ") died and its job was queued with a"
                + " scheduler, where it may still run; collect its result later with 'osprey collect " + sweep.study().name()
                + "'");
    }

    @Override
    public void jobEnded(Job job, JobResult result, TrialRecord trial) {
        finished++;
        if (result.status() == JobStatus.FAILED || result.status() == JobStatus.TIMED_OUT) {
            failed++;
        }
        String what = result.status() == JobStatus.COMPLETED
                ? console.colour("completed", true) + " value " + format(trial)
                : console.colour(result.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), false)
                + (result.error().isEmpty() ? "" : ": " + firstLine(result.error()));
        console.info(String.format(Locale.ROOT, "trial %d %s  %s  (%.1f s)", result.number(), what, trial.paramValues(),
                result.duration().toMillis() / 1000.0));
        drawProgress();
    }

    @Override
    public void jobPreempted(TrialRecord trial, java.util.Optional<TrialRecord> retry) {
        console.info(retry.map(r -> "trial " + trial.number() + " was preempted: its parameters run once more, as trial "
                + r.number()).orElse("trial " + trial.number() + " was preempted, and it was a retry already: a"
                + " preempted trial is retried once, so it is not retried again"));
    }

    @Override
    public void storageUnreachable(String reason, java.time.Duration budget, int runningJobs) {
        console.info("the study database is unreachable (" + reason + "); retrying for up to " + seconds(budget)
                + ", the " + runningJobs + " running job(s) go on");
    }

    @Override
    public void storageReachable(java.time.Duration outage) {
        console.info("the study database answers again after " + seconds(outage) + "; the sweep goes on");
    }

    private static String seconds(java.time.Duration duration) {
        long s = Math.max(duration.toSeconds(), 0);
        return s >= 120 && s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    @Override
    public void sweepEnded(SweepSummary summary) {
        console.info("sweep ended after " + summary.jobsRun() + " job(s)");
    }

    private void drawProgress() {
        if (!console.isTerminal() || sweep == null) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int toRun = budget < 0 ? -1 : Math.max(0, budget - heldAtStart);
        String total = toRun < 0 ? "?" : Integer.toString(toRun);
        String remaining = toRun > 0 && finished > 0
                ? String.format(Locale.ROOT, ", ~%.0f s left", elapsed / finished * Math.max(0, toRun - finished)) : "";
        String best = sweep.study().directions().size() != 1 ? "" : sweep.study().trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
                .min((a, b) -> sweep.study().directions().get(0).isBetter(a.value(), b.value()) ? -1 : 1)
                .map(t -> ", best " + format(t)).orElse("");
        console.progress(String.format(Locale.ROOT, "%d/%s finished, %d running, %d failed%s, %.0f s elapsed%s",
                finished, total, sweep.running(), failed, best, elapsed, remaining));
    }

    private static String format(TrialRecord trial) {
        return trial.values().isEmpty() ? "-" : trial.values().size() == 1
                ? String.format(Locale.ROOT, "%.6g", trial.values().get(0)) : trial.values().toString();
    }

    /** The error on one line: its lines joined, cut to a readable length (the full text is in the study). */
    private static String firstLine(String text) {
        String joined = String.join(" | ", text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
                .replace("stderr ends with: |", "stderr ends with:");
        return joined.length() <= 240 ? joined : joined.substring(0, 237) + "...";
    }
}
