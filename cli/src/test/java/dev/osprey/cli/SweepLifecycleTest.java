package dev.osprey.cli;

import dev.osprey.launchers.internal.RemoteTesting;
import dev.osprey.sweeper.Sweeper;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

/** A sweep's life outside one call: Ctrl-C on a running sweep, and fire-and-forget with a later collect. */
class SweepLifecycleTest {

    @TempDir
    Path work;

    private List<TrialRecord> trials(String storage, String study) {
        try (Storage s = Storages.open(storage);
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void ctrlCCancelsRunningJobsFailsTheirTrialsAndLeavesAResumableStudy() throws Exception {
        Path conf = RunCommandTest.EXAMPLE.resolve("conf");
        String storage = work.resolve("studies").toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OspreyCli.class.getName(),
                "run", "-m", "-cp", conf.toString(), "-cn", "training", "model=resnet,vit", "--n-jobs", "2",
                "--storage", storage, "osprey.sweep.dir=" + work.resolve("multirun"),
                "--", "sh", "-c", "touch started; sleep 600"));
        Process sweep = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("sweep.log").toFile()).start();
        try {
            await(() -> Files.exists(work.resolve("multirun/0/started")) && Files.exists(work.resolve("multirun/1/started")),
                    "both jobs run");
            sweep.toHandle().destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
            assertTrue(sweep.waitFor(60, TimeUnit.SECONDS), "the sweep ends after the interrupt");
        } finally {
            sweep.destroyForcibly();
        }
        List<TrialRecord> trials = trials(storage, "training");
        assertEquals(2, trials.size(), Files.readString(work.resolve("sweep.log")));
        String log = Files.readString(work.resolve("sweep.log"));
        for (TrialRecord t : trials) {
            assertEquals(TrialState.FAIL, t.state(), log);
            assertEquals("cancelled: interrupted", t.failReason().orElseThrow(), log);
        }
        // resumable: the failed points run again
        CliRunner again = CliRunner.run("run", "-m", "-cp", conf.toString(), "-cn", "training", "model=resnet,vit",
                "--storage", storage, "osprey.sweep.dir=" + work.resolve("again"), "--", "sh", "-c", "echo 0.5");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(4, trials(storage, "training").size());
        assertEquals(2, trials(storage, "training").stream().filter(t -> t.state() == TrialState.COMPLETE).count());
    }

    /**
     * Ctrl-C on a terminal sends SIGINT to the whole process group: the jobs die of it at the same
     * moment as the sweep is interrupted, and their trials are cancelled as interrupted, not failed.
     */
    @Test
    void ctrlCToTheWholeProcessGroupCancelsTheTrialsAsInterrupted() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")),
                "setsid (util-linux) is needed to give the sweep a process group of its own");
        Path conf = RunCommandTest.EXAMPLE.resolve("conf");
        String storage = work.resolve("studies").toString();
        List<String> command = new ArrayList<>(List.of("/usr/bin/setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OspreyCli.class.getName(),
                "run", "-m", "-cp", conf.toString(), "-cn", "training", "model=resnet,vit", "--n-jobs", "2",
                "--storage", storage, "osprey.sweep.dir=" + work.resolve("multirun"),
                "--", "sh", "-c", "touch started; sleep 600"));
        Process sweep = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("sweep.log").toFile()).start();
        try {
            await(() -> Files.exists(work.resolve("multirun/0/started")) && Files.exists(work.resolve("multirun/1/started")),
                    "both jobs run");
            Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + sweep.pid()).inheritIO().start();
            assertEquals(0, kill.waitFor(), "SIGINT reached the process group");
            assertTrue(sweep.waitFor(60, TimeUnit.SECONDS), "the sweep ends after the interrupt");
        } finally {
            sweep.destroyForcibly();
        }
        String log = Files.readString(work.resolve("sweep.log"));
        List<TrialRecord> trials = trials(storage, "training");
        assertEquals(2, trials.size(), log);
        for (TrialRecord t : trials) {
            assertEquals(TrialState.FAIL, t.state(), log);
            assertEquals("cancelled: interrupted", t.failReason().orElseThrow(), log);
        }
    }

    @Test
    void aDetachedSweepReturnsAtOnceAndCollectTellsTheStudyLater() throws Exception {
        RemoteTesting.require(dev.osprey.launchers.internal.Commands.find("tsp").isPresent(),
                "task-spooler's tsp is not on PATH; the detached sweep test needs it");
        Path conf = RunCommandTest.EXAMPLE.resolve("conf");
        String storage = work.resolve("studies").toString();
        Path socket = work.resolve("tsp").resolve("socket");
        Files.createDirectories(socket.getParent());
        try {
            CliRunner run = CliRunner.run("run", "-m", "--detach", "-cp", conf.toString(), "-cn", "training",
                    "optimizer.lr=0.001,0.01,0.1", "osprey/launcher=tsp", "osprey.launcher.socket=" + socket,
                    "--storage", storage, "--study", "fire", "osprey.sweep.dir=" + work.resolve("multirun"),
                    "--", "python3", RunCommandTest.EXAMPLE.resolve("train.py").toString(), "{overrides}");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.err().contains("submitted: id"), run.toString());
            assertTrue(run.out().contains("osprey collect fire"), run.toString());
            assertEquals(3, trials(storage, "fire").size());
            assertTrue(trials(storage, "fire").stream().allMatch(t -> t.state() == TrialState.RUNNING));
            for (TrialRecord t : trials(storage, "fire")) {
                Path result = Path.of((String) t.userAttrs().get(Sweeper.ATTR_JOB_DIR)).resolve("result.json");
                await(() -> Files.exists(result), "job " + t.number() + " wrote " + result);
            }
            CliRunner collect = CliRunner.run("collect", "fire", "--storage", storage);
            assertEquals(0, collect.exitCode(), collect.toString());
            assertTrue(collect.err().contains("collected 3 result(s)"), collect.err());
            assertTrue(trials(storage, "fire").stream().allMatch(t -> t.state() == TrialState.COMPLETE),
                    trials(storage, "fire") + "\n" + collect);
        } finally {
            ProcessBuilder stop = new ProcessBuilder("tsp", "-K").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            stop.environment().put("TS_SOCKET", socket.toString());
            stop.start().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
