package dev.osprey.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * Hydra's figures for the compose suite, from the project's baseline of Hydra's speed (Hydra
 * 1.4.0.dev9 with OmegaConf 2.4.0.dev14 on Python 3.11, measured on this machine kind, median of five
 * runs' medians). Hydra is not run by the suite: its rows carry {@code "source": "baseline"}.
 */
final class HydraBaseline {

    static final String VERSION = "1.4.0.dev9";
    static final double OVERRIDES_PER_S = 6755;
    static final double COMPOSES_PER_S = 22.6;
    static final double COLD_COMPOSE_MS = 62;
    static final double IMPORTS_MS = 114;
    static final double PROCESS_TWO_COMPOSES_MS = 310;

    private HydraBaseline() {
    }

    static List<Map<String, Object>> rows() {
        return List.of(
                row("parse_mix", "overrides_per_s", OVERRIDES_PER_S),
                row("training_10_overrides", "composes_per_s", COMPOSES_PER_S),
                row("first_compose", "cold_compose_ms", COLD_COMPOSE_MS),
                row("imports", "ms", IMPORTS_MS),
                row("process_two_composes", "ms", PROCESS_TWO_COMPOSES_MS));
    }

    private static Map<String, Object> row(String what, String metric, double median) {
        return Row.of("system", "hydra", "version", VERSION, "case", what, "metric", metric, "median", median,
                "source", "baseline");
    }
}
