package dev.osprey.composer.conformance;

import dev.osprey.composer.ComposerException;
import dev.osprey.composer.multirun.BasicSweeper;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Cases of {@code basic_sweeper.jsonl}: overrides (sweeper params first, then the command line) and a
 * batch size, against the batches of job overrides Hydra's basic sweeper launches, or its error.
 */
final class SweeperCases {

    static final String CORPUS = "basic_sweeper";

    /**
     * Cases treated differently on purpose, by their overrides joined with a space, with the reason
     * (listed in docs/hydra-conformance.md).
     */
    static final Map<String, String> DELIBERATE_DEVIATIONS = Map.of(
            "~a", "a bare delete is passed to jobs as '~a', not Hydra's '~a=null', which Hydra 1.4 itself then"
                    + " reads as 'delete only if the value is null' and fails for any other value");

    private SweeperCases() {
    }

    /** The case's name: its overrides joined with a space, and the batch size when there is one. */
    @SuppressWarnings("unchecked")
    static String name(Map<String, Object> testCase) {
        Number batchSize = (Number) testCase.get("max_batch_size");
        return String.join(" ", (List<String>) testCase.get("overrides"))
                + (batchSize == null ? "" : "  [max_batch_size=" + batchSize + "]");
    }

    @SuppressWarnings("unchecked")
    static CaseResult check(Map<String, Object> testCase) {
        List<String> overrides = (List<String>) testCase.get("overrides");
        String name = name(testCase);
        String input = String.join(" ", overrides);
        if (DELIBERATE_DEVIATIONS.containsKey(input)) {
            return CaseResult.skipped(CORPUS, name, DELIBERATE_DEVIATIONS.get(input));
        }
        Number batchSize = (Number) testCase.get("max_batch_size");
        Map<String, Object> expect = (Map<String, Object>) testCase.get("expect");
        BasicSweeper sweeper = BasicSweeper.create().withMaxBatchSize(batchSize == null ? null : batchSize.intValue())
                .withRandom(new SplittableRandom(3));
        try {
            if (Boolean.TRUE.equals(expect.get("error"))) {
                try {
                    List<List<List<String>>> batches = sweeper.batchesOf(overrides);
                    throw new Mismatch("an error is expected, but the sweeper made " + batches);
                } catch (ComposerException e) {
                    Mismatch.check("error message", expect.get("message"), e.getMessage());
                }
            } else {
                Mismatch.check("batches", expect.get("batches"), sweeper.batchesOf(overrides));
            }
            return CaseResult.passed(CORPUS, name);
        } catch (Mismatch m) {
            return CaseResult.failed(CORPUS, name, m.getMessage());
        } catch (RuntimeException e) {
            return CaseResult.failed(CORPUS, name, "unexpected " + e);
        }
    }
}
