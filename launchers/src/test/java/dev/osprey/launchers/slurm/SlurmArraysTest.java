package dev.osprey.launchers.slurm;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.BatchSubmission;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.RemoteTesting;
import dev.osprey.launchers.protocol.ResultJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches as Slurm job arrays on a real cluster (scripts/slurm-single-node.sh): the cap of tasks
 * running at once, each task's own directory and result, cancelling one task, splitting a batch
 * that one array cannot hold. Each task records its own start and end (date +%s%N) in its
 * directory, and the overlap is read from those records.
 */
class SlurmArraysTest {

    /** Records its start and end in its job directory and prints its job number plus a half. */
    private static final Task TIMED = Task.Program.of("sh", "-c", "date +%s%N > \"$OSPREY_JOB_DIR/start\"; sleep 0.3;"
            + " date +%s%N > \"$OSPREY_JOB_DIR/end\"; echo \"$OSPREY_JOB_NUM.5\"");

    @TempDir
    Path work;

    @BeforeEach
    void requireSlurm() {
        RemoteTesting.requireSlurmCluster();
    }

    private static Launcher slurm(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("poll_interval_ms", 200, "kill_grace_s", 1));
        settings.putAll(extra);
        return Launchers.create("slurm", Config.of(settings));
    }

    private List<Job> jobs(int n, Task task) throws Exception {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.add(Job.of(i, task, Config.empty(), List.of(), Files.createDirectories(work.resolve("runs/" + i))));
        }
        return jobs;
    }

    private static String slurmSays(String... command) throws Exception {
        Commands.Output out = Commands.run(List.of(command), Map.of(), null, Duration.ofSeconds(30));
        assertTrue(out.ok(), out.message());
        return out.stdout();
    }

    /** The most tasks whose recorded [start, end] intervals overlap at one instant. */
    private static int mostAtOnce(List<Job> jobs) throws Exception {
        List<long[]> events = new ArrayList<>();
        for (Job job : jobs) {
            events.add(new long[]{Long.parseLong(Files.readString(job.directory().resolve("start")).strip()), 1});
            events.add(new long[]{Long.parseLong(Files.readString(job.directory().resolve("end")).strip()), -1});
        }
        // an end before a start at the same instant: touching intervals do not overlap
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int most = 0;
        for (long[] e : events) {
            now += (int) e[1];
            most = Math.max(most, now);
        }
        return most;
    }

    @Test
    void twentyJobsRunAsOneArrayAtMostTwoAtATimeEachWithItsOwnResult() throws Exception {
        List<Job> jobs = jobs(20, TIMED);
        try (Launcher launcher = slurm(Map.of())) {
            BatchSubmission arrays = launcher.batches().orElseThrow();
            List<JobHandle> handles = arrays.submitAll(jobs, 2);
            String array = handles.get(0).id().split("_")[0];
            for (int i = 0; i < 20; i++) {
                assertEquals(array + "_" + i, handles.get(i).id(), "task " + i + " of the one array");
            }
            assertTrue(slurmSays("scontrol", "show", "job", "-o", array + "_0").contains("ArrayTaskThrottle=2"),
                    "Slurm holds the array to 2 tasks at once");
            for (int i = 0; i < 20; i++) {
                JobResult result = handles.get(i).await();
                assertEquals(JobStatus.COMPLETED, result.status(), result.error());
                JobResult written = ResultJson.read(jobs.get(i).directory().resolve("result.json"), i);
                assertEquals(List.of(i + 0.5), written.values(), "job " + i + "'s own result.json");
                assertEquals(written.values(), result.values());
            }
            assertTrue(mostAtOnce(jobs) <= 2, "at most 2 tasks ran at once, but " + mostAtOnce(jobs) + " did");
        }
    }

    @Test
    void aCapOfOneRunsTheTasksOneAfterAnother() throws Exception {
        // the node has two CPUs or more, so without the cap two of these would overlap
        List<Job> jobs = jobs(4, TIMED);
        try (Launcher launcher = slurm(Map.of())) {
            List<JobHandle> handles = launcher.batches().orElseThrow().submitAll(jobs, 1);
            for (JobHandle handle : handles) {
                assertEquals(JobStatus.COMPLETED, handle.await().status(), handle.await().error());
            }
            assertEquals(1, mostAtOnce(jobs));
        }
    }

    @Test
    void cancellingOneTaskCancelsThatTaskAlone() throws Exception {
        Task task = Task.Program.of("sh", "-c", "if [ \"$OSPREY_JOB_NUM\" -eq 0 ]; then touch \"$OSPREY_JOB_DIR/started\";"
                + " sleep 300; fi; echo \"$OSPREY_JOB_NUM\"");
        List<Job> jobs = jobs(3, task);
        try (Launcher launcher = slurm(Map.of())) {
            List<JobHandle> handles = launcher.batches().orElseThrow().submitAll(jobs, 2);
            while (!Files.exists(jobs.get(0).directory().resolve("started"))) {
                assertTrue(!handles.get(0).result().isDone(), "task 0 ended before it was cancelled: " + handles.get(0).poll());
                Thread.onSpinWait();
            }
            handles.get(0).cancel();
            JobResult cancelled = handles.get(0).await();
            assertEquals(JobStatus.CANCELLED, cancelled.status(), cancelled.error());
            for (int i = 1; i < 3; i++) {
                JobResult result = handles.get(i).await();
                assertEquals(JobStatus.COMPLETED, result.status(), "task " + i + ": " + result.error());
                assertEquals(List.of((double) i), result.values());
            }
            String states = slurmSays("squeue", "-h", "-r", "-t", "all", "-o", "%i %T", "-j",
                    handles.get(0).id() + "," + handles.get(1).id());
            assertTrue(states.contains(handles.get(0).id() + " CANCELLED"), states);
            assertTrue(states.contains(handles.get(1).id() + " COMPLETED"), states);
        }
    }

    @Test
    void aBatchLargerThanOneArrayMayHoldRunsAsArraysOneAfterAnother() throws Exception {
        List<Job> jobs = jobs(5, TIMED);
        try (Launcher launcher = slurm(Map.of("max_array_size", 2))) {
            List<JobHandle> handles = launcher.batches().orElseThrow().submitAll(jobs, 2);
            Set<String> arrays = new HashSet<>();
            handles.forEach(h -> arrays.add(h.id().split("_")[0]));
            assertEquals(3, arrays.size(), "5 jobs in arrays of at most 2: " + handles.stream().map(JobHandle::id).toList());
            for (JobHandle handle : handles) {
                assertEquals(JobStatus.COMPLETED, handle.await().status(), handle.await().error());
            }
            // each array starts once the one before has ended
            for (int i = 2; i < 5; i += 2) {
                long start = Long.parseLong(Files.readString(jobs.get(i).directory().resolve("start")).strip());
                for (int before = 0; before < i; before++) {
                    long end = Long.parseLong(Files.readString(jobs.get(before).directory().resolve("end")).strip());
                    assertTrue(end <= start, "job " + i + " started before job " + before + " of the array before ended");
                }
            }
        }
    }

    @Test
    void aCapBelowOneIsRefusedNamingIt() throws Exception {
        try (Launcher launcher = slurm(Map.of())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> launcher.batches().orElseThrow().submitAll(jobs(2, TIMED), 0));
            assertTrue(e.getMessage().contains("at least 1, got 0"), e.getMessage());
        }
    }

    @Test
    void arraysCanBeTurnedOff() {
        try (Launcher launcher = slurm(Map.of("arrays", false))) {
            assertTrue(launcher.batches().isEmpty());
        }
    }
}
