package dev.osprey.launchers;

import dev.osprey.composer.config.Config;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourcesTest {

    private static Resources read(Map<String, Object> preset) {
        return Resources.from(Config.of(preset).root(), "task_env");
    }

    @Test
    void aPresetIsReadWithEveryKey() {
        Resources r = read(Map.of("cpus", 8, "mem", "32G", "gpus", 1, "gpu_kind", "a10g", "time", 90,
                "partition", "gpu", "env", Map.of("NCCL_DEBUG", "INFO"), "slurm_extra_args", List.of("--qos=high")));
        assertEquals(OptionalInt.of(8), r.cpus());
        assertEquals(Optional.of("32G"), r.memory());
        assertEquals(OptionalInt.of(1), r.gpus());
        assertEquals(Optional.of("a10g"), r.gpuKind());
        assertEquals(Optional.of("90"), r.time());
        assertEquals(Map.of("NCCL_DEBUG", "INFO"), r.environment());
        assertEquals(List.of("--qos=high"), r.slurmArguments());
        assertEquals(List.of("cpus", "mem", "gpus", "gpu_kind", "time", "partition", "env", "slurm_extra_args"),
                r.requested());
    }

    @Test
    void noPresetAsksForNothing() {
        assertEquals(Resources.NONE, Resources.ofSettings(Config.of(Map.of("slots", 2))));
        assertEquals("none", Resources.NONE.describe());
    }

    @Test
    void mistakesNameWhereAndWhat() {
        LauncherException unknown = assertThrows(LauncherException.class, () -> read(Map.of("memory", "4G")));
        assertTrue(unknown.getMessage().contains("resources in task_env: unknown key 'memory'"), unknown.getMessage());
        LauncherException count = assertThrows(LauncherException.class, () -> read(Map.of("gpus", "two")));
        assertTrue(count.getMessage().contains("gpus must be a whole number, got two"), count.getMessage());
        LauncherException cpus = assertThrows(LauncherException.class, () -> read(Map.of("cpus", 0)));
        assertTrue(cpus.getMessage().contains("cpus must be at least 1, got 0"), cpus.getMessage());
        LauncherException env = assertThrows(LauncherException.class, () -> read(Map.of("env", List.of("A=1"))));
        assertTrue(env.getMessage().contains("env must be a mapping"), env.getMessage());
        LauncherException notMap = assertThrows(LauncherException.class,
                () -> Resources.ofSettings(Config.of(Map.of("resources", "big"))));
        assertTrue(notMap.getMessage().contains("osprey.launcher.resources must be a mapping"), notMap.getMessage());
    }
}
