package dev.osprey.sweeper.multirun;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.OverrideKind;
import dev.osprey.composer.override.Overrides;
import dev.osprey.sweeper.FailurePolicy;
import dev.osprey.sweeper.SweeperBuilder;
import dev.osprey.optimizer.trial.Direction;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Osprey's own settings for a run or sweep, the {@code osprey} node: built-in defaults, then the
 * primary config's {@code osprey:} node, then the command line's {@code osprey/...} and
 * {@code osprey.*} overrides (Hydra's {@code hydra/...} and {@code hydra.*}, renamed).
 *
 * <pre>
 * osprey/sweeper=tpe|random|grid     osprey.sweeper.n_trials=50   osprey.sweeper.n_jobs=4
 * osprey.sweeper.direction=maximize (or [minimize,maximize])  osprey.sweeper.storage=URL
 * osprey.sweeper.study_name=NAME  osprey.sweeper.budget=study|run
 * osprey.sweeper.seed=1  osprey.sweeper.max_failures=3  osprey.sweeper.max_failure_rate=0.2
 * osprey.sweeper.timeout_s=3600  osprey.sweeper.tpe.n_startup_trials=10 (and the other TPE options)
 * osprey.sweeper.storage_timeout_s=180
 * osprey.sweeper.pruner=none|median|hyperband|successive_halving
 * osprey.sweeper.params={x: "interval(0,1)"}
 * osprey/launcher=process|in-process|tsp|slurm   osprey.launcher.&lt;setting&gt;=...
 * osprey.job.timeout_s=600   osprey.run.dir=...   osprey.sweep.dir=...
 * </pre>
 */
public final class FrameworkSettings {

    static final Set<String> SWEEPER_KEYS = Set.of("sampler", "n_trials", "n_jobs", "direction", "storage",
            "study_name", "seed", "max_failures", "max_failure_rate", "fail_fast", "timeout_s", "storage_timeout_s",
            "params", "pruner", "budget", "tpe", "nsga2", "nsga3", "gp", "cmaes", "qmc", "auto", "objectives", "cache");
    /** The TPE options {@code osprey.sweeper.tpe.*}, as hydra-optuna-sweeper's TPESampler names them where it has them. */
    static final Set<String> TPE_KEYS = Set.of("n_startup_trials", "n_ei_candidates", "prior_weight", "magic_clip",
            "endpoints", "multivariate", "group", "constant_liar");
    static final List<String> SAMPLERS = List.of("auto", "tpe", "tpe_optuna", "random", "grid", "nsga2", "gp", "cmaes", "qmc",
            "nsga3");
    /** The NSGA-II options {@code osprey.sweeper.nsga2.*}, named as Optuna's NSGAIISampler names them. */
    static final Set<String> NSGA2_KEYS = Set.of("population_size", "mutation_prob", "crossover_prob", "swapping_prob");
    /** The NSGA-III options {@code osprey.sweeper.nsga3.*}, named as Optuna's NSGAIIISampler names them. */
    static final Set<String> NSGA3_KEYS = Set.of("population_size", "mutation_prob", "crossover_prob", "swapping_prob",
            "dividing_parameter");
    /** The Gaussian-process options {@code osprey.sweeper.gp.*}, named as Optuna's GPSampler names them. */
    static final Set<String> GP_KEYS = Set.of("n_startup_trials", "deterministic_objective");
    /** The automatic sampler's options {@code osprey.sweeper.auto.*}. */
    static final Set<String> AUTO_KEYS = Set.of("gp_max_trials", "max_gp_choices");
    /** The CMA-ES options {@code osprey.sweeper.cmaes.*}, named as Optuna's CmaEsSampler names them. */
    static final Set<String> CMAES_KEYS = Set.of("sigma0", "popsize", "restart_strategy", "inc_popsize",
            "use_separable_cma", "lr_adapt", "with_margin", "n_startup_trials");
    /** The QMC options {@code osprey.sweeper.qmc.*}, named as Optuna's QMCSampler names them. */
    static final Set<String> QMC_KEYS = Set.of("qmc_type", "scramble");

    private final Config settings;

    private FrameworkSettings(Config settings) {
        this.settings = settings;
    }

    /** The built-in defaults. */
    public static FrameworkSettings defaults() {
        Map<String, Object> sweeper = new LinkedHashMap<>();
        sweeper.put("sampler", "auto");
        sweeper.put("direction", "minimize");
        sweeper.put("n_jobs", 1);
        sweeper.put("seed", 0);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sweeper", sweeper);
        root.put("launcher", Map.of("name", "process"));
        root.put("run", Map.of("dir", "outputs/${now:yyyy-MM-dd}/${now:HH-mm-ss}"));
        root.put("sweep", Map.of("dir", "multirun/${now:yyyy-MM-dd}/${now:HH-mm-ss}"));
        return new FrameworkSettings(Config.of(root));
    }

    /** Whether an override addresses Osprey's settings rather than the job's config. */
    public static boolean isFramework(ConfigOverride override) {
        String key = override.key();
        return key.equals("osprey") || key.startsWith("osprey.") || key.startsWith("osprey/");
    }

    /** Whether a swept framework override varies per job (launcher resources), rather than being an error. */
    public static boolean isPerJob(ConfigOverride override) {
        return override.key().startsWith("osprey.launcher.");
    }

    /** These settings with the primary config's {@code osprey:} node merged over them. */
    public FrameworkSettings withConfig(Config node) {
        return new FrameworkSettings(settings.merge(node));
    }

    /** These settings with single-valued framework overrides applied in order. */
    public FrameworkSettings withOverrides(List<ConfigOverride> overrides) {
        Config out = settings;
        for (ConfigOverride o : overrides) {
            if (o.isSweep()) {
                throw new IllegalArgumentException("'" + o.input() + "': only launcher settings (osprey.launcher.*)"
                        + " can be swept; " + o.key() + " takes a single value");
            }
            String path = switch (o.key()) {
                case "osprey/sweeper" -> "sweeper.sampler";
                case "osprey/launcher" -> "launcher.name";
                default -> {
                    if (!o.key().startsWith("osprey.")) {
                        throw new IllegalArgumentException("'" + o.input() + "': unknown Osprey setting; use osprey/sweeper=..,"
                                + " osprey/launcher=.., or osprey.sweeper.*, osprey.launcher.*, osprey.job.*, osprey.run.dir,"
                                + " osprey.sweep.dir");
                    }
                    yield o.key().substring("osprey.".length());
                }
            };
            if (path.startsWith("sweeper.") && path.indexOf('.', 8) < 0 && !SWEEPER_KEYS.contains(path.substring(8))) {
                throw new IllegalArgumentException("'" + o.input() + "': unknown sweeper setting '" + path.substring(8)
                        + "'; the sweeper takes " + String.join(", ", SWEEPER_KEYS.stream().sorted().toList()));
            }
            out = o.kind() == OverrideKind.DELETE ? out.delete(path)
                    : out.forceAdd(path, Overrides.plainValue((Element) o.value()));
        }
        return new FrameworkSettings(out);
    }

    public Config asConfig() {
        return settings;
    }

    public String sampler() {
        String name = string("sweeper.sampler").orElse("auto").toLowerCase(Locale.ROOT);
        if (!SAMPLERS.contains(name)) {
            throw new IllegalArgumentException("unknown sweeper '" + name + "'; choose one of " + String.join(", ", SAMPLERS)
                    + " (osprey/sweeper=tpe)");
        }
        return name;
    }

    /** The pruner for intermediate values ({@code osprey:report} lines); none unless asked for. */
    public dev.osprey.optimizer.pruner.Pruner pruner() {
        String name = string("sweeper.pruner").orElse("none").toLowerCase(Locale.ROOT);
        return switch (name) {
            case "none" -> dev.osprey.optimizer.pruner.Pruners.none();
            case "median" -> dev.osprey.optimizer.pruner.Pruners.median();
            case "hyperband" -> dev.osprey.optimizer.pruner.Pruners.hyperband();
            case "successive_halving" -> dev.osprey.optimizer.pruner.Pruners.successiveHalving();
            default -> throw new IllegalArgumentException("unknown pruner '" + name
                    + "'; osprey.sweeper.pruner takes none, median, hyperband or successive_halving");
        };
    }

    public Optional<Integer> nTrials() {
        return integer("sweeper.n_trials", 0);
    }

    public int nJobs() {
        return integer("sweeper.n_jobs", 1).orElse(1);
    }

    /** One direction per objective: {@code minimize}, {@code maximize} or a list of them. */
    public List<Direction> directions() {
        Optional<ConfigValue> given = settings.find("sweeper.direction").filter(v -> !(v instanceof ConfigValue.NullValue));
        if (given.isEmpty()) {
            return List.of(Direction.MINIMIZE);
        }
        List<ConfigValue> items = switch (given.get()) {
            case ConfigValue.ListValue list -> list.items();
            // --direction minimize,maximize
            case ConfigValue.StringValue s when s.value().contains(",") -> java.util.Arrays.stream(s.value().split(","))
                    .map(String::strip).map(d -> (ConfigValue) new ConfigValue.StringValue(d)).toList();
            default -> List.of(given.get());
        };
        if (items.isEmpty()) {
            throw new IllegalArgumentException("osprey.sweeper.direction is an empty list; give minimize, maximize"
                    + " or a list of them, one per objective");
        }
        return items.stream().map(FrameworkSettings::direction).toList();
    }

    /**
     * The objectives' names, {@code osprey.sweeper.objectives=[loss,latency_ms]} (or
     * {@code loss,latency_ms}), one per direction; empty when not given.
     */
    public List<String> objectiveNames() {
        Optional<ConfigValue> given = settings.find("sweeper.objectives").filter(v -> !(v instanceof ConfigValue.NullValue));
        if (given.isEmpty()) {
            return List.of();
        }
        List<String> names = switch (given.get()) {
            case ConfigValue.ListValue list -> list.items().stream().map(v -> String.valueOf(v.toPlain()).strip()).toList();
            default -> java.util.Arrays.stream(String.valueOf(given.get().toPlain()).split(",")).map(String::strip)
                    .toList();
        };
        int directions = directions().size();
        if (names.size() != directions || names.stream().anyMatch(String::isEmpty)
                || new java.util.HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("osprey.sweeper.objectives names " + names.size() + " objective(s) "
                    + names + ", but osprey.sweeper.direction gives " + directions + "; give one distinct, non-empty"
                    + " name per direction, e.g. osprey.sweeper.objectives=[loss,latency_ms]"
                    + " osprey.sweeper.direction=[minimize,minimize]");
        }
        return names;
    }

    private static Direction direction(ConfigValue value) {
        String d = value.toPlain() instanceof String s ? s.toLowerCase(Locale.ROOT) : String.valueOf(value.toPlain());
        return switch (d) {
            case "minimize", "min" -> Direction.MINIMIZE;
            case "maximize", "max" -> Direction.MAXIMIZE;
            default -> throw new IllegalArgumentException("osprey.sweeper.direction must be minimize or maximize"
                    + " (or a list of them, one per objective), got '" + d + "'");
        };
    }

    /**
     * Whether {@code n_trials} counts the study's trials ({@code study}, the default: a rerun only
     * fills the budget) or this run's ({@code run}: a rerun adds {@code n_trials} more, as Optuna's
     * {@code study.optimize} and hydra-optuna-sweeper do).
     */
    public boolean budgetPerRun() {
        String budget = string("sweeper.budget").orElse("study").toLowerCase(Locale.ROOT);
        return switch (budget) {
            case "study" -> false;
            case "run" -> true;
            default -> throw new IllegalArgumentException("osprey.sweeper.budget must be study or run, got '" + budget + "'");
        };
    }

    /**
     * {@code osprey.sweeper.cache}: whether a trial whose job config already completed in the study
     * reuses that result instead of running (default false).
     */
    public boolean cache() {
        String value = string("sweeper.cache").orElse("false").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("osprey.sweeper.cache must be true or false, got '" + value + "'");
        };
    }

    /** NSGA-II with the options of {@code osprey.sweeper.nsga2}, each left at its default when not given. */
    public dev.osprey.optimizer.sampler.Sampler nsga2() {
        var parameters = dev.osprey.optimizer.sampler.nsga.Nsga2Parameters.defaults();
        options("nsga2", NSGA2_KEYS);
        parameters = integer("sweeper.nsga2.population_size", 2).map(parameters::withPopulationSize).orElse(parameters);
        parameters = number("sweeper.nsga2.mutation_prob").map(parameters::withMutationProb).orElse(parameters);
        parameters = number("sweeper.nsga2.crossover_prob").map(parameters::withCrossoverProb).orElse(parameters);
        parameters = number("sweeper.nsga2.swapping_prob").map(parameters::withSwappingProb).orElse(parameters);
        return parameters.build();
    }

    /** NSGA-III with the options of {@code osprey.sweeper.nsga3}, each left at its default when not given. */
    public dev.osprey.optimizer.sampler.Sampler nsga3() {
        var parameters = dev.osprey.optimizer.sampler.nsga.Nsga3Parameters.defaults();
        options("nsga3", NSGA3_KEYS);
        var genetic = parameters.genetic();
        genetic = integer("sweeper.nsga3.population_size", 2).map(genetic::withPopulationSize).orElse(genetic);
        genetic = number("sweeper.nsga3.mutation_prob").map(genetic::withMutationProb).orElse(genetic);
        genetic = number("sweeper.nsga3.crossover_prob").map(genetic::withCrossoverProb).orElse(genetic);
        genetic = number("sweeper.nsga3.swapping_prob").map(genetic::withSwappingProb).orElse(genetic);
        parameters = integer("sweeper.nsga3.dividing_parameter", 1).map(parameters::withDividingParameter)
                .orElse(parameters);
        return dev.osprey.optimizer.sampler.Samplers.nsga3(parameters.withGenetic(genetic));
    }

    /** The Gaussian-process sampler with the options of {@code osprey.sweeper.gp}, each left at its default when not given. */
    public dev.osprey.optimizer.sampler.Sampler gp() {
        var builder = dev.osprey.optimizer.sampler.Samplers.gpBuilder();
        options("gp", GP_KEYS);
        integer("sweeper.gp.n_startup_trials", 0).ifPresent(builder::nStartupTrials);
        bool("sweeper.gp.deterministic_objective").ifPresent(builder::deterministicObjective);
        return builder.build();
    }

    /**
     * The automatic sampler's settings from {@code osprey.sweeper.auto}, each left at its default when
     * not given.
     *
     * @param conditional whether the search space is conditional: then every trial goes to TPE, by group
     */
    public dev.osprey.optimizer.sampler.auto.AutoBuilder auto(boolean conditional) {
        var builder = dev.osprey.optimizer.sampler.Samplers.autoBuilder().conditional(conditional);
        options("auto", AUTO_KEYS);
        integer("sweeper.auto.gp_max_trials", 0).ifPresent(builder::gpMaxTrials);
        integer("sweeper.auto.max_gp_choices", 1).ifPresent(builder::maxGpChoices);
        return builder;
    }

    /** CMA-ES with the options of {@code osprey.sweeper.cmaes}, each left at Optuna's default when not given. */
    public dev.osprey.optimizer.sampler.Sampler cmaes() {
        var builder = dev.osprey.optimizer.sampler.Samplers.cmaesBuilder();
        options("cmaes", CMAES_KEYS);
        number("sweeper.cmaes.sigma0").ifPresent(builder::sigma0);
        integer("sweeper.cmaes.popsize", 2).ifPresent(builder::popsize);
        integer("sweeper.cmaes.inc_popsize", 1).ifPresent(builder::incPopsize);
        integer("sweeper.cmaes.n_startup_trials", 0).ifPresent(builder::nStartupTrials);
        bool("sweeper.cmaes.use_separable_cma").ifPresent(builder::separable);
        bool("sweeper.cmaes.lr_adapt").ifPresent(builder::lrAdapt);
        bool("sweeper.cmaes.with_margin").ifPresent(builder::withMargin);
        string("sweeper.cmaes.restart_strategy").map(s -> s.toLowerCase(Locale.ROOT)).ifPresent(s -> builder.restartStrategy(
                switch (s) {
                    case "none", "null" -> dev.osprey.optimizer.sampler.cmaes.RestartStrategy.NONE;
                    case "ipop" -> dev.osprey.optimizer.sampler.cmaes.RestartStrategy.IPOP;
                    case "bipop" -> dev.osprey.optimizer.sampler.cmaes.RestartStrategy.BIPOP;
                    default -> throw new IllegalArgumentException("osprey.sweeper.cmaes.restart_strategy must be none, ipop"
                            + " or bipop, got '" + s + "'");
                }));
        return builder.build();
    }

    /** QMC with the options of {@code osprey.sweeper.qmc} (default: scrambled Sobol). */
    public dev.osprey.optimizer.sampler.Sampler qmc() {
        var builder = dev.osprey.optimizer.sampler.Samplers.qmcBuilder();
        options("qmc", QMC_KEYS);
        bool("sweeper.qmc.scramble").ifPresent(builder::scramble);
        string("sweeper.qmc.qmc_type").map(s -> s.toLowerCase(Locale.ROOT)).ifPresent(s -> builder.type(switch (s) {
            case "sobol" -> dev.osprey.optimizer.sampler.qmc.QmcType.SOBOL;
            case "halton" -> dev.osprey.optimizer.sampler.qmc.QmcType.HALTON;
            default -> throw new IllegalArgumentException("osprey.sweeper.qmc.qmc_type must be sobol or halton, got '"
                    + s + "'");
        }));
        return builder.build();
    }

    /** Checks that {@code osprey.sweeper.NAME} is a map of known options; whether it is given. */
    private boolean options(String name, Set<String> known) {
        Optional<ConfigValue> node = settings.find("sweeper." + name).filter(v -> !(v instanceof ConfigValue.NullValue));
        if (node.isEmpty()) {
            return false;
        }
        if (!(node.get() instanceof ConfigValue.MapValue map)) {
            throw new IllegalArgumentException("osprey.sweeper." + name + " must be a map of options, such as {"
                    + known.stream().sorted().findFirst().orElseThrow() + ": ...}, got " + node.get().toPlain());
        }
        for (String key : map.entries().keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option osprey.sweeper." + name + "." + key + "; the options are "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return true;
    }

    /**
     * TPE with the options of {@code osprey.sweeper.tpe}, each left at Osprey's default when not given.
     *
     * @param conditional whether the search space is conditional: then TPE decomposes it into the groups
     *                    of parameters that appear together ({@code group}), unless the settings say otherwise
     */
    public dev.osprey.optimizer.sampler.Sampler tpe(boolean conditional) {
        var builder = dev.osprey.optimizer.sampler.Samplers.tpeBuilder();
        if (conditional) {
            builder.group(true);
        }
        return tpe(builder);
    }

    /**
     * TPE as Optuna 3.1's {@code TPESampler()} runs it ({@code osprey/sweeper=tpe_optuna}), with the options of
     * {@code osprey.sweeper.tpe} on top; a conditional space stays independent, as in Optuna 3.1.
     */
    public dev.osprey.optimizer.sampler.Sampler tpeOptuna() {
        return tpe(dev.osprey.optimizer.sampler.tpe.TpeBuilder.optuna31());
    }

    private dev.osprey.optimizer.sampler.Sampler tpe(dev.osprey.optimizer.sampler.tpe.TpeBuilder builder) {
        if (!options("tpe", TPE_KEYS)) {
            return builder.build();
        }
        integer("sweeper.tpe.n_startup_trials", 0).ifPresent(builder::nStartupTrials);
        integer("sweeper.tpe.n_ei_candidates", 1).ifPresent(builder::nEiCandidates);
        number("sweeper.tpe.prior_weight").ifPresent(builder::priorWeight);
        bool("sweeper.tpe.magic_clip").ifPresent(builder::magicClip);
        bool("sweeper.tpe.endpoints").ifPresent(builder::considerEndpoints);
        bool("sweeper.tpe.multivariate").ifPresent(builder::multivariate);
        bool("sweeper.tpe.group").ifPresent(builder::group);
        bool("sweeper.tpe.constant_liar").ifPresent(builder::constantLiar);
        return builder.build();
    }

    public Optional<String> storage() {
        return string("sweeper.storage");
    }

    public Optional<String> studyName() {
        return string("sweeper.study_name");
    }

    /** The seed of a new study (0 by default); a resumed study keeps the one it was created with. */
    public long seed() {
        return integer("sweeper.seed", Integer.MIN_VALUE).orElse(0);
    }

    public FailurePolicy failurePolicy() {
        if (settings.find("sweeper.fail_fast").filter(v -> v instanceof ConfigValue.BoolValue b && b.value()).isPresent()) {
            return FailurePolicy.failFast();
        }
        Optional<Integer> count = integer("sweeper.max_failures", 0);
        if (count.isPresent()) {
            return FailurePolicy.maxFailures(count.get());
        }
        return number("sweeper.max_failure_rate").map(rate -> {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("osprey.sweeper.max_failure_rate must be within [0, 1], got " + rate);
            }
            // judged from the first job on, as hydra-optuna-sweeper judges its first batch
            return new FailurePolicy(Integer.MAX_VALUE, rate, 1);
        }).orElse(FailurePolicy.continueAlways());
    }

    public Optional<Duration> sweepTimeout() {
        return seconds("sweeper.timeout_s");
    }

    /**
     * How long a sweep rides out an unreachable study database before it stops
     * ({@code osprey.sweeper.storage_timeout_s}, default {@link SweeperBuilder#DEFAULT_STORAGE_TIMEOUT}).
     */
    public Duration storageTimeout() {
        return seconds("sweeper.storage_timeout_s").orElse(SweeperBuilder.DEFAULT_STORAGE_TIMEOUT);
    }

    public Optional<Duration> jobTimeout() {
        return seconds("job.timeout_s");
    }

    /** The search space declared in the config: parameter name to sweep text, such as {@code interval(0,1)}. */
    public Map<String, String> params() {
        Map<String, String> out = new LinkedHashMap<>();
        settings.find("sweeper.params").ifPresent(node -> {
            if (!(node instanceof ConfigValue.MapValue map)) {
                throw new IllegalArgumentException("osprey.sweeper.params must be a map of parameter to sweep,"
                        + " such as {optimizer.lr: 'tag(log, interval(1e-4, 1e-1))'}");
            }
            map.entries().forEach((k, v) -> out.put(k, String.valueOf(v.toPlain())));
        });
        return out;
    }

    public String launcherName() {
        return string("launcher.name").orElse("process");
    }

    /** The launcher's own settings: {@code osprey.launcher} without its name. */
    public Config launcherSettings() {
        return settings.find("launcher").filter(v -> v instanceof ConfigValue.MapValue)
                .map(v -> Config.of((ConfigValue.MapValue) v).asOpen())
                .map(c -> c.has("name") ? c.delete("name") : c).orElse(Config.empty());
    }

    public String runDirPattern() {
        return string("run.dir").orElseThrow();
    }

    public String sweepDirPattern() {
        return string("sweep.dir").orElseThrow();
    }

    private Optional<String> string(String path) {
        return settings.find(path).filter(v -> !(v instanceof ConfigValue.NullValue)).map(v -> switch (v) {
            case ConfigValue.StringValue s -> s.value();
            case ConfigValue.IntValue i -> Long.toString(i.value());
            case ConfigValue.FloatValue f -> Double.toString(f.value());
            case ConfigValue.BoolValue b -> Boolean.toString(b.value());
            default -> throw new IllegalArgumentException("osprey." + path + " must be a single value, got " + v.toPlain());
        });
    }

    private Optional<Integer> integer(String path, int min) {
        return settings.find(path).filter(v -> !(v instanceof ConfigValue.NullValue)).map(v -> {
            if (v instanceof ConfigValue.IntValue i && i.value() >= min && i.value() <= Integer.MAX_VALUE) {
                return (int) i.value();
            }
            throw new IllegalArgumentException("osprey." + path + " must be a whole number" + (min == 0 ? " >= 0" : "")
                    + ", got " + v.toPlain());
        });
    }

    private Optional<Double> number(String path) {
        return settings.find(path).filter(v -> !(v instanceof ConfigValue.NullValue)).map(v -> switch (v) {
            case ConfigValue.IntValue i -> (double) i.value();
            case ConfigValue.FloatValue f -> f.value();
            default -> throw new IllegalArgumentException("osprey." + path + " must be a number, got " + v.toPlain());
        });
    }

    private Optional<Boolean> bool(String path) {
        return settings.find(path).filter(v -> !(v instanceof ConfigValue.NullValue)).map(v -> {
            if (v instanceof ConfigValue.BoolValue b) {
                return b.value();
            }
            throw new IllegalArgumentException("osprey." + path + " must be true or false, got " + v.toPlain());
        });
    }

    private Optional<Duration> seconds(String path) {
        return settings.find(path).filter(v -> !(v instanceof ConfigValue.NullValue)).map(v -> {
            double s = switch (v) {
                case ConfigValue.IntValue i -> i.value();
                case ConfigValue.FloatValue f -> f.value();
                default -> -1;
            };
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("osprey." + path + " must be a positive number of seconds, got " + v.toPlain());
            }
            return Duration.ofMillis((long) (s * 1000));
        });
    }
}
