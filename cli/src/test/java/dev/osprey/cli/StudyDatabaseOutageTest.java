package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.sweeper.SweepSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code osprey run -m} on a PostgreSQL that goes away mid-sweep, driven as a user would (a JVM of
 * its own): one server that stays down, whose sweep stops within its storage timeout with its
 * results kept for {@code osprey collect}, and one that comes back, whose sweep goes on.
 */
class StudyDatabaseOutageTest {

    @TempDir
    Path work;

    private Path gate() {
        return work.resolve("release");
    }

    /** A sweep whose jobs wait for the gate file and then print {@code N.5}, N their trial number. */
    private Process sweep(String url, String grid, int storageTimeoutSeconds) throws IOException {
        Path conf = RunCommandTest.EXAMPLE.resolve("conf");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OspreyCli.class.getName(),
                "run", "-m", "-cp", conf.toString(), "-cn", "training", "training.seed=" + grid, "--n-jobs", "2",
                "--storage", url, "osprey.sweeper.storage_timeout_s=" + storageTimeoutSeconds,
                "osprey.sweep.dir=" + work.resolve("multirun"),
                "--", "sh", "-c", "touch started; until [ -e '" + gate() + "' ]; do sleep 0.1; done; echo {num}.5"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile()).start();
    }

    private Path log() {
        return work.resolve("sweep.log");
    }

    private String logText() throws IOException {
        return Files.exists(log()) ? Files.readString(log()) : "";
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    private boolean logContains(String text) {
        try {
            return logText().contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<TrialRecord> trials(String url) {
        try (Storage storage = Storages.open(url);
             Study study = Study.builder().name("training").storage(storage).heartbeatOff().load()) {
            return study.trials();
        }
    }

    @Test
    void aDatabaseThatStaysDownEndsTheSweepWithinItsTimeoutAndCollectBringsTheKeptResultsIn() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            String url = postgres.url();
            Process sweep = sweep(url, "1,2", 10);
            try {
                await(() -> Files.exists(work.resolve("multirun/0/started")) && Files.exists(work.resolve("multirun/1/started")),
                        Duration.ofSeconds(90), "both jobs run");
                postgres.halt();
                Instant lost = Instant.now();
                Files.createFile(gate());
                // the budget, the bound of one storage call, and generous room for a slow machine
                assertTrue(sweep.waitFor(10 + 15 + 60, TimeUnit.SECONDS), "the sweep ends within its timeout:\n" + logText());
                String log = logText();
                assertEquals(SweepSummary.EXIT_DATABASE_LOST, sweep.exitValue(), log);
                assertTrue(log.contains("the study database is unreachable ("), log);
                assertTrue(log.contains("retrying for up to 10 s, the "), log);
                assertTrue(log.contains("stopped: the study database was lost"), log);
                assertTrue(log.contains("study database lost"), log);
                assertTrue(log.contains("2 job result(s) kept in their job directories"), log);
                assertTrue(log.contains("osprey collect training"), log);
                assertTrue(java.util.regex.Pattern.compile("jobs run +2\\R").matcher(log).find(), log);
                assertTrue(Duration.between(lost, Instant.now()).compareTo(Duration.ofSeconds(10 + 15 + 60)) < 0);
                for (int job = 0; job < 2; job++) {
                    String result = Files.readString(work.resolve("multirun/" + job + "/result.json"));
                    assertTrue(result.contains("COMPLETED"), result);
                }
            } finally {
                sweep.destroyForcibly();
            }

            postgres.restart();
            List<TrialRecord> before = trials(url);
            assertEquals(2, before.size(), before.toString());
            assertTrue(before.stream().allMatch(t -> t.state() == TrialState.RUNNING), before.toString());
            CliRunner collect = CliRunner.run("collect", "training", "--storage", url);
            assertEquals(0, collect.exitCode(), collect.toString());
            assertTrue(collect.err().contains("collected 2 result(s); 0 job(s) still running"), collect.toString());
            List<TrialRecord> after = trials(url);
            assertEquals(2, after.size(), after.toString());
            for (TrialRecord t : after) {
                assertEquals(TrialState.COMPLETE, t.state(), t.toString());
                assertEquals(t.number() + 0.5, t.value(), 1e-12, t.toString());
            }
            CliRunner again = CliRunner.run("collect", "training", "--storage", url);
            assertTrue(again.err().contains("collected 0 result(s)"), "nothing is told twice: " + again);
        }
    }

    @Test
    void aDatabaseThatComesBackWithinTheTimeoutLetsTheSweepGoOnAsIfNothingHappened() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            String url = postgres.url();
            Process sweep = sweep(url, "1,2,3,4", 120);
            try {
                await(() -> Files.exists(work.resolve("multirun/0/started")) && Files.exists(work.resolve("multirun/1/started")),
                        Duration.ofSeconds(90), "both jobs run");
                postgres.halt();
                Files.createFile(gate());
                await(() -> logContains("the study database is unreachable ("), Duration.ofSeconds(60),
                        "the sweep says the database is unreachable");
                postgres.restart();
                assertTrue(sweep.waitFor(120 + 60, TimeUnit.SECONDS), "the sweep ends:\n" + logText());
                String log = logText();
                assertEquals(0, sweep.exitValue(), log);
                assertTrue(log.contains("retrying for up to 2 min, the 2 running job(s) go on"), log);
                assertTrue(log.contains("the study database answers again after"), log);
                assertTrue(log.contains("budget met") || log.contains("every point ran"), log);
            } finally {
                sweep.destroyForcibly();
            }
            List<TrialRecord> trials = trials(url);
            assertEquals(4, trials.size(), trials.toString());
            for (TrialRecord t : trials) {
                assertEquals(TrialState.COMPLETE, t.state(), t.toString());
                assertEquals(t.number() + 0.5, t.value(), 1e-12, t.toString());
            }
            assertEquals(List.of(0, 1, 2, 3), trials.stream().map(TrialRecord::number).toList());
        }
    }
}
