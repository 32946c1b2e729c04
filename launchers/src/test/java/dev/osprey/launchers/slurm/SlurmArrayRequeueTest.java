package dev.osprey.launchers.slurm;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An array task requeued by hand while it runs: {@code scontrol requeue} runs it again and the
 * launcher follows it as the same job; {@code scontrol requeuehold} leaves it held, which Osprey
 * cannot follow: it fails as preempted, and the held task is cancelled so that it never runs later.
 * (This single-node cluster has no preemption configured, {@code PreemptType=preempt/none}; a
 * requeue and a held requeue are the two states a preemption leaves that Slurm lets a test make.)
 */
class SlurmArrayRequeueTest {

    /** Job 0 waits to be requeued on its first run and finishes on the next; job 1 finishes at once. */
    private static final Task WAITS_ON_FIRST_RUN = Task.Program.of("sh", "-c",
            "echo \"run ${OSPREY_RESTART_COUNT:-0}\" >> \"$OSPREY_JOB_DIR/runs\";"
                    + " if [ \"$OSPREY_JOB_NUM\" -eq 0 ] && [ \"${OSPREY_RESTART_COUNT:-0}\" -eq 0 ]; then sleep 120; fi;"
                    + " echo \"$OSPREY_JOB_NUM\"");

    @TempDir
    Path work;

    @BeforeEach
    void requireSlurm() {
        RemoteTesting.requireSlurmCluster();
    }

    private static Commands.Output slurm(String... command) throws Exception {
        return Commands.run(List.of(command), Map.of(), null, Duration.ofSeconds(30));
    }

    /** The job directory's files and their contents, to say what happened when a test fails. */
    private static String files(Path dir) throws Exception {
        StringBuilder out = new StringBuilder();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                out.append('\n').append(dir.relativize(p)).append(": ").append(Files.readString(p).strip());
            }
        }
        return out.toString();
    }

    /** Submits two jobs as one array and waits until job 0's first run has started. */
    private List<JobHandle> submitAndWaitForTaskZero(Launcher launcher) throws Exception {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            jobs.add(Job.of(i, WAITS_ON_FIRST_RUN, Config.empty(), List.of(),
                    Files.createDirectories(work.resolve("runs/" + i))));
        }
        List<JobHandle> handles = launcher.batches().orElseThrow().submitAll(jobs, 2);
        Path runs = jobs.get(0).directory().resolve("runs");
        while (!Files.exists(runs) || !Files.readString(runs).contains("run 0")) {
            assertFalse(handles.get(0).result().isDone(), "task 0 ended before it was requeued: " + handles.get(0).poll());
            Thread.onSpinWait();
        }
        return handles;
    }

    @Test
    void aRequeuedArrayTaskRunsAgainAsTheSameJob() throws Exception {
        try (Launcher launcher = Launchers.create("slurm", Config.of(Map.of("poll_interval_ms", 200)))) {
            List<JobHandle> handles = submitAndWaitForTaskZero(launcher);
            String id = handles.get(0).id();
            long requeuedInSecond = System.currentTimeMillis() / 1000;
            Commands.Output requeue = slurm("scontrol", "requeue", id);
            assertTrue(requeue.ok(), requeue.message());
            // Slurm holds a requeued job back for a while (BeginTime); the test lets it start once it is pending
            // and the clock has left the second of the requeue: slurmd refuses a job started in that second
            // ("Job credential revoked"), and the job would then end FAILED for real
            while (!slurm("squeue", "-h", "-r", "-o", "%T", "-j", id).stdout().contains("PENDING")
                    || System.currentTimeMillis() / 1000 <= requeuedInSecond + 1) {
                assertFalse(handles.get(0).result().isDone(), "the requeue ended the task: " + handles.get(0).poll());
                Thread.onSpinWait();
            }
            slurm("scontrol", "update", "JobId=" + id, "StartTime=now");
            JobResult result = handles.get(0).await();
            assertEquals(JobStatus.COMPLETED, result.status(), result.error() + "; files: " + files(work.resolve("runs/0")));
            assertEquals(List.of(0.0), result.values());
            assertEquals(id, handles.get(0).id(), "the same array task");
            assertEquals(JobStatus.COMPLETED, handles.get(1).await().status(), handles.get(1).await().error());
        }
    }

    @Test
    void aTaskRequeuedAndHeldFailsAsPreemptedAndIsCancelled() throws Exception {
        try (Launcher launcher = Launchers.create("slurm", Config.of(Map.of("poll_interval_ms", 200)))) {
            List<JobHandle> handles = submitAndWaitForTaskZero(launcher);
            String id = handles.get(0).id();
            Commands.Output hold = slurm("scontrol", "requeuehold", id);
            assertTrue(hold.ok(), hold.message());
            JobResult result = handles.get(0).await();
            assertEquals(JobStatus.FAILED, result.status(), result.error());
            assertTrue(result.isPreempted(), result.error());
            assertTrue(result.error().startsWith("preempted: Slurm reports that job " + id + " was requeued and is held"),
                    result.error());
            assertEquals(JobStatus.COMPLETED, handles.get(1).await().status(), "the other task is not touched");
            String state = "";
            for (int i = 0; i < 100 && !state.contains("CANCELLED"); i++) {
                state = slurm("squeue", "-h", "-r", "-t", "all", "-o", "%T", "-j", id).stdout();
                Thread.sleep(100); // polling Slurm's state, not waiting in place of a condition
            }
            assertTrue(state.contains("CANCELLED"), "the held task is cancelled, so it never runs later: " + state);
        }
    }
}
