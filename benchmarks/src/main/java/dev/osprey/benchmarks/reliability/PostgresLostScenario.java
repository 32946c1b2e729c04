package dev.osprey.benchmarks.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * PostgreSQL stopped for good under a sweep with jobs in flight: the driver must give up within its
 * storage timeout of saying so (plus one bounded storage call and its exit), exit with code 3 and
 * say the database was lost, and keep the running jobs' {@code result.json}. Once PostgreSQL is
 * back, {@code osprey collect} must tell the study those results: nothing lost, nothing RUNNING.
 */
final class PostgresLostScenario implements Scenario {

    static final int STORAGE_TIMEOUT_S = 15;
    /**
     * After the storage timeout, counted from the driver's "unreachable" line (cli.md): one more
     * storage call's bound (storage.md: about 15 s) and 5 s for the JVM's exit. The running jobs
     * take 3 s, well inside the timeout.
     */
    static final int SLACK_S = 15 + 5;

    @Override
    public String name() {
        return "PostgreSQL stopped for good mid-sweep, then osprey collect";
    }

    @Override
    public String fault() {
        return "PostgreSQL stopped for good under a sweep";
    }

    @Override
    public Outcome run(Context context) throws Exception {
        if (context.postgres().isEmpty()) {
            return Outcome.withoutPostgres(this);
        }
        PostgresCluster postgres = context.postgres().get();
        long t0 = System.nanoTime();
        Path dir = context.dir("pg-lost");
        Context.writeConfig(dir);
        Backend backend = postgres.freshSchema("rel_lost");
        List<String> command = Sweeps.grid(backend, "lost", 40, 12, 2, "3",
                List.of("osprey.sweeper.storage_timeout_s=" + STORAGE_TIMEOUT_S));
        List<String> problems = new ArrayList<>();
        Driver driver = context.osprey().start(dir, backend.env(), dir.resolve("logs"), command);
        Driver.Ended ended;
        double gaveUpAfter;
        try {
            Waits.until("2 trials to end with 2 jobs in flight", Duration.ofSeconds(60),
                    () -> !driver.alive() || driver.trialsEnded() >= 2 && driver.jobs().size() >= 2);
            postgres.halt();
            Waits.until("the driver to say the database is unreachable", Duration.ofSeconds(40),
                    () -> !driver.alive() || driver.stderr().contains("unreachable"));
            long noticed = System.nanoTime();
            ended = driver.await(Duration.ofSeconds(STORAGE_TIMEOUT_S + SLACK_S + 60));
            gaveUpAfter = (System.nanoTime() - noticed) / 1e9;
        } catch (Waits.TimedOut e) {
            driver.kill9();
            postgres.start();
            problems.add(e.getMessage());
            return new Outcome(name(), fault(), 1, 0, 0, 0, null, problems, (System.nanoTime() - t0) / 1e9);
        } finally {
            // back for good before anything else, whatever happened: the next scenarios need it
            if (!driver.alive()) {
                postgres.start();
            }
        }
        if (ended.exitCode() != 3) {
            problems.add("expected exit code 3 (database lost): the sweep " + ended.describe());
        }
        if (!(ended.stdout() + ended.stderr()).matches("(?s).*(study database lost|database was lost).*")) {
            problems.add("the sweep's output never says the database was lost");
        }
        if (ended.hasStackTrace()) {
            problems.add("the sweep printed a stack trace");
        }
        if (gaveUpAfter > STORAGE_TIMEOUT_S + SLACK_S) {
            problems.add(String.format(java.util.Locale.ROOT, "the sweep ended %.0f s after it said the database"
                    + " is unreachable, more than its storage timeout %d s plus %d s", gaveUpAfter, STORAGE_TIMEOUT_S, SLACK_S));
        }
        long kept;
        try (Stream<Path> walk = Files.walk(dir)) {
            kept = walk.filter(p -> p.getFileName().toString().equals("result.json")).count();
        }
        Driver.Ended collect = context.osprey().run(dir, backend.env(), dir.resolve("logs"), Duration.ofSeconds(60),
                List.of("collect", "lost", "--storage", backend.location()));
        if (collect.exitCode() != 0 || collect.hasStackTrace()) {
            problems.add("osprey collect " + collect.describe());
        }
        StudyAudit audit = StudyAudit.of(backend, "lost", dir, dir, OptionalInt.empty(), true);
        problems.addAll(audit.problems());
        context.progress().accept(String.format(java.util.Locale.ROOT, "%s: sweep exit %d %.0f s after its unreachable line;"
                + " %d result.json on disk; collect exit %d: %s; %s", name(), ended.exitCode(), gaveUpAfter, kept,
                collect.exitCode(), KillNineScenario.tail(collect.stdout() + collect.stderr()), audit.states()));
        return new Outcome(name(), fault(), 1, problems.isEmpty() ? 1 : 0, audit.lost(), audit.doubled(), null,
                problems, (System.nanoTime() - t0) / 1e9);
    }
}
