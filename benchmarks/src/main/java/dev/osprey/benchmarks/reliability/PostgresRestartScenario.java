package dev.osprey.benchmarks.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * PostgreSQL restarted under a running sweep: halted once trials have ended and jobs are in flight,
 * started again after a few seconds, once the driver has said the database is unreachable and its
 * running jobs have ended (so their results wait to be told across the outage). The sweep must ride it out and finish
 * with exactly its budget, nothing lost or doubled.
 */
final class PostgresRestartScenario implements Scenario {

    static final int BUDGET = 16;
    static final int OUTAGE_S = 5;

    @Override
    public String name() {
        return "PostgreSQL restarted mid-sweep";
    }

    @Override
    public String fault() {
        return "PostgreSQL halted and started again under a sweep";
    }

    @Override
    public Outcome run(Context context) throws Exception {
        if (context.postgres().isEmpty()) {
            return Outcome.withoutPostgres(this);
        }
        PostgresCluster postgres = context.postgres().get();
        long t0 = System.nanoTime();
        Path dir = context.dir("pg-restart");
        Context.writeConfig(dir);
        Backend backend = postgres.freshSchema("rel_restart");
        List<String> command = Sweeps.grid(backend, "restart", 40, BUDGET, 2, "0.5", List.of());
        List<String> problems = new ArrayList<>();
        Driver driver = context.osprey().start(dir, backend.env(), dir.resolve("logs"), command);
        boolean halted = false;
        try {
            Waits.until("3 trials to end with a job in flight", Duration.ofSeconds(60),
                    () -> !driver.alive() || driver.trialsEnded() >= 3 && !driver.jobs().isEmpty());
            postgres.halt();
            halted = true;
            long down = System.nanoTime();
            // the outage lasts OUTAGE_S at least, and until the driver has noticed it and its running
            // jobs have ended, so that their results wait to be told across it
            Waits.until("the driver to say the database is unreachable and its jobs to end", Duration.ofSeconds(60),
                    () -> !driver.alive() || driver.stderr().contains("unreachable") && driver.jobs().isEmpty()
                            && System.nanoTime() - down >= Duration.ofSeconds(OUTAGE_S).toNanos());
        } catch (Waits.TimedOut e) {
            problems.add(e.getMessage() + "; driver stderr ends: " + KillNineScenario.tail(driver.stderr()));
        } finally {
            if (halted) {
                postgres.start();
            }
        }
        Driver.Ended ended = driver.await(Duration.ofSeconds(120));
        if (ended.exitCode() != 0 || ended.hasStackTrace()) {
            problems.add("the sweep " + ended.describe());
        }
        if (!ended.stderr().contains("answers again")) {
            problems.add("the sweep never said the database answers again");
        }
        StudyAudit audit = StudyAudit.of(backend, "restart", dir, dir, OptionalInt.of(BUDGET), true);
        problems.addAll(audit.problems());
        context.progress().accept(name() + ": sweep exit " + ended.exitCode() + "; " + audit.states());
        return new Outcome(name(), fault(), 1, problems.isEmpty() ? 1 : 0, audit.lost(), audit.doubled(), null,
                problems, (System.nanoTime() - t0) / 1e9);
    }
}
