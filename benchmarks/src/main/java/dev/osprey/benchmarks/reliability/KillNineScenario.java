package dev.osprey.benchmarks.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * kill -9 of a trial program, then of the driver with several jobs in flight, each at a random
 * point (after a random number of trials ended), then the same command run again at once on the
 * same study, as a user whose machine or shell died would. After the rerun the study must keep
 * every promise of {@link StudyAudit}. The rerun finding the dead driver's finished jobs (their
 * {@code result.json}) and its RUNNING trials is what makes "no trial left RUNNING" and "nothing
 * lost" hold at once, without waiting a lease out.
 */
final class KillNineScenario implements Scenario {

    static final int POINTS = 40;
    static final int BUDGET = 12;
    static final int JOBS = 3;

    private final boolean postgres;
    private final int rounds;

    KillNineScenario(boolean postgres, int rounds) {
        this.postgres = postgres;
        this.rounds = rounds;
    }

    @Override
    public String name() {
        return "kill -9 worker and driver, rerun at once (" + (postgres ? "PostgreSQL" : "H2 file") + ")";
    }

    @Override
    public String fault() {
        return "kill -9 of a trial program and of the driver, " + (postgres ? "PostgreSQL" : "H2 file");
    }

    @Override
    public Outcome run(Context context) throws Exception {
        if (postgres && context.postgres().isEmpty()) {
            return Outcome.withoutPostgres(this);
        }
        long t0 = System.nanoTime();
        String tag = postgres ? "kill-pg" : "kill-h2";
        Path base = context.dir(tag);
        Backend backend = postgres ? context.postgres().get().freshSchema("rel_kill")
                : Backend.h2File(base.resolve("db").resolve("studies"));
        SplittableRandom random = context.random(name());
        int survived = 0;
        int lost = 0;
        int doubled = 0;
        List<String> problems = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            final int round = r;
            Path dir = context.dir(tag + "/round-" + round);
            Context.writeConfig(dir);
            String study = "kill-" + round;
            List<String> command = Sweeps.grid(backend, study, POINTS, BUDGET, JOBS, "0.4", List.of());
            int workerAt = random.nextInt(0, 5);
            int driverAt = workerAt + random.nextInt(1, 5);
            List<String> roundProblems = new ArrayList<>();
            String what;

            Driver driver = context.osprey().start(dir, backend.env(), dir.resolve("logs"), command);
            try {
                Waits.until("trial " + workerAt + " to end with a job in flight", Duration.ofSeconds(60),
                        () -> !driver.alive() || driver.trialsEnded() >= workerAt && !driver.jobs().isEmpty());
                List<ProcessHandle> jobs = driver.jobs();
                if (!jobs.isEmpty()) {
                    jobs.get(random.nextInt(jobs.size())).destroyForcibly();
                }
                Waits.until(driverAt + " trials to end with " + 2 + " jobs in flight", Duration.ofSeconds(60),
                        () -> !driver.alive() || driver.trialsEnded() >= driverAt && driver.jobs().size() >= 2);
                if (!driver.alive()) {
                    roundProblems.add("round " + round + ": the driver ended before its fault point; nothing was injected");
                }
                int inFlight = driver.jobs().size();
                driver.kill9();
                what = "worker killed after " + workerAt + " ended, driver after " + driverAt + " with " + inFlight
                        + " jobs in flight";
            } catch (Waits.TimedOut e) {
                driver.kill9();
                roundProblems.add("round " + round + ": " + e.getMessage() + "; driver stderr ends: " + tail(driver.stderr()));
                what = "fault point not reached";
            }

            Driver.Ended rerun = context.osprey().run(dir, backend.env(), dir.resolve("logs"), Duration.ofSeconds(120), command);
            if (rerun.exitCode() != 0 || rerun.hasStackTrace()) {
                roundProblems.add("round " + round + ": the rerun " + rerun.describe());
            }
            StudyAudit audit = StudyAudit.of(backend, study, dir, dir, OptionalInt.of(BUDGET), true);
            audit.problems().forEach(p -> roundProblems.add("round " + round + ": " + p));
            lost += audit.lost();
            doubled += audit.doubled();
            if (roundProblems.isEmpty()) {
                survived++;
            }
            problems.addAll(roundProblems);
            context.progress().accept(name() + " round " + round + ": " + what + "; rerun exit " + rerun.exitCode()
                    + "; " + audit.states() + (roundProblems.isEmpty() ? "; ok" : "; " + roundProblems.size() + " problem(s)"));
        }
        return new Outcome(name(), fault(), rounds, survived, lost, doubled, null, problems,
                (System.nanoTime() - t0) / 1e9);
    }

    static String tail(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(nothing)" : Driver.Ended.abbreviate(lines.getLast(), 200);
    }
}
