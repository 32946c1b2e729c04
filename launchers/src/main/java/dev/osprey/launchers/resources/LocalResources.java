package dev.osprey.launchers.resources;

import dev.osprey.launchers.Resources;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.LauncherSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Puts the device pools in front of a launcher that runs jobs on this machine (process, tsp). Its
 * settings, beside the launcher's own:
 * <ul>
 *   <li>{@code gpus}: the GPUs to hand out, {@code [0,1,2,3]}; by default those {@code nvidia-smi -L}
 *       lists, or none without it;</li>
 *   <li>{@code gpus_per_job}: GPUs for a job whose preset does not say (default 0);</li>
 *   <li>{@code cpu_pool}: the CPUs to hand out to jobs whose preset asks for {@code cpus} (default:
 *       every CPU of the machine);</li>
 *   <li>{@code pin_cpus}: run such a job under {@code taskset -c} on the CPUs it got (default false).</li>
 * </ul>
 * A job gets its GPUs as {@code CUDA_VISIBLE_DEVICES} and {@code OSPREY_GPUS}, its CPUs as
 * {@code OSPREY_CPUS}; it waits, without a slot, until they are free.
 *
 * @since 0.2
 */
public final class LocalResources {

    /** The launcher settings this class reads. */
    public static final List<String> SETTINGS = List.of("gpus", "gpus_per_job", "cpu_pool", "pin_cpus");

    private LocalResources() {
    }

    /** {@code inner} with the pools its settings describe. */
    public static Launcher around(Launcher inner, LauncherSettings settings) {
        Optional<DevicePool> gpus = devices(settings, "gpus").or(GpuDiscovery::fromNvidiaSmi).map(DevicePool::of);
        int perJob = settings.intValue("gpus_per_job", 0);
        if (perJob < 0) {
            throw new LauncherException(settings.launcher() + " launcher: osprey.launcher.gpus_per_job must be at"
                    + " least 0, got " + perJob);
        }
        if (perJob > 0 && gpus.isEmpty()) {
            throw new LauncherException(settings.launcher() + " launcher: osprey.launcher.gpus_per_job is " + perJob
                    + ", but there is no GPU pool: nvidia-smi is not on PATH and osprey.launcher.gpus is not set;"
                    + " list the devices, e.g. osprey.launcher.gpus=[0,1]");
        }
        DevicePool cpus = DevicePool.of(devices(settings, "cpu_pool").orElseGet(() ->
                IntStream.range(0, Runtime.getRuntime().availableProcessors()).mapToObj(Integer::toString).toList()));
        return new PooledLauncher(inner, Resources.ofSettings(settings.settings()), gpus, perJob, cpus, settings.booleanValue("pin_cpus", false));
    }

    /** A list of devices: {@code [0,1]}, or the text {@code 0,1}; empty when not set. */
    private static Optional<List<String>> devices(LauncherSettings settings, String key) {
        return settings.value(key).map(v -> {
            List<String> out = new ArrayList<>();
            switch (v) {
                case ConfigValue.ListValue list -> list.items().forEach(item -> out.add(switch (item) {
                    case ConfigValue.IntValue i -> Long.toString(i.value());
                    case ConfigValue.StringValue s -> s.value().strip();
                    default -> throw invalid(settings, key, v);
                }));
                case ConfigValue.StringValue s -> {
                    for (String part : s.value().split(",")) {
                        if (!part.isBlank()) {
                            out.add(part.strip());
                        }
                    }
                }
                case ConfigValue.IntValue i -> out.add(Long.toString(i.value()));
                default -> throw invalid(settings, key, v);
            }
            try {
                DevicePool.of(out); // a device named twice is refused here, naming the setting
            } catch (IllegalArgumentException e) {
                throw new LauncherException(settings.launcher() + " launcher: osprey.launcher." + key + ": "
                        + e.getMessage());
            }
            return out;
        });
    }

    private static LauncherException invalid(LauncherSettings settings, String key, ConfigValue value) {
        return new LauncherException(settings.launcher() + " launcher: osprey.launcher." + key + " must be a list of"
                + " device numbers such as [0,1,2,3], got " + value.toPlain());
    }
}
