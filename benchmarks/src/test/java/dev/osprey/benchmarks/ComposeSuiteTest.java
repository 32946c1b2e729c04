package dev.osprey.benchmarks;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.Overrides;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compose suite measures a correct composition, and its report judges the targets from the rows. */
class ComposeSuiteTest {

    @Test
    void theBenchmarkedCompositionIsTheExpectedConfig() {
        Config config = ComposeSuite.composer().compose(ComposeSuite.PRIMARY, ComposeSuite.OVERRIDES);
        assertEquals("sgd", config.getString("optimizer.name"));
        assertEquals(0.01, config.getDouble("optimizer.lr"));
        assertEquals(768, config.getInt("model.dim"));
        assertEquals("imagenet", config.getString("data.name"));
        assertEquals(20, config.getInt("trainer.max_epochs"));
        assertEquals(7, config.getInt("trainer.seed"));
        assertFalse(config.has("training.warmup"));
        assertEquals(List.of("a", "b", "c"), config.getList("logger.tags"));
        Config resolved = ComposeSuite.composeResolved(ComposeSuite.composer(), ComposeSuite.resolvers());
        assertEquals("vit-sgd-lr0.01", resolved.getString("logger.name"));
        assertEquals("multirun/0", resolved.getString("output_dir"));
        assertEquals(10, ComposeSuite.OVERRIDES.size());
        assertEquals(10, ComposeSuite.PARSE_MIX.size());
        ComposeSuite.PARSE_MIX.forEach(Overrides::parse);
    }

    @Test
    void freshJvmsReportTheirFirstComposition() {
        List<Map<String, Object>> rows = ColdCompose.runChildren(1, line -> { });
        Map<String, Object> cold = rows.stream().filter(r -> Row.is(r, "metric", "cold_compose_ms")).findFirst()
                .orElseThrow();
        assertTrue(Row.num(cold, "median") > 0, cold.toString());
        assertTrue(rows.stream().anyMatch(r -> Row.is(r, "case", "first_compose_appcds")), rows.toString());
        assertEquals(6, rows.size());
    }

    @Test
    void targetsAreJudgedFromTheRows() {
        List<Map<String, Object>> rows = List.of(
                Row.of("system", "osprey", "case", "training_10_overrides", "metric", "composes_per_s",
                        "median", 25_000.0, "q25", 24_000.0, "q75", 26_000.0),
                Row.of("system", "osprey", "case", "first_compose", "metric", "cold_compose_ms",
                        "median", 180.0, "q25", 170.0, "q75", 190.0),
                Row.of("system", "hydra", "case", "training_10_overrides", "metric", "composes_per_s",
                        "median", 22.6, "source", "baseline"));
        String md = ComposeReport.render(rows);
        assertTrue(md.contains("| 25,000/s (median) | met | 22.6/s |"), md);
        assertTrue(md.contains("| 180.0 ms (median) | **missed** | - |"), md);
        assertTrue(md.contains("| 25,000/s (40 µs each) [24,000/s, 26,000/s] | 22.6/s (44.2 ms each) | 1106x |"), md);
    }
}
