package dev.osprey.launchers.slurm;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.LauncherSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sbatch} options of one job, from the launcher's settings with the job's own settings
 * on top (a sweep may vary {@code osprey.launcher.cpus_per_task}, say). Values are checked for
 * their type here; whether the cluster can satisfy them is for {@code sbatch} to say.
 */
final class SlurmResources {

    private SlurmResources() {
    }

    /**
     * The options for a job.
     *
     * @param base    the launcher's settings
     * @param job     the job's settings (may be empty)
     * @param timeout the job's own time limit; without a {@code time} setting it also becomes the
     *                Slurm limit (a minute more, as a safety net should Osprey be gone)
     * @throws LauncherException naming the setting whose value has the wrong type
     */
    static List<String> arguments(Config base, Config job, Optional<Duration> timeout) {
        Map<String, ConfigValue> merged = new LinkedHashMap<>(base.root().entries());
        merged.putAll(job.root().entries());
        dev.osprey.launchers.Resources preset =
                dev.osprey.launchers.Resources.ofSettings(Config.of(new ConfigValue.MapValue(merged)));
        presetSettings(preset).forEach(merged::put);
        LauncherSettings s = new LauncherSettings("slurm", Config.of(new ConfigValue.MapValue(merged)));
        List<String> args = new ArrayList<>();
        s.string("partition").filter(v -> !v.isBlank()).ifPresent(v -> args.add("--partition=" + v));
        Optional<String> time = s.value("time").map(v -> switch (v) {
            case ConfigValue.IntValue i when i.value() > 0 -> Long.toString(i.value());
            case ConfigValue.StringValue str when !str.value().isBlank() -> str.value().strip();
            default -> throw new LauncherException("slurm launcher: osprey.launcher.time must be a number of"
                    + " minutes > 0 or a Slurm time such as 1:30:00 or 2-00:00:00, got " + v.toPlain());
        });
        if (time.isPresent()) {
            args.add("--time=" + time.get());
        } else {
            timeout.ifPresent(t -> args.add("--time=" + ((t.toSeconds() + 59) / 60 + 1)));
        }
        int cpus = s.intValue("cpus_per_task", 0);
        if (s.value("cpus_per_task").isPresent()) {
            if (cpus < 1) {
                throw new LauncherException("slurm launcher: osprey.launcher.cpus_per_task must be at least 1, got "
                        + cpus);
            }
            args.add("--cpus-per-task=" + cpus);
        }
        s.string("mem").filter(v -> !v.isBlank()).ifPresent(v -> args.add("--mem=" + v.strip()));
        s.string("gpus").filter(v -> !v.isBlank()).ifPresent(v -> args.add("--gpus=" + v.strip()));
        s.value("extra_args").ifPresent(v -> {
            switch (v) {
                case ConfigValue.ListValue list -> list.items().forEach(item -> args.add(single(item)));
                case ConfigValue.StringValue str -> args.add(str.value());
                default -> throw new LauncherException("slurm launcher: osprey.launcher.extra_args must be a list of"
                        + " sbatch options, e.g. [--qos=high, --account=lab], got " + v.toPlain());
            }
        });
        args.addAll(preset.slurmArguments());
        return args;
    }

    /**
     * A resource preset as the launcher's own settings, which it overrides: {@code cpus} is
     * {@code cpus_per_task}, {@code gpus} with {@code gpu_kind} is {@code --gpus=KIND:N}, and its
     * {@code slurm_extra_args} come after the launcher's {@code extra_args}.
     */
    static Map<String, ConfigValue> presetSettings(dev.osprey.launchers.Resources preset) {
        Map<String, ConfigValue> out = new LinkedHashMap<>();
        preset.cpus().ifPresent(c -> out.put("cpus_per_task", new ConfigValue.IntValue(c)));
        preset.memory().ifPresent(m -> out.put("mem", new ConfigValue.StringValue(m)));
        preset.gpus().ifPresent(g -> out.put("gpus", new ConfigValue.StringValue(g == 0 ? ""
                : preset.gpuKind().map(k -> k + ":" + g).orElse(Integer.toString(g)))));
        preset.time().ifPresent(t -> out.put("time", new ConfigValue.StringValue(t)));
        preset.partition().ifPresent(p -> out.put("partition", new ConfigValue.StringValue(p)));
        return out;
    }

    private static String single(ConfigValue item) {
        return switch (item) {
            case ConfigValue.StringValue s -> s.value();
            case ConfigValue.IntValue i -> Long.toString(i.value());
            case ConfigValue.FloatValue f -> Double.toString(f.value());
            case ConfigValue.BoolValue b -> Boolean.toString(b.value());
            default -> throw new LauncherException("slurm launcher: osprey.launcher.extra_args must hold single"
                    + " sbatch options, got " + item.toPlain());
        };
    }
}
