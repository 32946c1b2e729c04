package dev.osprey.sweeper.hydra;

import dev.osprey.composer.config.Config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code hydra.sweeper.sampler} (an Optuna sampler that Hydra would instantiate from its
 * {@code _target_}) as Osprey's sampler settings. A sampler option that keeps hydra-optuna-sweeper's
 * default leaves Osprey's own default in place (Osprey's TPE defaults are its own,
 * docs/samplers-and-pruners.md); one that is changed is honoured or refused by name.
 */
final class OptunaSampler {

    /**
     * An Optuna sampler: Osprey's name for it, the plugin's defaults of its options, and what each
     * option Osprey honours is called in Osprey's settings {@code osprey.sweeper.<osprey>.*}.
     */
    private record Known(String osprey, Map<String, Object> defaults, Map<String, String> options) {
    }

    private static final Map<String, Object> TPE_DEFAULTS = PluginOptions.defaults(
            "consider_prior", true, "prior_weight", 1.0, "consider_magic_clip", true, "consider_endpoints", false,
            "n_startup_trials", 10, "n_ei_candidates", 24, "multivariate", false, "warn_independent_sampling", true,
            "group", false, "constant_liar", false);

    /** What each TPE option is called in Osprey's {@code osprey.sweeper.tpe} settings. */
    private static final Map<String, String> TPE_OPTIONS = Map.of(
            "prior_weight", "prior_weight", "consider_magic_clip", "magic_clip", "consider_endpoints", "endpoints",
            "n_startup_trials", "n_startup_trials", "n_ei_candidates", "n_ei_candidates",
            "n_ehvi_candidates", "n_ei_candidates", "multivariate", "multivariate", "group", "group",
            "constant_liar", "constant_liar");

    /** NSGA-II's and NSGA-III's shared options, named alike in Optuna and in Osprey. */
    private static final Map<String, String> GENETIC_OPTIONS = same("population_size", "mutation_prob",
            "crossover_prob", "swapping_prob");

    private static final Map<String, Known> SAMPLERS = Map.of(
            "optuna.samplers.TPESampler", new Known("tpe", TPE_DEFAULTS, TPE_OPTIONS),
            "optuna.samplers.MOTPESampler", new Known("tpe", PluginOptions.defaults("consider_prior", true,
                    "prior_weight", 1.0, "consider_magic_clip", true, "consider_endpoints", false, "n_startup_trials", 10,
                    "n_ehvi_candidates", 24), TPE_OPTIONS),
            "optuna.samplers.RandomSampler", new Known("random", Map.of(), Map.of()),
            "optuna.samplers.GridSampler", new Known("grid", Map.of(), Map.of()),
            "optuna.samplers.NSGAIISampler", new Known("nsga2", PluginOptions.defaults("population_size", 50,
                    "mutation_prob", null, "crossover_prob", 0.9, "swapping_prob", 0.5), GENETIC_OPTIONS),
            "optuna.samplers.NSGAIIISampler", new Known("nsga3", PluginOptions.defaults("population_size", 50,
                    "mutation_prob", null, "crossover_prob", 0.9, "swapping_prob", 0.5, "reference_points", null),
                    with(GENETIC_OPTIONS, "dividing_parameter")),
            "optuna.samplers.CmaEsSampler", new Known("cmaes", PluginOptions.defaults("x0", null, "sigma0", null,
                    "consider_pruned_trials", false, "restart_strategy", null, "inc_popsize", 2,
                    "use_separable_cma", false, "source_trials", null),
                    same("sigma0", "restart_strategy", "inc_popsize", "use_separable_cma", "popsize", "lr_adapt",
                            "with_margin", "n_startup_trials")),
            "optuna.samplers.QMCSampler", new Known("qmc", PluginOptions.defaults("qmc_type", "sobol",
                    "scramble", false), same("qmc_type", "scramble")),
            "optuna.samplers.GPSampler", new Known("gp", PluginOptions.defaults("n_startup_trials", 10),
                    same("n_startup_trials", "deterministic_objective")));

    /** Options of any sampler that change nothing in Osprey: warnings, and Hydra's instantiation flags. */
    private static final Set<String> IGNORED = Set.of("_target_", "seed", "_partial_", "warn_independent_sampling",
            "warn_asynchronous_seeding");

    /** Options that name Python objects; Osprey honours them only when they are unset. */
    private static final Set<String> PYTHON_OBJECTS = Set.of("constraints_func", "independent_sampler");

    private OptunaSampler() {
    }

    /** Puts {@code sampler}, {@code seed} and the sampler's own settings into {@code out}; notes what differs. */
    static void translate(Config sampler, Map<String, Object> out, List<String> notes) {
        String target = OptunaSweeperSettings.value(sampler, "_target_").map(String::valueOf).orElseThrow(() ->
                new IllegalArgumentException("hydra.sweeper.sampler has no _target_; choose one with"
                        + " hydra/sweeper/sampler=tpe (or random, grid, nsgaii, cmaes, qmc, gp)"));
        Known known = SAMPLERS.get(target);
        if (known == null) {
            throw new IllegalArgumentException("hydra.sweeper.sampler._target_ " + target + " is not a sampler Osprey"
                    + " knows; Osprey runs optuna.samplers.TPESampler, RandomSampler, GridSampler, NSGAIISampler,"
                    + " NSGAIIISampler, CmaEsSampler, QMCSampler, GPSampler (and MOTPESampler as TPE): choose one with"
                    + " hydra/sweeper/sampler=tpe|random|grid|nsgaii|cmaes|qmc|gp");
        }
        out.put("sampler", known.osprey());
        OptunaSweeperSettings.value(sampler, "seed").ifPresent(seed -> out.put("seed", seed));
        if (target.endsWith("MOTPESampler")) {
            notes.add("hydra.sweeper.sampler MOTPESampler: Osprey's TPE models several objectives itself");
        }
        if (known.osprey().equals("qmc") && OptunaSweeperSettings.value(sampler, "scramble").map(Boolean.FALSE::equals)
                .orElse(true)) {
            notes.add("hydra.sweeper.sampler QMCSampler: Osprey scrambles its points unless"
                    + " osprey.sweeper.qmc.scramble=false (the plugin's scramble: false is taken as its default)");
        }
        Map<String, Object> own = new LinkedHashMap<>();
        sampler.root().entries().forEach((key, node) -> {
            Object value = node.toPlain();
            if (IGNORED.contains(key) || PYTHON_OBJECTS.contains(key) && value == null) {
                return;
            }
            if (known.defaults().containsKey(key) && PluginOptions.isDefault(value, known.defaults().get(key))) {
                return; // hydra-optuna-sweeper's default: Osprey's own default applies
            }
            if (PYTHON_OBJECTS.contains(key)) {
                throw new IllegalArgumentException("hydra.sweeper.sampler." + key + "=" + value + " names a Python"
                        + " object, which Osprey cannot run: " + (key.equals("constraints_func")
                        ? "a program reports its constraints itself (`osprey:constraint NAME VALUE <= LIMIT` lines,"
                        + " docs/launchers.md)" : "remove it; Osprey's samplers fall back on their own"));
            }
            if (known.options().containsKey(key)) {
                own.put(known.options().get(key), value);
            } else if (known.osprey().equals("tpe") && key.equals("consider_prior") && Boolean.FALSE.equals(value)) {
                throw new IllegalArgumentException("hydra.sweeper.sampler.consider_prior=false: Osprey's TPE always"
                        + " uses a prior; remove the option, or lower osprey.sweeper.tpe.prior_weight");
            } else {
                throw new IllegalArgumentException("hydra.sweeper.sampler." + key + "=" + value + ": Osprey's "
                        + known.osprey() + " sampler has no such option"
                        + (known.options().isEmpty() ? "" : "; its options are osprey.sweeper." + known.osprey() + "."
                        + String.join(", ", new TreeSet<>(known.options().values())))
                        + " (docs/samplers-and-pruners.md)");
            }
        });
        if (!own.isEmpty()) {
            out.put(known.osprey(), own);
        }
    }

    private static Map<String, String> same(String... names) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : names) {
            options.put(name, name);
        }
        return Map.copyOf(options);
    }

    private static Map<String, String> with(Map<String, String> options, String name) {
        Map<String, String> more = new LinkedHashMap<>(options);
        more.put(name, name);
        return Map.copyOf(more);
    }
}
