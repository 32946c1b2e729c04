package dev.osprey.launchers;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What one job asks for: a resource preset, as written in a config group option (say
 * {@code task_env/a100.yaml}) or under {@code osprey.launcher.resources}.
 *
 * <pre>
 * cpus: 8                  # CPUs for the job
 * mem: 32G                 # memory (Slurm's --mem)
 * gpus: 1                  # how many GPUs
 * gpu_kind: a100           # which kind (Slurm: --gpus=a100:1)
 * time: 120                # time limit, minutes or a Slurm time such as 2:00:00
 * partition: gpu           # Slurm partition
 * env: {NCCL_DEBUG: INFO}  # environment variables of the job
 * slurm_extra_args: [--qos=high]
 * </pre>
 *
 * @param cpus         CPUs, at least 1 when given
 * @param memory       memory, as Slurm writes it ({@code 4G}, {@code 500M})
 * @param gpus         GPUs, at least 0 when given
 * @param gpuKind      the GPU kind, when it matters
 * @param time         the time limit: minutes, or a Slurm time
 * @param partition    the Slurm partition
 * @param environment  extra environment variables
 * @param slurmArguments further {@code sbatch} options
 * @since 0.2
 */
public record Resources(OptionalInt cpus, Optional<String> memory, OptionalInt gpus, Optional<String> gpuKind,
                        Optional<String> time, Optional<String> partition, Map<String, String> environment,
                        List<String> slurmArguments) {

    /** The key of a job's preset in its launcher settings: {@code osprey.launcher.resources}. */
    public static final String SETTING = "resources";

    /** The keys a preset may hold. */
    public static final Set<String> KEYS = Set.of("cpus", "mem", "gpus", "gpu_kind", "time", "partition", "env",
            "slurm_extra_args");

    /** Nothing asked for. */
    public static final Resources NONE = new Resources(OptionalInt.empty(), Optional.empty(), OptionalInt.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of());

    public Resources {
        if (cpus.isPresent() && cpus.getAsInt() < 1) {
            throw new LauncherException("resources: cpus must be at least 1, got " + cpus.getAsInt());
        }
        if (gpus.isPresent() && gpus.getAsInt() < 0) {
            throw new LauncherException("resources: gpus must be at least 0, got " + gpus.getAsInt());
        }
        environment = Map.copyOf(environment);
        slurmArguments = List.copyOf(slurmArguments);
    }

    /** The preset of a job, from its launcher settings ({@link #SETTING}); {@link #NONE} without one. */
    public static Resources ofSettings(Config settings) {
        return settings.find(SETTING).filter(v -> !(v instanceof ConfigValue.NullValue))
                .map(v -> from(v, "osprey.launcher." + SETTING)).orElse(NONE);
    }

    /**
     * Reads a preset.
     *
     * @param node  the preset's node
     * @param where where it comes from, for messages ({@code task_env}, {@code osprey.launcher.resources})
     * @throws LauncherException naming the key, its value and what it must be
     */
    public static Resources from(ConfigValue node, String where) {
        if (!(node instanceof ConfigValue.MapValue map)) {
            throw new LauncherException("resources in " + where + " must be a mapping such as {gpus: 1, mem: 16G},"
                    + " got " + node.toPlain());
        }
        for (String key : map.entries().keySet()) {
            if (!KEYS.contains(key)) {
                throw new LauncherException("resources in " + where + ": unknown key '" + key + "'; a preset takes "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Map<String, ConfigValue> e = map.entries();
        Map<String, String> env = new LinkedHashMap<>();
        if (present(e.get("env"))) {
            if (!(e.get("env") instanceof ConfigValue.MapValue vars)) {
                throw new LauncherException("resources in " + where + ": env must be a mapping of variable names to"
                        + " values, such as {OMP_NUM_THREADS: 4}, got " + e.get("env").toPlain());
            }
            vars.entries().forEach((name, value) -> env.put(name, text(value, where, "env." + name)));
        }
        List<String> extra = new ArrayList<>();
        if (present(e.get("slurm_extra_args"))) {
            switch (e.get("slurm_extra_args")) {
                case ConfigValue.ListValue list -> list.items().forEach(i -> extra.add(text(i, where, "slurm_extra_args")));
                case ConfigValue.StringValue s -> extra.add(s.value());
                default -> throw new LauncherException("resources in " + where + ": slurm_extra_args must be a list"
                        + " of sbatch options, such as [--qos=high], got " + e.get("slurm_extra_args").toPlain());
            }
        }
        return new Resources(count(e.get("cpus"), where, "cpus", 1), optionalText(e.get("mem"), where, "mem"),
                count(e.get("gpus"), where, "gpus", 0), optionalText(e.get("gpu_kind"), where, "gpu_kind"),
                optionalText(e.get("time"), where, "time"), optionalText(e.get("partition"), where, "partition"),
                env, extra);
    }

    /** The keys this preset asks for, in a fixed order, for messages. */
    public List<String> requested() {
        List<String> keys = new ArrayList<>();
        cpus.ifPresent(c -> keys.add("cpus"));
        memory.ifPresent(m -> keys.add("mem"));
        gpus.ifPresent(g -> {
            if (g > 0) {
                keys.add("gpus");
            }
        });
        gpuKind.ifPresent(k -> keys.add("gpu_kind"));
        time.ifPresent(t -> keys.add("time"));
        partition.ifPresent(p -> keys.add("partition"));
        if (!environment.isEmpty()) {
            keys.add("env");
        }
        if (!slurmArguments.isEmpty()) {
            keys.add("slurm_extra_args");
        }
        return keys;
    }

    /** One line for listings: {@code cpus=8 mem=32G gpus=1 ...}; {@code none} when nothing is asked. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        cpus.ifPresent(c -> parts.add("cpus=" + c));
        memory.ifPresent(m -> parts.add("mem=" + m));
        gpus.ifPresent(g -> parts.add("gpus=" + g));
        gpuKind.ifPresent(k -> parts.add("gpu_kind=" + k));
        time.ifPresent(t -> parts.add("time=" + t));
        partition.ifPresent(p -> parts.add("partition=" + p));
        environment.forEach((k, v) -> parts.add("env." + k + "=" + v));
        if (!slurmArguments.isEmpty()) {
            parts.add("slurm_extra_args=" + slurmArguments);
        }
        return parts.isEmpty() ? "none" : String.join(" ", parts);
    }

    private static boolean present(ConfigValue v) {
        return v != null && !(v instanceof ConfigValue.NullValue);
    }

    private static OptionalInt count(ConfigValue v, String where, String key, int least) {
        if (!present(v)) {
            return OptionalInt.empty();
        }
        OptionalInt n = switch (v) {
            case ConfigValue.IntValue i when i.value() == (int) i.value() -> OptionalInt.of((int) i.value());
            case ConfigValue.StringValue s when s.value().strip().matches("-?\\d{1,9}") ->
                    OptionalInt.of(Integer.parseInt(s.value().strip()));
            default -> throw new LauncherException("resources in " + where + ": " + key + " must be a whole number, got "
                    + v.toPlain());
        };
        if (n.getAsInt() < least) {
            throw new LauncherException("resources in " + where + ": " + key + " must be at least " + least + ", got "
                    + n.getAsInt());
        }
        return n;
    }

    private static Optional<String> optionalText(ConfigValue v, String where, String key) {
        return present(v) ? Optional.of(text(v, where, key)).filter(s -> !s.isBlank()) : Optional.empty();
    }

    private static String text(ConfigValue v, String where, String key) {
        return switch (v) {
            case ConfigValue.StringValue s -> s.value().strip();
            case ConfigValue.IntValue i -> Long.toString(i.value());
            case ConfigValue.FloatValue f -> Double.toString(f.value());
            case ConfigValue.BoolValue b -> Boolean.toString(b.value());
            default -> throw new LauncherException("resources in " + where + ": " + key + " must be a single value, got "
                    + v.toPlain());
        };
    }
}
