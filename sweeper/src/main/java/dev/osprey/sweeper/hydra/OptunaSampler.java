package dev.osprey.sweeper.hydra;

import dev.osprey.composer.config.Config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code hydra.sweeper.sampler} (an Optuna sampler that Hydra would instantiate from its
 * {@code _target_}) as Osprey's sampler settings. A sampler option that keeps hydra-optuna-sweeper's
 * default leaves Osprey's own default in place (Osprey's TPE defaults are its own,
 * docs/samplers-and-pruners.md); one that is changed is honoured or refused by name.
 */
final class OptunaSampler {

    /** An Optuna sampler: Osprey's name for it, and the plugin's defaults of its options. */
    private record Known(String osprey, Map<String, Object> defaults) {
    }

    private static final Map<String, Object> TPE_DEFAULTS = defaults(
            "consider_prior", true, "prior_weight", 1.0, "consider_magic_clip", true, "consider_endpoints", false,
            "n_startup_trials", 10, "n_ei_candidates", 24, "multivariate", false, "warn_independent_sampling", true,
            "group", false, "constant_liar", false);

    private static final Map<String, Known> SAMPLERS = Map.of(
            "optuna.samplers.TPESampler", new Known("tpe", TPE_DEFAULTS),
            "optuna.samplers.MOTPESampler", new Known("tpe", defaults("consider_prior", true, "prior_weight", 1.0,
                    "consider_magic_clip", true, "consider_endpoints", false, "n_startup_trials", 10,
                    "n_ehvi_candidates", 24)),
            "optuna.samplers.RandomSampler", new Known("random", Map.of()),
            "optuna.samplers.GridSampler", new Known("grid", Map.of()),
            "optuna.samplers.NSGAIISampler", new Known("nsga2", defaults("population_size", 50, "mutation_prob", null,
                    "crossover_prob", 0.9, "swapping_prob", 0.5, "constraints_func", null)));

    /** Optuna samplers Osprey does not have, and what to use instead. */
    private static final Map<String, String> MISSING = Map.of(
            "optuna.samplers.CmaEsSampler", "CMA-ES",
            "optuna.samplers.NSGAIIISampler", "NSGA-III",
            "optuna.samplers.QMCSampler", "quasi-Monte Carlo",
            "optuna.samplers.GPSampler", "Gaussian-process",
            "optuna.integration.BoTorchSampler", "BoTorch");

    /** What each TPE option is called in Osprey's {@code osprey.sweeper.tpe} settings. */
    private static final Map<String, String> TPE_OPTIONS = Map.of(
            "prior_weight", "prior_weight", "consider_magic_clip", "magic_clip", "consider_endpoints", "endpoints",
            "n_startup_trials", "n_startup_trials", "n_ei_candidates", "n_ei_candidates",
            "n_ehvi_candidates", "n_ei_candidates", "multivariate", "multivariate", "group", "group",
            "constant_liar", "constant_liar");

    private OptunaSampler() {
    }

    /** Puts {@code sampler}, {@code seed} and {@code tpe} settings into {@code out}; notes what differs. */
    static void translate(Config sampler, Map<String, Object> out, List<String> notes) {
        String target = OptunaSweeperSettings.value(sampler, "_target_").map(String::valueOf).orElseThrow(() ->
                new IllegalArgumentException("hydra.sweeper.sampler has no _target_; choose one with"
                        + " hydra/sweeper/sampler=tpe (or random, grid)"));
        if (MISSING.containsKey(target)) {
            throw new IllegalArgumentException("hydra.sweeper.sampler " + target + ": Osprey has no "
                    + MISSING.get(target) + " sampler; use hydra/sweeper/sampler=tpe (Osprey's TPE, which also"
                    + " handles several objectives) or hydra/sweeper/sampler=random");
        }
        Known known = SAMPLERS.get(target);
        if (known == null) {
            throw new IllegalArgumentException("hydra.sweeper.sampler._target_ " + target + " is not a sampler Osprey"
                    + " knows; Osprey runs optuna.samplers.TPESampler, RandomSampler, GridSampler, NSGAIISampler (and"
                    + " MOTPESampler as TPE): choose one with hydra/sweeper/sampler=tpe|random|grid|nsgaii");
        }
        out.put("sampler", known.osprey());
        OptunaSweeperSettings.value(sampler, "seed").ifPresent(seed -> out.put("seed", seed));
        if (target.endsWith("MOTPESampler")) {
            notes.add("hydra.sweeper.sampler MOTPESampler: Osprey's TPE models several objectives itself");
        }
        Map<String, Object> tpe = new LinkedHashMap<>();
        Map<String, Object> nsga2 = new LinkedHashMap<>();
        sampler.root().entries().forEach((key, node) -> {
            if (key.equals("_target_") || key.equals("seed") || key.equals("_partial_")
                    || key.equals("warn_independent_sampling")) {
                return;
            }
            Object value = node.toPlain();
            Object pluginDefault = known.defaults().get(key);
            if (known.defaults().containsKey(key) && sameValue(value, pluginDefault)) {
                return; // hydra-optuna-sweeper's default: Osprey's own default applies
            }
            if (known.osprey().equals("tpe") && TPE_OPTIONS.containsKey(key)) {
                tpe.put(TPE_OPTIONS.get(key), value);
            } else if (known.osprey().equals("nsga2") && !key.equals("constraints_func")) {
                nsga2.put(key, value);
            } else if (known.osprey().equals("tpe") && key.equals("consider_prior") && Boolean.FALSE.equals(value)) {
                throw new IllegalArgumentException("hydra.sweeper.sampler.consider_prior=false: Osprey's TPE always"
                        + " uses a prior; remove the option, or lower osprey.sweeper.tpe.prior_weight");
            } else {
                throw new IllegalArgumentException("hydra.sweeper.sampler." + key + "=" + value + ": Osprey's "
                        + known.osprey() + " sampler has no such option"
                        + (known.osprey().equals("tpe") ? "; its options are osprey.sweeper.tpe."
                        + String.join(", ", TPE_OPTIONS.values().stream().distinct().sorted().toList()) : "")
                        + " (docs/samplers-and-pruners.md)");
            }
        });
        if (!tpe.isEmpty()) {
            out.put("tpe", tpe);
        }
        if (!nsga2.isEmpty()) {
            out.put("nsga2", nsga2);
        }
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    private static Map<String, Object> defaults(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
