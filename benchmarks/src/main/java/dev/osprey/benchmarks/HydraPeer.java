package dev.osprey.benchmarks;

import java.util.Map;
import java.util.Optional;

/**
 * Real Hydra with the hydra-optuna-sweeper plugin, for the hydra suite: an interpreter and the
 * {@code PYTHONPATH} that makes Hydra importable (the runnable copy of the vendored Hydra 1.3.2 that
 * {@code scripts/hydra-peer.sh} makes). {@code benchmarks/bench} passes them as the system properties
 * {@code osprey.bench.hydra.python} and {@code osprey.bench.hydra.pythonpath}, or, when that script
 * failed, its last line as {@code osprey.bench.hydra.missing}, so that the suite can say why it skipped.
 *
 * @param python     the interpreter
 * @param pythonPath what {@code PYTHONPATH} must hold for Hydra to import; empty when Hydra is not set up
 * @param missing    why Hydra is not set up, when it is not
 */
record HydraPeer(String python, String pythonPath, String missing) {

    static HydraPeer fromSystemProperties() {
        return new HydraPeer(System.getProperty("osprey.bench.hydra.python", "/usr/bin/python3"),
                System.getProperty("osprey.bench.hydra.pythonpath", ""),
                System.getProperty("osprey.bench.hydra.missing", "OSPREY_HYDRA_PYTHONPATH is not set"
                        + " (run scripts/hydra-peer.sh)"));
    }

    /** The environment a Hydra app needs, for Hydra's own run and for Osprey's. */
    Map<String, String> environment() {
        return Map.of("PYTHONPATH", pythonPath);
    }

    /**
     * The versions of Hydra, the plugin, Optuna and Python if all of them import, else empty and
     * {@link #whyNot()} says what failed.
     */
    Optional<String> versions() {
        if (pythonPath.isEmpty()) {
            return Optional.empty();
        }
        return evaluate("import platform, hydra, optuna, omegaconf, hydra_plugins.hydra_optuna_sweeper as s;"
                + " print('Hydra ' + hydra.__version__ + ', hydra-optuna-sweeper ' + s.__version__ + ', Optuna '"
                + " + optuna.__version__ + ', OmegaConf ' + omegaconf.__version__ + ', Python '"
                + " + platform.python_version())");
    }

    /** Why the suite cannot run Hydra here. */
    String whyNot() {
        return pythonPath.isEmpty() ? missing : "`" + python + "` cannot import hydra, optuna and the"
                + " hydra-optuna-sweeper plugin with PYTHONPATH=" + pythonPath;
    }

    private Optional<String> evaluate(String code) {
        return OptunaPeer.evaluate(python, code, environment());
    }
}
