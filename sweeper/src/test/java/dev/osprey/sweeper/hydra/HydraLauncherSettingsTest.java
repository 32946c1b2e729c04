package dev.osprey.sweeper.hydra;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.ConfigRepository;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Overrides;
import dev.osprey.sweeper.multirun.FrameworkSettings;
import dev.osprey.sweeper.multirun.SweepInputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hydra's launcher plugins (hydra/launcher=joblib, submitit_local, submitit_slurm) as Osprey's launcher settings. */
class HydraLauncherSettingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path conf;

    private Composer composer;

    private void write(String path, String text) throws IOException {
        Path file = conf.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @BeforeEach
    void app() throws IOException {
        write("config.yaml", "lr: 0.1\n");
        write("cluster.yaml", """
                defaults:
                  - _self_
                  - override hydra/launcher: submitit_slurm
                hydra:
                  launcher:
                    partition: gpu
                    timeout_min: 120
                lr: 0.1
                """);
        composer = new Composer(ConfigRepository.fromDirectory(conf)).withHydraRuntime("app");
    }

    private Config composed(String config, String... overrides) {
        return composer.compose(config, List.of(overrides));
    }

    private HydraSettings settings(String config, String... overrides) {
        return HydraSettings.of(composed(config, overrides), "app", CLOCK);
    }

    private Config osprey(String config, String... overrides) {
        return settings(config, overrides).ospreyNode();
    }

    private String refused(String config, String... overrides) {
        return assertThrows(IllegalArgumentException.class, () -> settings(config, overrides)).getMessage();
    }

    /** The launcher settings of a composition, with {@code cpus} CPUs and no sweeper settings before them. */
    private HydraLauncherSettings launcher(int cpus, String config, String... overrides) {
        Config root = Config.of(Map.of(HydraRuntime.KEY, composed(config, overrides).find(HydraRuntime.KEY)
                .orElseThrow().toPlain()));
        return HydraLauncherSettings.of(root, Resolvers.standard(name -> null, CLOCK, Map.of()), Config.empty(), cpus);
    }

    @Test
    void hydrasBasicLauncherLeavesOspreysSettings() {
        HydraSettings basic = settings("config");
        assertFalse(basic.ospreyNode().has("launcher"));
        assertFalse(basic.ospreyNode().has("sweeper"));
        assertEquals(List.of(), basic.notes());
    }

    @Test
    void joblibRunsNJobsProcessesAtOnce() {
        HydraSettings joblib = settings("config", "hydra/launcher=joblib", "hydra.launcher.n_jobs=4");
        Config node = joblib.ospreyNode();
        assertEquals(Map.of("name", "process", "slots", 4L), node.find("launcher").orElseThrow().toPlain());
        assertEquals(4, node.getInt("sweeper.n_jobs"), "Hydra's basic sweeper hands joblib the whole batch");
        assertEquals(List.of("hydra/launcher=joblib: Osprey runs the trials as processes itself (osprey/launcher=process,"
                + " slots=4, osprey.sweeper.n_jobs=4)"), joblib.notes());
    }

    @Test
    void joblibsDefaultIsOneJobPerCpuAndNegativeCountsAreJoblibs() {
        int cpus = Runtime.getRuntime().availableProcessors();
        assertEquals(cpus, osprey("config", "hydra/launcher=joblib").getInt("launcher.slots"));
        HydraLauncherSettings allButOne = launcher(8, "config", "hydra/launcher=joblib", "hydra.launcher.n_jobs=-2");
        assertEquals(7, allButOne.ospreyNode().getInt("launcher.slots"));
        assertEquals(7, allButOne.ospreyNode().getInt("sweeper.n_jobs"));
        assertEquals(List.of("hydra/launcher=joblib: Osprey runs the trials as processes itself (osprey/launcher=process,"
                + " slots=7 (n_jobs=-2 of 8 CPUs), osprey.sweeper.n_jobs=7)"), allButOne.notes());
        assertEquals(1, launcher(2, "config", "hydra/launcher=joblib", "hydra.launcher.n_jobs=-5").ospreyNode()
                .getInt("launcher.slots"));
        assertTrue(refused("config", "hydra/launcher=joblib", "hydra.launcher.n_jobs=0")
                .startsWith("hydra.launcher.n_jobs=0: joblib refuses 0 jobs at once"));
    }

    @Test
    void theOptunaSweepersNJobsCapsTheJobsInFlight() {
        Config fewer = osprey("config", "hydra/sweeper=optuna", "hydra/launcher=joblib", "hydra.launcher.n_jobs=8");
        assertEquals(8, fewer.getInt("launcher.slots"));
        assertEquals(2, fewer.getInt("sweeper.n_jobs"), "hydra.sweeper.n_jobs=2 is the batch the plugin launches");
        Config one = osprey("config", "hydra/sweeper=optuna", "hydra/launcher=joblib", "hydra.launcher.n_jobs=1");
        assertEquals(1, one.getInt("sweeper.n_jobs"), "joblib runs one at a time");
        assertEquals(20, one.getInt("sweeper.n_trials"), "the sweeper's settings stay");
    }

    @Test
    void joblibOptionsWithoutAnOspreyMeaningAreRefusedOrNoted() {
        String timeout = refused("config", "hydra/launcher=joblib", "hydra.launcher.timeout=60");
        assertTrue(timeout.startsWith("hydra.launcher.timeout=60: ") && timeout.contains("osprey.job.timeout_s"), timeout);
        assertTrue(refused("config", "hydra/launcher=joblib", "hydra.launcher.require=sharedmem")
                .startsWith("hydra.launcher.require=sharedmem: Osprey runs each trial as a process of its own"));
        String mmap = refused("config", "hydra/launcher=joblib", "hydra.launcher.mmap_mode=c");
        assertTrue(mmap.startsWith("hydra.launcher.mmap_mode=c: ") && mmap.contains("osprey.launcher.slots"), mmap);
        HydraSettings noted = settings("config", "hydra/launcher=joblib", "hydra.launcher.verbose=10",
                "hydra.launcher.prefer=threads");
        assertEquals(List.of("hydra.launcher.prefer=threads is ignored: the plugin ignores it too (it always runs"
                + " joblib's loky backend); Osprey runs each trial as a process of its own",
                "hydra.launcher.verbose=10 is ignored: Osprey reports each trial's progress itself"),
                noted.notes().subList(1, 3));
        assertEquals(1, settings("config", "hydra/launcher=joblib", "hydra.launcher.mmap_mode=r",
                "hydra.launcher.batch_size=auto").notes().size(), "options at their defaults pass");
    }

    @Test
    void submititLocalIsTheProcessLauncherWithTheTimeLimit() {
        HydraSettings local = settings("config", "hydra/launcher=submitit_local", "hydra.launcher.timeout_min=30",
                "hydra.launcher.cpus_per_task=4");
        Config node = local.ospreyNode();
        assertEquals(Map.of("name", "process"), node.find("launcher").orElseThrow().toPlain());
        assertEquals(1800, node.getInt("job.timeout_s"));
        assertFalse(node.has("sweeper"), "as many at once as the sweeper has in flight");
        assertEquals(List.of("hydra/launcher=submitit_local: Osprey runs the trials as processes itself"
                + " (osprey/launcher=process, osprey.job.timeout_s=1800)", "hydra.launcher.cpus_per_task=4 is ignored:"
                + " submitit's local executor ignores it too; Osprey does not limit a local trial's CPUs or memory"),
                local.notes());
        HydraSettings defaults = settings("config", "hydra/launcher=submitit_local");
        assertEquals(Map.of("launcher", Map.of("name", "process")), defaults.ospreyNode().root().toPlain(),
                "the plugin's default time limit leaves Osprey's (none)");
        assertTrue(refused("config", "hydra/launcher=submitit_local", "hydra.launcher.gpus_per_node=1")
                .contains("CUDA_VISIBLE_DEVICES"));
        assertTrue(refused("config", "hydra/launcher=submitit_local", "hydra.launcher.tasks_per_node=2")
                .startsWith("hydra.launcher.tasks_per_node=2: Osprey runs each trial as one process"));
    }

    @Test
    void submititSlurmIsOspreysSlurmLauncherWithTheJobsResources() {
        HydraSettings slurm = settings("config", "hydra/launcher=submitit_slurm", "hydra.launcher.cpus_per_task=4",
                "hydra.launcher.mem_gb=16");
        assertEquals(Map.of("launcher", Map.of("name", "slurm", "cpus_per_task", 4L, "mem", "16G")),
                slurm.ospreyNode().root().toPlain());
        assertEquals(List.of("hydra/launcher=submitit_slurm: Osprey submits the trials to Slurm itself"
                + " (osprey/launcher=slurm, cpus_per_task=4, mem=16G)"), slurm.notes());
    }

    @Test
    void everySlurmResourceOfThePluginReachesSbatch() {
        Config node = osprey("cluster", "hydra.launcher.gpus_per_node=1", "hydra.launcher.qos=high",
                "hydra.launcher.account=lab", "hydra.launcher.constraint=a100", "hydra.launcher.exclude='node[1-2]'",
                "hydra.launcher.gres=gpu:1", "hydra.launcher.mem_per_cpu=4G", "hydra.launcher.cpus_per_gpu=8",
                "hydra.launcher.name=sphere", "hydra.launcher.array_parallelism=16",
                "+hydra.launcher.additional_parameters.mail_user='me@example.org'",
                "+hydra.launcher.additional_parameters.requeue=true");
        Config launcher = node.getConfig("launcher");
        assertEquals("slurm", launcher.getString("name"));
        assertEquals("gpu", launcher.getString("partition"));
        assertEquals(120, launcher.getInt("time"), "timeout_min is Slurm's time limit, in minutes");
        assertEquals(1, launcher.getInt("gpus"));
        assertEquals(List.of("--job-name=sphere", "--qos=high", "--constraint=a100", "--exclude=node[1-2]",
                "--gres=gpu:1", "--cpus-per-gpu=8", "--mem-per-cpu=4G", "--account=lab", "--mail-user=me@example.org",
                "--requeue"), launcher.getList("extra_args"), "in the order of the plugin's keys");
        assertEquals(16, node.getInt("sweeper.n_jobs"), "array_parallelism: jobs in flight");
        assertFalse(node.has("job"), "Slurm's time limit is the launcher's, not a job timeout of Osprey's");
    }

    @Test
    void slurmOptionsWithoutAnOspreyMeaningAreRefusedByName() {
        for (String option : List.of("signal_delay_s=60", "max_num_timeout=3", "setup=['module load cuda']",
                "srun_args=['--cpu-bind=none']", "nodes=2")) {
            String message = refused("cluster", "hydra.launcher." + option);
            assertTrue(message.startsWith("hydra.launcher." + option.substring(0, option.indexOf('=')) + "="),
                    message);
        }
        assertTrue(refused("cluster", "+hydra.launcher.additional_parameters.chdir=/tmp")
                .startsWith("hydra.launcher.additional_parameters.chdir=/tmp: Osprey sets sbatch's --chdir itself"));
        assertTrue(refused("cluster", "hydra.launcher.mem_gb=0").startsWith("hydra.launcher.mem_gb=0: "));
        HydraSettings noted = settings("cluster", "hydra.launcher.stderr_to_stdout=true",
                "hydra.launcher.submitit_folder=/scratch/submitit");
        assertEquals(List.of("hydra.launcher.submitit_folder=/scratch/submitit is ignored: Osprey keeps each trial's"
                + " logs in its own job folder", "hydra.launcher.stderr_to_stdout=true is ignored: Osprey writes each"
                + " trial's stdout.log and stderr.log"), noted.notes().subList(1, 3));
    }

    @Test
    void aLauncherOspreyDoesNotKnowIsRefused() throws IOException {
        write("hydra/launcher/ray.yaml", "_target_: hydra_plugins.hydra_ray_launcher.ray_launcher.RayLocalLauncher\n");
        Composer fresh = new Composer(ConfigRepository.fromDirectory(conf)).withHydraRuntime("app");
        var e = assertThrows(IllegalArgumentException.class, () -> HydraSettings.of(fresh.compose("config",
                List.of("hydra/launcher=ray")), "app", CLOCK));
        assertTrue(e.getMessage().startsWith("hydra.launcher._target_ hydra_plugins.hydra_ray_launcher.ray_launcher"
                + ".RayLocalLauncher is not a launcher Osprey knows"), e.getMessage());
    }

    @Test
    void theLauncherSettingsSitBelowTheConfigsOspreyNodeAndTheCommandLine() throws IOException {
        write("mine.yaml", """
                defaults:
                  - _self_
                  - override hydra/launcher: submitit_slurm
                hydra:
                  launcher:
                    partition: gpu
                    cpus_per_task: 8
                osprey:
                  launcher:
                    partition: debug
                lr: 0.1
                """);
        FrameworkSettings settings = SweepInputs.of(composer, "mine", Overrides.parseAll(List.of(
                "osprey.launcher.cpus_per_task=2")), "app", CLOCK).settings();
        assertEquals("slurm", settings.launcherName());
        assertEquals(Map.of("partition", "debug", "cpus_per_task", 2L), settings.launcherSettings().root().toPlain());
    }

    @Test
    void hydrasLauncherOverridesAreNotPassedOnToTheApp() {
        List<ConfigOverride> given = Overrides.parseAll(List.of("hydra/launcher=submitit_slurm",
                "hydra.launcher.partition=gpu", "hydra.launcher.mem_gb=16", "lr=0.5", "hydra.job.chdir=true",
                "hydra/job_logging=disabled", "+hydra.job.env_set.A=b", "x=interval(0,1)"));
        SweepInputs inputs = SweepInputs.of(composer, "config", given, "app", CLOCK);
        List<String> forwarded = List.of("lr=0.5", "hydra.job.chdir=true", "hydra/job_logging=disabled",
                "+hydra.job.env_set.A=b");
        assertEquals(forwarded, inputs.fixed().stream().map(ConfigOverride::input).toList());
        assertEquals(forwarded, inputs.trialOverrides().fixed().stream().map(ConfigOverride::input).toList());
        assertEquals(List.of("lr=0.5", "hydra.job.chdir=True", "hydra/job_logging=disabled", "+hydra.job.env_set.A=b",
                "x=0.25"), inputs.trialOverrides().forTrial(Map.of("x", 0.25)).stream().map(ConfigOverride::jobString)
                .toList());
        assertEquals("slurm", inputs.settings().launcherName(), "they are read all the same");
        assertEquals("16G", inputs.settings().launcherSettings().getString("mem"));
        assertEquals("gpu", inputs.hydra().orElseThrow().getString("launcher.partition"));
        assertTrue(HydraLauncherSettings.isLauncherOverride(Overrides.parse("hydra.launcher={n_jobs: 2}")));
        assertFalse(HydraLauncherSettings.isLauncherOverride(Overrides.parse("hydra.launcher_x=1")));
        assertFalse(HydraLauncherSettings.isLauncherOverride(Overrides.parse("launcher.partition=gpu")));
    }
}
