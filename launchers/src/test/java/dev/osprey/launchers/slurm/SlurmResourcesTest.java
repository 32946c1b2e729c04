package dev.osprey.launchers.slurm;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.LauncherException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlurmResourcesTest {

    @Test
    void settingsBecomeSbatchOptions() {
        Config base = Config.of(Map.of("partition", "gpu", "time", 90, "cpus_per_task", 4, "mem", "8G", "gpus", 1,
                "extra_args", List.of("--qos=high", "--account=lab")));
        assertEquals(List.of("--partition=gpu", "--time=90", "--cpus-per-task=4", "--mem=8G", "--gpus=1",
                "--qos=high", "--account=lab"), SlurmResources.arguments(base, Config.empty(), Optional.empty()));
    }

    @Test
    void theJobsOwnSettingsWin() {
        Config base = Config.of(Map.of("cpus_per_task", 1, "mem", "1G"));
        Config job = Config.of(Map.of("cpus_per_task", 8));
        assertEquals(List.of("--cpus-per-task=8", "--mem=1G"), SlurmResources.arguments(base, job, Optional.empty()));
    }

    @Test
    void aSlurmTimeStringPassesAndAJobTimeoutIsTheDefaultLimit() {
        assertEquals(List.of("--time=1-02:00:00"), SlurmResources.arguments(
                Config.of(Map.of("time", "1-02:00:00")), Config.empty(), Optional.of(Duration.ofSeconds(5))));
        assertEquals(List.of("--time=3"), SlurmResources.arguments(
                Config.empty(), Config.empty(), Optional.of(Duration.ofSeconds(61))));
    }

    @Test
    void wrongTypesNameTheSetting() {
        LauncherException cpus = assertThrows(LauncherException.class, () -> SlurmResources.arguments(
                Config.of(Map.of("cpus_per_task", "many")), Config.empty(), Optional.empty()));
        assertTrue(cpus.getMessage().contains("osprey.launcher.cpus_per_task"), cpus.getMessage());
        LauncherException time = assertThrows(LauncherException.class, () -> SlurmResources.arguments(
                Config.of(Map.of("time", 1.5)), Config.empty(), Optional.empty()));
        assertTrue(time.getMessage().contains("osprey.launcher.time"), time.getMessage());
    }

    @Test
    void aPresetBecomesSbatchOptionsOverTheLaunchersSettings() {
        Config base = Config.of(Map.of("partition", "cpu", "mem", "1G", "extra_args", List.of("--qos=low")));
        Config job = Config.of(Map.of("resources", Map.of("cpus", 8, "mem", "32G", "gpus", 2, "gpu_kind", "a100",
                "time", "2:00:00", "partition", "gpu", "slurm_extra_args", List.of("--constraint=ib"))));
        assertEquals(List.of("--partition=gpu", "--time=2:00:00", "--cpus-per-task=8", "--mem=32G", "--gpus=a100:2",
                "--qos=low", "--constraint=ib"), SlurmResources.arguments(base, job, Optional.empty()));
    }

    @Test
    void aBadPresetNamesItsKey() {
        LauncherException e = assertThrows(LauncherException.class, () -> SlurmResources.arguments(Config.empty(),
                Config.of(Map.of("resources", Map.of("gpu", 1))), Optional.empty()));
        assertTrue(e.getMessage().contains("unknown key 'gpu'"), e.getMessage());
    }
}
