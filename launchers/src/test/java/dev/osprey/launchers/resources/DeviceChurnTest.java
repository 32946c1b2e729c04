package dev.osprey.launchers.resources;

import dev.osprey.launchers.Resources;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.RemoteTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fake GPU pool under churn: many short jobs asking for one or two devices, some pruned, some
 * cancelled while they run. Each job records the devices it saw and when it started and ended; no
 * device may be seen by two jobs running at the same time, and every job must have run.
 */
class DeviceChurnTest {

    private static final int JOBS = 24;
    /** Records the devices, start and end (also when stopped), reports a value, sleeps, prints its objective. */
    private static final String PROGRAM = "echo \"start $(date +%s%N) $CUDA_VISIBLE_DEVICES $OSPREY_GPUS\" >> times;"
            + " trap 'echo \"end $(date +%s%N)\" >> times; exit 143' TERM;"
            + " echo \"osprey:report 1 $1\"; sleep \"$2\" & wait $!;"
            // a stop that comes after the sleep (a prune decided late) must not record a second end
            + " trap '' TERM; echo \"end $(date +%s%N)\" >> times; echo 0.5";

    @TempDir
    Path root;

    private record Run(int number, List<String> devices, long start, long end) {
    }

    private Launcher launcher(String name) {
        Map<String, Object> settings = new HashMap<>(Map.of("slots", 8, "gpus", List.of(0, 1, 2, 3), "kill_grace_s", 2));
        if (name.equals("tsp")) {
            RemoteTesting.require(Commands.find("tsp").isPresent(), "task-spooler's tsp is not on PATH");
            settings.put("socket", root.resolve("queue/socket").toString());
            settings.put("poll_interval_ms", 50);
        }
        return Launchers.create(name, Config.of(settings));
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "tsp"})
    void noTwoRunningJobsShareADevice(String name) throws Exception {
        List<JobHandle> handles = new ArrayList<>();
        try (Launcher launcher = launcher(name)) {
            for (int n = 0; n < JOBS; n++) {
                Path dir = Files.createDirectories(root.resolve("jobs/" + n));
                boolean pruned = n % 5 == 4;
                String sleep = n % 7 == 3 ? "30" : "0." + (1 + n % 3);
                Task task = Task.Program.of("sh", "-c", PROGRAM, "sh", pruned ? "9" : "1", sleep);
                Job job = Job.of(n, task, Config.empty(), List.of(), dir)
                        .withSettings(Config.of(Map.of("resources", Map.of("gpus", 1 + n % 2))))
                        .withPruning((step, value) -> value > 4);
                handles.add(launcher.submit(job));
            }
            for (int n = 3; n < JOBS; n += 7) { // the long ones: cancel them once they run
                Path times = root.resolve("jobs/" + n + "/times");
                while (!Files.exists(times) || !Files.readString(times).contains("start")) {
                    assertFalse(handles.get(n).result().isDone(), "job " + n + " ended before it was cancelled");
                    Thread.onSpinWait();
                }
                handles.get(n).cancel();
            }
            for (JobHandle handle : handles) {
                JobResult result = handle.await();
                JobStatus expected = handle.number() % 7 == 3 ? JobStatus.CANCELLED
                        : handle.number() % 5 == 4 ? JobStatus.PRUNED : JobStatus.COMPLETED;
                assertEquals(expected, result.status(), "job " + handle.number() + ": " + result.error());
            }
        }
        List<Run> runs = new ArrayList<>();
        for (int n = 0; n < JOBS; n++) {
            List<String> lines = Files.readAllLines(root.resolve("jobs/" + n + "/times"));
            assertEquals(2, lines.size(), "job " + n + " ran once and recorded its end: " + lines);
            String[] start = lines.get(0).split(" ");
            List<String> devices = List.of(start[2].split(","));
            assertEquals(start[2], start[3], "OSPREY_GPUS is CUDA_VISIBLE_DEVICES");
            assertEquals(1 + n % 2, devices.size(), "job " + n + " got the GPUs it asked for: " + devices);
            runs.add(new Run(n, devices, Long.parseLong(start[1]), Long.parseLong(lines.get(1).split(" ")[1])));
        }
        int overlapping = 0;
        for (Run a : runs) {
            for (Run b : runs) {
                if (a.number() < b.number() && a.start() < b.end() && b.start() < a.end()) {
                    overlapping++;
                    for (String device : a.devices()) {
                        assertFalse(b.devices().contains(device), "jobs " + a.number() + " and " + b.number()
                                + " ran at the same time on device " + device + ": " + a + " " + b);
                    }
                }
            }
        }
        assertTrue(overlapping > 0, "some jobs ran at the same time, or the pool was not put to the test");
    }

    @Test
    void aJobAskingForMoreThanThePoolFailsAtOnce() throws Exception {
        try (Launcher launcher = launcher("process")) {
            Path dir = Files.createDirectories(root.resolve("big"));
            Job job = Job.of(0, Task.Program.of("true"), Config.empty(), List.of(), dir)
                    .withSettings(Config.of(Map.of("resources", Map.of("gpus", 5))));
            JobResult result = launcher.submit(job).await();
            assertEquals(JobStatus.FAILED, result.status());
            assertTrue(result.error().contains("job 0 asks for 5 GPU(s), but the pool has 4 [0, 1, 2, 3]"),
                    result.error());
        }
    }

    @Test
    void aJobCancelledWhileWaitingForDevicesNeverRuns() throws Exception {
        try (Launcher launcher = launcher("process")) {
            Path first = Files.createDirectories(root.resolve("first"));
            Path second = Files.createDirectories(root.resolve("second"));
            Config all = Config.of(Map.of("resources", Map.of("gpus", 4)));
            JobHandle holding = launcher.submit(Job.of(0, Task.Program.of("sh", "-c", "touch started; sleep 30"),
                    Config.empty(), List.of(), first).withSettings(all));
            JobHandle waiting = launcher.submit(Job.of(1, Task.Program.of("sh", "-c", "touch started"),
                    Config.empty(), List.of(), second).withSettings(all));
            while (!Files.exists(first.resolve("started"))) {
                Thread.onSpinWait();
            }
            assertEquals("waiting for devices", waiting.id());
            waiting.cancel();
            assertEquals(JobStatus.CANCELLED, waiting.await().status());
            holding.cancel();
            assertEquals(JobStatus.CANCELLED, holding.await().status());
            assertFalse(Files.exists(second.resolve("started")));
        }
    }

    @Test
    void theLocalLaunchersSayWhatOfAPresetTheyCannotHonour() {
        Resources preset = Resources.from(Config.of(Map.of("mem", "32G", "partition", "gpu", "gpus", 1,
                "env", Map.of("A", "1"))).root(), "task_env");
        try (Launcher launcher = Launchers.create("process", Config.of(Map.of("slots", 1)))) {
            List<String> cannot = launcher.cannotHonour(preset);
            assertEquals(3, cannot.size(), cannot.toString());
            assertTrue(cannot.get(0).startsWith("mem=32G"), cannot.toString());
            assertTrue(cannot.get(1).startsWith("partition=gpu"), cannot.toString());
            assertTrue(cannot.get(2).startsWith("gpus=1 (no GPU pool"), cannot.toString());
        }
        try (Launcher launcher = Launchers.create("in-process", Config.of(Map.of("slots", 1)))) {
            assertEquals(List.of("mem (the in-process launcher does not honour it)",
                    "gpus (the in-process launcher does not honour it)",
                    "partition (the in-process launcher does not honour it)",
                    "env (the in-process launcher does not honour it)"), launcher.cannotHonour(preset));
        }
    }

    @Test
    void aPresetsVariablesReachTheProgram() throws Exception {
        try (Launcher launcher = launcher("process")) {
            Path dir = Files.createDirectories(root.resolve("env"));
            Job job = Job.of(0, Task.Program.of("sh", "-c", "echo \"$NCCL_DEBUG\" > seen; echo 1"), Config.empty(),
                    List.of(), dir).withSettings(Config.of(Map.of("resources", Map.of("env", Map.of("NCCL_DEBUG", "INFO")))));
            assertEquals(JobStatus.COMPLETED, launcher.submit(job).await().status());
            assertEquals("INFO", Files.readString(dir.resolve("seen")).strip());
        }
    }
}
