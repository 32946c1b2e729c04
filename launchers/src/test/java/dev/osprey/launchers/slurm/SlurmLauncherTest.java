package dev.osprey.launchers.slurm;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.ProgramLauncherContract;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.RemoteTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slurm launcher against a real Slurm cluster (scripts/slurm-single-node.sh starts one; its
 * env.sh exports SLURM_CONF). Slurm costs about a second per job, so the jobs are few and trivial.
 */
class SlurmLauncherTest extends ProgramLauncherContract {

    @BeforeEach
    void requireSlurm() {
        RemoteTesting.requireSlurmCluster();
    }

    private static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("poll_interval_ms", 100);
        settings.put("kill_grace_s", 2);
        return settings;
    }

    /** At most {@code slots} jobs at once on this one node: each job asks for its share of the CPUs. */
    @Override
    protected Launcher newLauncher(int slots) {
        Map<String, Object> settings = settings();
        settings.put("cpus_per_task", Math.max(1, Runtime.getRuntime().availableProcessors() / slots));
        return Launchers.create("slurm", Config.of(settings));
    }

    @Override
    protected int manyJobs() {
        return 4;
    }

    @Test
    void perJobResourcesOverrideTheLaunchersAndReachSlurm() throws Exception {
        Launcher launcher = launcher(2);
        JobHandle handle = launcher.submit(job(0, returning(1.0)).withSettings(Config.of(Map.of("cpus_per_task", 2))));
        assertTrue(handle.id().matches("\\d+"), handle.id());
        JobResult result = await(handle);
        assertEquals(JobStatus.COMPLETED, result.status(), result.error());
        Commands.Output show = Commands.run(List.of("scontrol", "show", "job", "-o", handle.id()), Map.of(), null,
                Duration.ofSeconds(30));
        assertTrue(show.stdout().contains("NumCPUs=2"), show.stdout());
        assertTrue(show.stdout().contains("JobName=osprey-0"), show.stdout());
        assertTrue(Files.exists(work.resolve("jobs/0/slurm-" + handle.id() + ".out")));
    }

    @Test
    void resourcesSlurmRefusesFailThatJobOnly() {
        Launcher launcher = launcher(2);
        JobHandle tooBig = launcher.submit(job(0, returning(1.0)).withSettings(Config.of(Map.of("mem", "999T"))));
        JobHandle noPartition = launcher.submit(job(1, returning(1.0))
                .withSettings(Config.of(Map.of("partition", "no-such-partition"))));
        JobHandle badType = launcher.submit(job(3, returning(1.0))
                .withSettings(Config.of(Map.of("cpus_per_task", "many"))));
        JobHandle fine = launcher.submit(job(2, returning(3.0)));
        JobResult refused = await(tooBig);
        assertEquals(JobStatus.FAILED, refused.status());
        assertTrue(refused.error().contains("sbatch refused the job"), refused.error());
        assertTrue(refused.error().contains("--mem=999T"), refused.error());
        JobResult unknown = await(noPartition);
        assertEquals(JobStatus.FAILED, unknown.status());
        assertTrue(unknown.error().toLowerCase().contains("partition"), unknown.error());
        JobResult invalid = await(badType);
        assertEquals(JobStatus.FAILED, invalid.status());
        assertTrue(invalid.error().contains("cpus_per_task"), invalid.error());
        assertEquals(List.of(3.0), await(fine).values());
    }

    @Test
    void aMissingProgramFailsInsteadOfHanging() {
        JobResult result = await(launcher(2).submit(job(0, Task.Program.of("no-such-program-osprey"))));
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("cannot run program 'no-such-program-osprey'"), result.error());
    }

    @Test
    void aJobCancelledOutsideOspreyIsCancelledWithTheReason() throws Exception {
        JobHandle handle = launcher(2).submit(job(0, sh("echo started; sleep 600")));
        RemoteTesting.waitFor("the job to start", Duration.ofSeconds(30),
                () -> Files.exists(work.resolve("jobs/0/stdout.log")));
        Commands.Output out = Commands.run(List.of("scancel", handle.id()), Map.of(), null, Duration.ofSeconds(30));
        assertEquals(0, out.exitCode(), out.message());
        JobResult result = await(handle);
        assertEquals(JobStatus.CANCELLED, result.status(), result.error());
        assertTrue(result.error().contains("outside Osprey"), result.error());
    }

    @Test
    void anUnreachableControllerIsASetupError() throws Exception {
        // the same cluster, but a port where no controller listens
        String conf = Files.readString(Path.of(System.getenv("SLURM_CONF")))
                .replaceAll("(?m)^SlurmctldPort=.*$", "SlurmctldPort=1");
        Path broken = Files.writeString(work.resolve("broken-slurm.conf"), conf);
        Map<String, Object> settings = settings();
        settings.put("slurm_conf", broken.toString());
        LauncherException e = assertThrows(LauncherException.class, () -> Launchers.create("slurm", Config.of(settings)));
        assertTrue(e.getMessage().contains("cannot reach the Slurm controller"), e.getMessage());
        assertTrue(e.getMessage().contains("scontrol"), e.getMessage());
    }

    @Test
    void aMissingSbatchIsASetupErrorThatNamesIt() throws Exception {
        Path empty = Files.createDirectories(work.resolve("no-slurm-here"));
        LauncherException e = assertThrows(LauncherException.class,
                () -> Launchers.create("slurm", Config.of(Map.of("bin_dir", empty.toString()))));
        assertTrue(e.getMessage().contains("'sbatch'"), e.getMessage());
        assertTrue(e.getMessage().contains("slurm-client"), e.getMessage());
    }

    @Test
    void aMissingWorkingDirectoryIsRefusedBeforeAnyJobStarts() {
        assertAMissingWorkingDirectoryIsRefusedBeforeAnyJobStarts();
    }

    @Test
    void theJobGetsNoStoragePassword() throws Exception {
        assertTheJobGetsNoStoragePassword();
    }
}
