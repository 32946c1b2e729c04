package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep driver killed with kill -9 while four jobs run: the jobs run on, and the next sweep on
 * the study takes them over at once, those that ended while no one watched and those still
 * running, so that no finished job's value is lost and the budget holds exactly.
 */
class DriverKilledTest {

    @TempDir
    Path work;

    @Test
    void theNextSweepTakesOverTheJobsOfADriverKilledWithFourInFlight() throws Exception {
        Path gates = Files.createDirectories(work.resolve("gates"));
        String storage = work.resolve("studies").toString();
        String[] sweep = {"run", "-m", "-cp", RunCommandTest.EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "optimizer.lr=interval(0.001,0.1)", "--n-trials", "12", "--n-jobs", "4", "--storage", storage,
                "--study", "killed", "osprey.sweep.dir=" + work.resolve("multirun"), "--",
                // job N waits for the test to open gate N, then reports N as its objective
                "sh", "-c", "touch started; until [ -e \"$0\" ]; do sleep 0.05; done; echo \"$1\"",
                gates.resolve("{num}").toString(), "{num}"};
        List<String> first = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), OspreyCli.class.getName()));
        first.addAll(List.of(sweep));
        try {
            killTheFirstDriverAndRunAgain(first, sweep, gates, storage);
        } finally {
            // whatever failed, no job may be left waiting for its gate
            for (int n = 0; n < 12; n++) {
                if (!Files.exists(gates.resolve(Integer.toString(n)))) {
                    Files.createFile(gates.resolve(Integer.toString(n)));
                }
            }
        }
    }

    private void killTheFirstDriverAndRunAgain(List<String> first, String[] sweep, Path gates, String storage)
            throws Exception {
        Process driver = new ProcessBuilder(first).redirectErrorStream(true)
                .redirectOutput(work.resolve("first.log").toFile()).start();
        try {
            open(gates, 0, 1, 2, 3);
            await(() -> IntStream.rangeClosed(4, 7).allMatch(n -> started(n)), () -> "jobs 4 to 7 run");
            driver.destroyForcibly(); // SIGKILL: no shutdown hook, nothing told
            assertTrue(driver.waitFor(30, TimeUnit.SECONDS));
        } finally {
            driver.destroyForcibly();
        }
        // two jobs end while no driver watches them; two run on into the next sweep
        open(gates, 4, 5);
        await(() -> Files.exists(job(4).resolve(".osprey/exit_code")) && Files.exists(job(5).resolve(".osprey/exit_code")),
                () -> "jobs 4 and 5 end");

        CompletableFuture<CliRunner> second = CompletableFuture.supplyAsync(() -> CliRunner.run(sweep));
        // the next sweep fills its four slots with the two jobs it took over and two new ones
        await(() -> started(8) && started(9) || second.isDone(), () -> "the next sweep starts jobs 8 and 9; trials: "
                + trials(storage) + "; folders: " + folders());
        assertTrue(!second.isDone(), () -> "the next sweep ended early: " + second.join() + "\nfirst driver:\n"
                + read(work.resolve("first.log")));
        assertTrue(!started(10), "two of its four slots hold the jobs it took over");
        open(gates, 6, 7, 8, 9, 10, 11);
        CliRunner rerun = second.get(120, TimeUnit.SECONDS);

        assertEquals(0, rerun.exitCode(), rerun.toString());
        assertTrue(rerun.err().contains("trial 6 taken over") && rerun.err().contains("trial 7 taken over"),
                rerun.toString());
        List<TrialRecord> trials = trials(storage);
        assertEquals(12, trials.size(), "the budget, exactly: " + trials);
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), t.toString());
            assertEquals(t.number(), t.value(), 0.0, "each job's own value: " + t);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Whether job {@code number} started, in the first sweep's folder or the next one's ({@code multirun_1}). */
    private boolean started(int number) {
        return Files.exists(job(number).resolve("started"))
                || Files.exists(work.resolve("multirun_1").resolve(Integer.toString(number)).resolve("started"));
    }

    private Path job(int number) {
        return work.resolve("multirun").resolve(Integer.toString(number));
    }

    private static void open(Path gates, int... numbers) throws java.io.IOException {
        for (int n : numbers) {
            Files.createFile(gates.resolve(Integer.toString(n)));
        }
    }

    private List<TrialRecord> trials(String storage) {
        try (Storage s = Storages.open(storage);
             Study loaded = Study.builder().name("killed").storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    private String folders() {
        try (java.util.stream.Stream<Path> files = Files.walk(work)) {
            return files.filter(p -> p.getFileName().toString().equals("started") || p.toString().contains("exit_code"))
                    .map(work::relativize).sorted().toList().toString();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what.get());
            }
            Thread.sleep(50);
        }
    }
}
