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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Slurm job requeued by hand ({@code scontrol requeue}) while it runs: Slurm runs it again, and
 * the launcher follows it to its end as the same job; the killed run's files do not count.
 */
class SlurmRequeueTest {

    @TempDir
    Path work;

    @BeforeEach
    void requireSlurm() {
        RemoteTesting.requireSlurmCluster();
    }

    private static Commands.Output slurm(String... command) throws Exception {
        return Commands.run(List.of(command), Map.of(), null, Duration.ofSeconds(30));
    }

    @Test
    void aRequeuedJobRunsAgainAndCompletesAsTheSameJob() throws Exception {
        // the first run waits to be requeued; the restarted one (OSPREY_RESTART_COUNT=1) resumes and finishes
        String program = "echo \"run ${OSPREY_RESTART_COUNT:-0}\" >> runs;"
                + " if [ \"${OSPREY_RESTART_COUNT:-0}\" -eq 0 ]; then echo 9 > objective.txt; sleep 120; fi; echo 0.25";
        Path dir = Files.createDirectories(work.resolve("job"));
        try (Launcher launcher = Launchers.create("slurm", Config.of(Map.of("poll_interval_ms", 200)))) {
            JobHandle handle = launcher.submit(Job.of(0, Task.Program.of("sh", "-c", program), Config.empty(), List.of(),
                    dir));
            String id = handle.id();
            Path runs = dir.resolve("runs");
            while (!Files.exists(runs) || !Files.readString(runs).contains("run 0")) {
                assertTrue(!handle.result().isDone(), "the job ended before it was requeued: " + handle.poll());
                Thread.onSpinWait();
            }
            long requeuedInSecond = System.currentTimeMillis() / 1000;
            Commands.Output requeue = slurm("scontrol", "requeue", id);
            assertTrue(requeue.ok(), requeue.message());
            // Slurm holds a requeued job back for a while (BeginTime); the test lets it start once it is pending
            // and the clock has left the second of the requeue: slurmd refuses a job started in that second
            // ("Job credential revoked"), and the job would then end FAILED for real
            while (!slurm("squeue", "-h", "-o", "%T|%r", "-j", id).stdout().contains("PENDING")
                    || System.currentTimeMillis() / 1000 <= requeuedInSecond + 1) {
                assertTrue(!handle.result().isDone(), "the requeue ended the job: " + handle.poll());
                Thread.onSpinWait();
            }
            slurm("scontrol", "update", "JobId=" + id, "StartTime=now");
            JobResult result = handle.await();
            assertEquals(JobStatus.COMPLETED, result.status(), result.error());
            assertEquals(List.of(0.25), result.values(), "the restarted run's objective, not the killed run's file");
            assertEquals(id, handle.id(), "the same Slurm job");
            assertEquals(List.of("run 0", "run 1"), Files.readAllLines(runs));
        }
    }
}
