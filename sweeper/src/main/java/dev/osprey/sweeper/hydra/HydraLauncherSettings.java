package dev.osprey.sweeper.hydra;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.value.ConfigValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A composed {@code hydra.launcher} node as Osprey's launcher settings. Osprey runs a sweep's trials
 * itself, so a Hydra app that selects a launcher plugin of Hydra 1.3.2 ({@code hydra/launcher=joblib},
 * {@code submitit_local}, {@code submitit_slurm}) gets the Osprey launcher that does the same work:
 * joblib and submitit's local executor become the process launcher, submitit's Slurm executor the
 * Slurm launcher, with the plugin's resources as the launcher's settings. Hydra's basic launcher
 * leaves Osprey's settings as they are.
 *
 * <p>As for the Optuna sweeper ({@link OptunaSweeperSettings}): an option that keeps the plugin's
 * default leaves Osprey's default in place; a changed one is honoured, ignored with a note when it
 * only concerns logs or has no effect under the plugin either, or refused with a message naming it
 * and what to use instead. The one exception is joblib's {@code n_jobs}, whose default (-1, one job
 * per CPU) is what selecting joblib asks for.
 *
 * <p>The result is an {@code osprey} node ({@code {launcher: {...}, sweeper: {n_jobs: ...}, job:
 * {timeout_s: ...}}}) below the config's own {@code osprey:} node and the command line.
 *
 * @param ospreyNode the settings, as an {@code osprey:} node
 * @param notes      one line each, for the console, on what was translated or is ignored
 * @since 0.2
 */
public record HydraLauncherSettings(Config ospreyNode, List<String> notes) {

    static final String BASIC = "hydra._internal.core_plugins.basic_launcher.BasicLauncher";
    static final String JOBLIB = "hydra_plugins.hydra_joblib_launcher.joblib_launcher.JoblibLauncher";
    static final String SUBMITIT_LOCAL = "hydra_plugins.hydra_submitit_launcher.submitit_launcher.LocalLauncher";
    static final String SUBMITIT_SLURM = "hydra_plugins.hydra_submitit_launcher.submitit_launcher.SlurmLauncher";

    /** hydra-joblib-launcher 1.3.0.dev0 (Hydra 1.3.2): JobLibLauncherConf's options and defaults. */
    private static final Map<String, Object> JOBLIB_DEFAULTS = PluginOptions.defaults("n_jobs", -1, "backend", null,
            "prefer", "processes", "require", null, "verbose", 0, "timeout", null, "pre_dispatch", "2*n_jobs",
            "batch_size", "auto", "temp_folder", null, "max_nbytes", null, "mmap_mode", "r");

    /** hydra-submitit-launcher 1.3.0.dev0: BaseQueueConf's options and defaults, as written (unresolved). */
    private static final Map<String, Object> QUEUE_DEFAULTS = PluginOptions.defaults(
            "submitit_folder", "${hydra.sweep.dir}/.submitit/%j", "timeout_min", 60, "cpus_per_task", null,
            "gpus_per_node", null, "tasks_per_node", 1, "mem_gb", null, "nodes", 1, "name", "${hydra.job.name}",
            "stderr_to_stdout", false);

    /** SlurmQueueConf's options and defaults: BaseQueueConf's and these. */
    private static final Map<String, Object> SLURM_DEFAULTS = PluginOptions.defaults("partition", null, "qos", null,
            "comment", null, "constraint", null, "exclude", null, "gres", null, "cpus_per_gpu", null,
            "gpus_per_task", null, "mem_per_gpu", null, "mem_per_cpu", null, "account", null, "signal_delay_s", 120,
            "max_num_timeout", 0, "additional_parameters", Map.of(), "array_parallelism", 256, "setup", null,
            "srun_args", null);

    /** SlurmQueueConf's options that submitit hands to sbatch as they are: Osprey's {@code extra_args}. */
    private static final Set<String> SBATCH_OPTIONS = Set.of("qos", "comment", "constraint", "exclude", "gres",
            "cpus_per_gpu", "gpus_per_task", "mem_per_gpu", "mem_per_cpu", "account");

    /** sbatch options the Slurm launcher sets itself, which a job must not change. */
    private static final Set<String> OSPREYS_SBATCH_OPTIONS = Set.of("chdir", "output", "export", "parsable", "array",
            "wrap");

    public HydraLauncherSettings {
        Objects.requireNonNull(ospreyNode, "ospreyNode");
        notes = List.copyOf(notes);
    }

    /**
     * Whether a command-line override addresses Hydra's launcher ({@code hydra/launcher=...},
     * {@code hydra.launcher.*}). Osprey does the launcher's work, so such an override is read here
     * and not passed on to the app, whose environment need not have the launcher plugin.
     */
    public static boolean isLauncherOverride(ConfigOverride override) {
        String key = override.key();
        return key.equals("hydra/launcher") || key.startsWith("hydra/launcher/")
                || key.equals("hydra.launcher") || key.startsWith("hydra.launcher.");
    }

    /** {@code overrides} without those of Hydra's launcher ({@link #isLauncherOverride}), in order. */
    public static List<ConfigOverride> forwarded(List<ConfigOverride> overrides) {
        return overrides.stream().filter(o -> !isLauncherOverride(o)).toList();
    }

    /**
     * The Osprey settings of {@code root}'s {@code hydra.launcher} node; none for Hydra's basic
     * launcher or without such a node.
     *
     * @param root      a config whose {@code hydra} key holds the composed hydra node
     * @param resolvers resolve the node's values ({@code ${hydra:...}}, {@code ${oc.env:...}})
     * @param settings  the Osprey settings translated so far: the sweeper's {@code n_jobs} (Hydra's
     *                  batch size) caps the jobs in flight, as it caps what Hydra hands a launcher
     * @throws IllegalArgumentException naming the option, for options Osprey cannot honour
     */
    public static HydraLauncherSettings of(Config root, Resolvers resolvers, Config settings) {
        return of(root, resolvers, settings, Runtime.getRuntime().availableProcessors());
    }

    static HydraLauncherSettings of(Config root, Resolvers resolvers, Config settings, int cpus) {
        Optional<ConfigValue> node = root.find(HydraRuntime.KEY + ".launcher");
        if (node.isEmpty() || !(node.get() instanceof ConfigValue.MapValue map)) {
            return new HydraLauncherSettings(Config.empty(), List.of());
        }
        String target = map.entries().get("_target_") instanceof ConfigValue.StringValue s ? s.value() : null;
        if (target == null || target.equals(BASIC)) {
            return new HydraLauncherSettings(Config.empty(), List.of());
        }
        Translation t = new Translation(root, resolvers, settings);
        switch (target) {
            case JOBLIB -> t.joblib(map, cpus);
            case SUBMITIT_LOCAL -> t.submititLocal(map);
            case SUBMITIT_SLURM -> t.submititSlurm(map);
            default -> throw new IllegalArgumentException("hydra.launcher._target_ " + target + " is not a launcher"
                    + " Osprey knows; Osprey runs the trials itself: choose hydra/launcher=basic, joblib,"
                    + " submitit_local or submitit_slurm, or one of Osprey's launchers with"
                    + " osprey/launcher=process|tsp|slurm (docs/launchers.md)");
        }
        return t.result();
    }

    /** The translation of one launcher node: the settings it makes, what the note says, and the ignored options. */
    private static final class Translation {
        private final Config root;
        private final Resolvers resolvers;
        private final Config settings;
        private final Map<String, Object> launcher = new LinkedHashMap<>();
        private final List<String> extraArgs = new ArrayList<>();
        private final Map<String, Object> sweeper = new LinkedHashMap<>();
        private final Map<String, Object> job = new LinkedHashMap<>();
        private final List<String> mapped = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String option;
        private String summary;

        Translation(Config root, Resolvers resolvers, Config settings) {
            this.root = root;
            this.resolvers = resolvers;
            this.settings = settings;
        }

        void joblib(ConfigValue.MapValue node, int cpus) {
            start("joblib", "Osprey runs the trials as processes itself", "process");
            changed(node, JOBLIB_DEFAULTS, Set.of("n_jobs")).forEach((key, value) -> {
                switch (key) {
                    case "n_jobs" -> {
                        long n = whole(key, value);
                        if (n == 0) {
                            throw refused(key, value, "joblib refuses 0 jobs at once; give a number of jobs at once,"
                                    + " or -1 for one per CPU");
                        }
                        // joblib's negative counts: -1 is every CPU, -2 all but one, ...
                        int slots = (int) Math.max(1, n < 0 ? cpus + 1 + n : Math.min(n, Integer.MAX_VALUE));
                        launcher.put("slots", slots);
                        mapped.add("slots=" + slots + (n < 0 ? " (n_jobs=" + n + " of " + cpus + " CPUs)" : ""));
                        inFlight(slots);
                    }
                    case "verbose" -> ignored(key, value, "Osprey reports each trial's progress itself");
                    case "backend", "prefer" -> ignored(key, value, "the plugin ignores it too (it always runs"
                            + " joblib's loky backend); Osprey runs each trial as a process of its own");
                    case "require" -> throw refused(key, value, "Osprey runs each trial as a process of its own,"
                            + " which shares no memory with the others; remove it");
                    case "timeout" -> throw refused(key, value, "the unit of joblib's timeout depends on its"
                            + " backend; give Osprey's time limit per trial in seconds instead, as"
                            + " osprey.job.timeout_s, and remove it");
                    default -> throw refused(key, value, "joblib's dispatching and memory-mapping have no meaning in"
                            + " Osprey, which hands each trial to a process of its own; remove it (how many run at"
                            + " once is hydra.launcher.n_jobs, or osprey.launcher.slots)");
                }
            });
        }

        void submititLocal(ConfigValue.MapValue node) {
            start("submitit_local", "Osprey runs the trials as processes itself", "process");
            changed(node, QUEUE_DEFAULTS, Set.of()).forEach((key, value) -> {
                switch (key) {
                    case "timeout_min" -> {
                        double seconds = minutes(key, value) * 60;
                        Object timeout = seconds == Math.rint(seconds) ? (Object) (long) seconds : (Object) seconds;
                        job.put("timeout_s", timeout);
                        mapped.add("osprey.job.timeout_s=" + timeout);
                    }
                    case "cpus_per_task", "mem_gb" -> ignored(key, value, "submitit's local executor ignores it too;"
                            + " Osprey does not limit a local trial's CPUs or memory");
                    case "name" -> ignored(key, value, "submitit's local executor ignores it too");
                    case "gpus_per_node" -> throw refused(key, value, "Osprey's process launcher hands out no GPUs;"
                            + " give the trials CUDA_VISIBLE_DEVICES in osprey's environment (or as"
                            + " hydra.job.env_set.CUDA_VISIBLE_DEVICES), or run them on Slurm with"
                            + " hydra/launcher=submitit_slurm, and remove it");
                    default -> queueOption(key, value);
                }
            });
        }

        void submititSlurm(ConfigValue.MapValue node) {
            start("submitit_slurm", "Osprey submits the trials to Slurm itself", "slurm");
            Map<String, Object> defaults = new LinkedHashMap<>(QUEUE_DEFAULTS);
            defaults.putAll(SLURM_DEFAULTS);
            changed(node, defaults, Set.of()).forEach((key, value) -> {
                switch (key) {
                    case "partition" -> setting("partition", text(key, value));
                    case "timeout_min" -> setting("time", (long) Math.ceil(minutes(key, value)));
                    case "cpus_per_task" -> setting("cpus_per_task", positive(key, value));
                    case "mem_gb" -> {
                        double gb = number(key, value);
                        if (!(gb > 0)) {
                            throw refused(key, value, "a job needs some memory; give a number of GB > 0");
                        }
                        setting("mem", gb == Math.rint(gb) ? (long) gb + "G" : Math.round(gb * 1024) + "M");
                    }
                    case "gpus_per_node" -> setting("gpus", positive(key, value)); // one node: the job's GPUs
                    case "name" -> sbatch("job-name", text(key, value));
                    case "additional_parameters" -> additional(value);
                    case "array_parallelism" -> inFlight(Math.toIntExact(Math.min(positive(key, value),
                            Integer.MAX_VALUE)));
                    case "signal_delay_s" -> throw refused(key, value, "Osprey sends no signal ahead of a trial's time"
                            + " limit; a trial that is stopped gets SIGTERM, then SIGKILL after"
                            + " osprey.launcher.kill_grace_s seconds; remove it");
                    case "max_num_timeout" -> throw refused(key, value, "Osprey does not resubmit a trial that reached"
                            + " its time limit (it fails as timed out, and the sweep goes on); remove it");
                    case "setup" -> throw refused(key, value, "Osprey's Slurm jobs start the app from Osprey's own job"
                            + " script; run the commands in a script that then starts the app and give osprey run"
                            + " that script, or run them before osprey run (the jobs get its environment), and remove"
                            + " it");
                    case "srun_args" -> throw refused(key, value, "Osprey's Slurm jobs start the app without srun;"
                            + " remove it");
                    default -> {
                        if (SBATCH_OPTIONS.contains(key)) {
                            sbatch(key.replace('_', '-'), text(key, value));
                        } else {
                            queueOption(key, value);
                        }
                    }
                }
            });
        }

        /** BaseQueueConf's options with the same meaning for both executors. */
        private void queueOption(String key, Object value) {
            switch (key) {
                case "submitit_folder" -> ignored(key, value, "Osprey keeps each trial's logs in its own job folder");
                case "stderr_to_stdout" -> ignored(key, value, "Osprey writes each trial's stdout.log and"
                        + " stderr.log");
                case "tasks_per_node", "nodes" -> throw refused(key, value, "Osprey runs each trial as one process;"
                        + " a trial that needs several processes or nodes must start them itself (torchrun, srun),"
                        + " with the nodes asked for in osprey.launcher.extra_args on Slurm; remove it");
                default -> throw new IllegalArgumentException("hydra.launcher." + key + " is not an option of the "
                        + option + " launcher (hydra-submitit-launcher 1.3.0.dev0); remove it");
            }
        }

        /** {@code additional_parameters}: further sbatch options, named as submitit names them. */
        private void additional(Object value) {
            if (!(value instanceof Map<?, ?> parameters)) {
                throw refused("additional_parameters", value, "it must map sbatch options to values, such as"
                        + " {mail-user: me@example.org}");
            }
            parameters.forEach((name, parameter) -> {
                String flag = String.valueOf(name).replace('_', '-');
                String key = "additional_parameters." + name;
                if (OSPREYS_SBATCH_OPTIONS.contains(flag)) {
                    throw refused(key, parameter, "Osprey sets sbatch's --" + flag + " itself, for each trial in its"
                            + " own job folder; remove it");
                }
                if (Boolean.TRUE.equals(parameter)) {
                    sbatch(flag, null); // submitit writes true as a bare flag
                } else if (parameter instanceof String || parameter instanceof Number) {
                    sbatch(flag, String.valueOf(parameter));
                } else {
                    throw refused(key, parameter, "an sbatch option takes a single value (or true, for a flag)");
                }
            });
        }

        private void start(String name, String what, String ospreyLauncher) {
            option = name;
            summary = "hydra/launcher=" + name + ": " + what;
            launcher.put("name", ospreyLauncher);
            mapped.add("osprey/launcher=" + ospreyLauncher);
        }

        private void setting(String key, Object value) {
            launcher.put(key, value);
            mapped.add(key + "=" + value);
        }

        private void sbatch(String flag, String value) {
            extraArgs.add("--" + flag + (value == null ? "" : "=" + value));
        }

        /** At most {@code jobs} trials in flight; the sweeper's {@code n_jobs}, if it set one, may hold fewer. */
        private void inFlight(int jobs) {
            Optional<Long> given = settings.find("sweeper.n_jobs").filter(v -> v instanceof ConfigValue.IntValue)
                    .map(v -> ((ConfigValue.IntValue) v).value());
            if (given.isEmpty() || jobs < given.get()) {
                sweeper.put("n_jobs", jobs);
                mapped.add("osprey.sweeper.n_jobs=" + jobs);
            }
        }

        private void ignored(String key, Object value, String why) {
            notes.add("hydra.launcher." + key + "=" + value + " is ignored: " + why);
        }

        private IllegalArgumentException refused(String key, Object value, String why) {
            return new IllegalArgumentException("hydra.launcher." + key + "=" + value + ": " + why);
        }

        /**
         * The node's options whose value differs from the plugin's default (or, for those in
         * {@code always}, every one given), resolved; an option the plugin does not have is refused.
         */
        private Map<String, Object> changed(ConfigValue.MapValue node, Map<String, Object> defaults, Set<String> always) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.entries().forEach((key, raw) -> {
                if (key.equals("_target_")) {
                    return;
                }
                if (!defaults.containsKey(key)) {
                    throw new IllegalArgumentException("hydra.launcher." + key + " is not an option of the " + option
                            + " launcher of Hydra 1.3.2's plugins; its options are "
                            + String.join(", ", defaults.keySet().stream().sorted().toList()));
                }
                if (always.contains(key) || !PluginOptions.isDefault(raw.toPlain(), defaults.get(key))) {
                    out.put(key, root.getResolved(HydraRuntime.KEY + ".launcher." + key, resolvers).toPlain());
                }
            });
            return out;
        }

        HydraLauncherSettings result() {
            Map<String, Object> node = new LinkedHashMap<>();
            if (!extraArgs.isEmpty()) {
                launcher.put("extra_args", List.copyOf(extraArgs));
                mapped.add("extra_args=[" + String.join(", ", extraArgs) + "]");
            }
            node.put("launcher", launcher);
            if (!sweeper.isEmpty()) {
                node.put("sweeper", sweeper);
            }
            if (!job.isEmpty()) {
                node.put("job", job);
            }
            List<String> all = new ArrayList<>();
            all.add(summary + " (" + String.join(", ", mapped) + ")");
            all.addAll(notes);
            return new HydraLauncherSettings(Config.of(node), all);
        }

        private long whole(String key, Object value) {
            if (value instanceof Long || value instanceof Integer) {
                return ((Number) value).longValue();
            }
            throw refused(key, value, "it must be a whole number");
        }

        private long positive(String key, Object value) {
            long n = whole(key, value);
            if (n < 1) {
                throw refused(key, value, "it must be at least 1");
            }
            return n;
        }

        private double number(String key, Object value) {
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            throw refused(key, value, "it must be a number");
        }

        private double minutes(String key, Object value) {
            double minutes = number(key, value);
            if (!(minutes > 0) || Double.isInfinite(minutes)) {
                throw refused(key, value, "a time limit must be a number of minutes > 0");
            }
            return minutes;
        }

        private String text(String key, Object value) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                String text = String.valueOf(value).strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
            throw refused(key, value, "it must be a single value");
        }
    }
}
