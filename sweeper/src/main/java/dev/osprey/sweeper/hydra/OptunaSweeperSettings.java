package dev.osprey.sweeper.hydra;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.MapValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A hydra-optuna-sweeper project's {@code hydra.sweeper} node (hydra-optuna-sweeper 1.2 and
 * 1.3.0.dev0, with 1.4's sampler names) as Osprey's sweeper settings, so that such a project sweeps
 * unchanged. Every option either has an Osprey meaning or is refused with a message naming it and
 * what to use instead; what Osprey does differently is said in a note.
 *
 * <p>The result is an {@code osprey} node ({@code {sweeper: {...}}}) that sits below the config's
 * own {@code osprey:} node and the command line, so Osprey's settings always win.
 *
 * @param ospreyNode the settings, as an {@code osprey:} node
 * @param notes      one line each, for the console, on what was translated or differs
 * @since 0.2
 */
public record OptunaSweeperSettings(Config ospreyNode, List<String> notes) {

    /** The sweeper of hydra-optuna-sweeper, as its {@code _target_} names it. */
    static final String OPTUNA_SWEEPER = "hydra_plugins.hydra_optuna_sweeper.optuna_sweeper.OptunaSweeper";

    public OptunaSweeperSettings {
        Objects.requireNonNull(ospreyNode, "ospreyNode");
        notes = List.copyOf(notes);
    }

    /**
     * Whether a composed {@code hydra} node selects hydra-optuna-sweeper: its {@code sweeper._target_}
     * is the plugin's sweeper (the {@code hydra/sweeper=optuna} option sets it).
     */
    public static boolean selected(Config hydra) {
        return hydra.find("sweeper._target_").filter(v -> v instanceof ConfigValue.StringValue s
                && s.value().equals(OPTUNA_SWEEPER)).isPresent();
    }

    /**
     * The Osprey settings of the {@code hydra} node's {@code sweeper}, resolved already; empty settings
     * when it does not select hydra-optuna-sweeper.
     *
     * @throws IllegalArgumentException naming the option, for options Osprey cannot honour
     */
    public static OptunaSweeperSettings of(Config hydra) {
        if (!selected(hydra)) {
            return new OptunaSweeperSettings(Config.empty(), List.of());
        }
        Config sweeper = hydra.getConfig("sweeper");
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        value(sweeper, "n_trials").ifPresent(n -> {
            // the plugin runs n_trials per invocation; so does Osprey for these settings
            out.put("n_trials", n);
            out.put("budget", "run");
        });
        value(sweeper, "n_jobs").ifPresent(n -> out.put("n_jobs", n));
        value(sweeper, "direction").ifPresent(d -> out.put("direction", d));
        value(sweeper, "study_name").ifPresent(n -> out.put("study_name", n));
        sweeper.find("storage").filter(v -> !(v instanceof ConfigValue.NullValue))
                .ifPresent(storage -> out.put("storage", OptunaStorage.location(storage, notes)));
        value(sweeper, "max_failure_rate").ifPresent(rate -> out.put("max_failure_rate", rate));
        value(sweeper, "custom_search_space").ifPresent(fn -> {
            throw new IllegalArgumentException("hydra.sweeper.custom_search_space names the Python function " + fn
                    + ", which Osprey cannot call: declare the parameters of each option next to it instead, e.g."
                    + " osprey: {params: {model.patch_size: 'choice(8,16,32)'}} in model/vit.yaml"
                    + " (docs/sweeps.md, conditional search spaces), and remove custom_search_space");
        });
        Map<String, Object> params = params(sweeper, notes);
        if (!params.isEmpty()) {
            out.put("params", params);
        }
        sweeper.find("sampler").filter(v -> v instanceof MapValue)
                .ifPresent(node -> OptunaSampler.translate(Config.of((MapValue) node), out, notes));
        return new OptunaSweeperSettings(Config.of(Map.of("sweeper", out)), notes);
    }

    /** {@code params}, or the deprecated typed {@code search_space} converted to sweeps. */
    private static Map<String, Object> params(Config sweeper, List<String> notes) {
        Map<String, Object> params = new LinkedHashMap<>();
        Optional<ConfigValue> given = sweeper.find("params").filter(v -> !(v instanceof ConfigValue.NullValue));
        given.ifPresent(node -> {
            if (!(node instanceof MapValue map)) {
                throw new IllegalArgumentException("hydra.sweeper.params must map parameters to sweeps, such as"
                        + " {x: 'interval(-5,5)'}, got " + node.toPlain());
            }
            map.entries().forEach((name, sweep) -> params.put(name, String.valueOf(sweep.toPlain())));
        });
        Optional<ConfigValue> typed = sweeper.find("search_space").filter(v -> !(v instanceof ConfigValue.NullValue));
        if (typed.isPresent()) {
            if (given.isPresent()) {
                notes.add("hydra.sweeper.search_space is ignored: params is set too (as hydra-optuna-sweeper does)");
            } else if (typed.get() instanceof MapValue map) {
                map.entries().forEach((name, spec) -> params.put(name, SearchSpaceEntry.sweep(name, spec)));
                notes.add("hydra.sweeper.search_space (deprecated) read as params: " + params);
            } else {
                throw new IllegalArgumentException("hydra.sweeper.search_space must map parameters to"
                        + " {type, low, high, ...}, got " + typed.get().toPlain());
            }
        }
        return params;
    }

    /** A setting's plain value; empty when absent or null. */
    static Optional<Object> value(Config node, String key) {
        return node.find(key).filter(v -> !(v instanceof ConfigValue.NullValue)).map(ConfigValue::toPlain);
    }

    /** A text in lower case, for names compared without regard to case. */
    static String lower(Object value) {
        return String.valueOf(value).toLowerCase(Locale.ROOT);
    }
}
