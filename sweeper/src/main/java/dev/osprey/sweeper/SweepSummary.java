package dev.osprey.sweeper;

import dev.osprey.launchers.JobStatus;
import dev.osprey.optimizer.trial.TrialRecord;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a sweep went.
 *
 * @param ending       why it stopped
 * @param jobs         jobs this sweep ran, by how they ended
 * @param studyTrials  trials the study holds now (all workers, all runs), or -1 when the study database
 *                     was lost
 * @param best         the study's best trial, if it has one
 * @param duration     wall time of the sweep
 * @param failureNote  the last failure's error, when failures stopped the sweep; what to do next, when
 *                     the sweep was detached or lost its study database
 * @param cached       trials that were not run but told the values of a trial with the same config
 *                     ({@link SweeperBuilder#cache}); they are not among {@code jobs}
 * @param objectiveNames the study's objective names (empty when unknown)
 * @param front        the Pareto front of a study with several objectives (empty otherwise)
 * @param infeasible   how many completed trials violate a constraint, or -1 when the study has no
 *                     constraints (or is unknown)
 * @param completed    how many of the study's trials completed
 * @since 0.1
 */
public record SweepSummary(Ending ending, Map<JobStatus, Integer> jobs, int studyTrials, Optional<TrialRecord> best,
                           Duration duration, String failureNote, int cached, List<String> objectiveNames,
                           List<TrialRecord> front, int infeasible, int completed) {

    /** The most front trials the table lists. */
    static final int FRONT_SHOWN = 10;

    /** A summary without cached trials, objective names, front or constraints. */
    public SweepSummary(Ending ending, Map<JobStatus, Integer> jobs, int studyTrials, Optional<TrialRecord> best,
                        Duration duration, String failureNote) {
        this(ending, jobs, studyTrials, best, duration, failureNote, 0, List.of(), List.of(), -1, 0);
    }

    /** Why a sweep stopped. */
    public enum Ending {
        /** The study holds the budgeted number of trials. */
        BUDGET_MET,
        /** The wall-clock budget ran out (running jobs were let finish). */
        TIME_UP,
        /** The grid (or the sampler) had no point left. */
        EXHAUSTED,
        /** The failure policy stopped it. */
        TOO_MANY_FAILURES,
        /** It was interrupted (Ctrl-C); running jobs were cancelled. */
        INTERRUPTED,
        /** Its jobs were submitted and left to run (fire and forget). */
        DETACHED,
        /**
         * The study database stayed unreachable for the sweep's storage timeout: no job started
         * after that, the running ones were waited for and their results kept in their job
         * directories, for {@link Collector}.
         */
        DATABASE_LOST
    }

    /**
     * Process exit codes for the command line: 0 the budget was met, 1 failures stopped the sweep
     * (or every job it ran failed), 3 the study database was lost (results kept for collection),
     * 130 interrupted.
     */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURES = 1;
    public static final int EXIT_DATABASE_LOST = 3;
    public static final int EXIT_INTERRUPTED = 130;

    public SweepSummary {
        if (cached < 0) {
            throw new IllegalArgumentException("cached trials must be >= 0, got " + cached);
        }
        jobs = java.util.Collections.unmodifiableMap(new EnumMap<>(jobs.isEmpty() ? Map.of(JobStatus.COMPLETED, 0) : jobs));
        failureNote = failureNote == null ? "" : failureNote;
        objectiveNames = List.copyOf(objectiveNames);
        front = List.copyOf(front);
    }

    public int count(JobStatus status) {
        return jobs.getOrDefault(status, 0);
    }

    public int jobsRun() {
        return jobs.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether the sweep did what was asked of it. */
    public boolean metBudget() {
        return ending == Ending.BUDGET_MET || ending == Ending.TIME_UP || ending == Ending.EXHAUSTED
                || ending == Ending.DETACHED;
    }

    /** 0 when the sweep did what was asked and at least one of its jobs (if it ran any) completed or was pruned. */
    public int exitCode() {
        if (ending == Ending.DATABASE_LOST) {
            return EXIT_DATABASE_LOST; // whatever the jobs did, their results are not in the study yet
        }
        if (jobsRun() > 0 && count(JobStatus.COMPLETED) + count(JobStatus.PRUNED) + cached == 0
                && ending != Ending.INTERRUPTED) {
            return EXIT_FAILURES;
        }
        return switch (ending) {
            case BUDGET_MET, TIME_UP, EXHAUSTED, DETACHED -> EXIT_OK;
            case TOO_MANY_FAILURES -> EXIT_FAILURES;
            case INTERRUPTED -> EXIT_INTERRUPTED;
            case DATABASE_LOST -> EXIT_DATABASE_LOST;
        };
    }

    /** The end-of-sweep table for people. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-22s %s%n", "sweep ended", describe()));
        out.append(String.format("%-22s %d%n", "jobs run", jobsRun()));
        for (JobStatus status : JobStatus.values()) {
            if (count(status) > 0) {
                out.append(String.format("  %-20s %d%n", status.name().toLowerCase(java.util.Locale.ROOT), count(status)));
            }
        }
        if (cached > 0) {
            out.append(String.format("%-22s %d (same config as a completed trial: its result reused)%n", "cached",
                    cached));
        }
        out.append(String.format("%-22s %s%n", "trials in the study",
                studyTrials >= 0 ? Integer.toString(studyTrials) : "unknown (the study database was lost)"));
        out.append(String.format("%-22s %.1f s%n", "wall time", duration.toMillis() / 1000.0));
        best.ifPresent(b -> out.append(String.format("%-22s #%d  %s  %s%n", "best trial", b.number(),
                named(b), b.paramValues())));
        if (!front.isEmpty()) {
            out.append(String.format("%-22s %d trial(s)%n", "pareto front", front.size()));
            front.stream().limit(FRONT_SHOWN).forEach(t -> out.append(String.format("  #%-19d %s  %s%n", t.number(),
                    named(t), t.paramValues())));
            if (front.size() > FRONT_SHOWN) {
                out.append(String.format("  %-20s %d more: osprey best%n", "...", front.size() - FRONT_SHOWN));
            }
        }
        if (infeasible >= 0) {
            out.append(String.format("%-22s %d of %d completed%n", "infeasible trials", infeasible, completed));
        }
        if (!failureNote.isEmpty()) {
            String label = switch (ending) {
                case DETACHED -> "next";
                case DATABASE_LOST -> "study database lost";
                default -> ending == Ending.INTERRUPTED && studyTrials < 0 ? "study database lost" : "last failure";
            };
            out.append(String.format("%-22s %s%n", label, failureNote));
        }
        return out.toString();
    }

    /** {@code loss 0.25, latency_ms 12.0}: each value after its objective's name. */
    private String named(TrialRecord trial) {
        if (trial.values().size() == 1 && objectiveNames.size() != 1) {
            return "value " + trial.values().get(0);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < trial.values().size(); i++) {
            String name = i < objectiveNames.size() ? objectiveNames.get(i) : "objective_" + i;
            text.append(i > 0 ? ", " : "").append(name).append(' ').append(trial.values().get(i));
        }
        return text.toString();
    }

    private String describe() {
        return switch (ending) {
            case BUDGET_MET -> "budget met";
            case TIME_UP -> "time budget spent";
            case EXHAUSTED -> "every point ran";
            case TOO_MANY_FAILURES -> "stopped: too many failed jobs";
            case INTERRUPTED -> "interrupted; running jobs were cancelled and their trials failed";
            case DETACHED -> "jobs submitted and left running";
            case DATABASE_LOST -> "stopped: the study database was lost; the running jobs were let finish";
        };
    }
}
