package dev.osprey.composer.sweep;

import dev.osprey.composer.ConformanceCorpus;
import dev.osprey.optimizer.OspreyException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Runs every case of {@code conformance/hydra/basic_sweeper.jsonl}: the overrides (sweeper params
 * first, then the command line) and a batch size, against the batches of job overrides Hydra's
 * basic sweeper launches.
 */
class BasicSweeperConformanceTest {

    /**
     * Cases treated differently on purpose, by their overrides joined with a space, with the reason;
     * each is listed in docs/hydra-conformance.md and shows up as skipped.
     */
    static final Map<String, String> DELIBERATE_DEVIATIONS = Map.of(
            "~a", "a bare delete is passed to jobs as '~a', not Hydra's '~a=null', which Hydra 1.4 itself then"
                    + " reads as 'delete only if the value is null' and fails for any other value");

    @TestFactory
    Stream<DynamicTest> basicSweeper() {
        return ConformanceCorpus.cases("basic_sweeper.jsonl").stream().map(c -> {
            @SuppressWarnings("unchecked")
            List<String> overrides = (List<String>) c.get("overrides");
            Number batchSize = (Number) c.get("max_batch_size");
            @SuppressWarnings("unchecked")
            Map<String, Object> expect = (Map<String, Object>) c.get("expect");
            String name = String.join(" ", overrides) + (batchSize == null ? "" : "  [max_batch_size=" + batchSize + "]");
            return DynamicTest.dynamicTest(ConformanceCorpus.displayName(name),
                    () -> check(overrides, batchSize == null ? null : batchSize.intValue(), expect));
        });
    }

    private static void check(List<String> overrides, Integer batchSize, Map<String, Object> expect) {
        String input = String.join(" ", overrides);
        assumeFalse(DELIBERATE_DEVIATIONS.containsKey(input),
                () -> "deliberate deviation: " + DELIBERATE_DEVIATIONS.get(input));
        BasicSweeper sweeper = BasicSweeper.create().withMaxBatchSize(batchSize).withRandom(new SplittableRandom(3));
        if (Boolean.TRUE.equals(expect.get("error"))) {
            OspreyException e = assertThrows(OspreyException.class, () -> sweeper.batchesOf(overrides));
            assertEquals(expect.get("message"), e.getMessage());
            return;
        }
        assertEquals(expect.get("batches"), sweeper.batchesOf(overrides));
    }
}
