package dev.osprey.optimizer.pruner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.CRC32;

/**
 * The brackets of a Hyperband run for fixed resources: how many there are, the share of trials
 * each gets, and the successive-halving pruner that judges each one.
 *
 * @param budgets      the trial allocation budget of each bracket, by bracket number
 * @param totalBudget  the sum of the budgets
 * @param pruners      bracket {@code b}'s pruner, with minimum early-stopping rate {@code b}
 */
record HyperbandBrackets(List<Integer> budgets, long totalBudget, List<SuccessiveHalvingPruner> pruners) {

    HyperbandBrackets {
        budgets = List.copyOf(budgets);
        pruners = List.copyOf(pruners);
    }

    /**
     * Brackets for resources {@code minResource..maxResource}: {@code floor(log_eta(max/min)) + 1}
     * of them (at least one), bracket {@code b} with budget {@code ceil(n * eta^s / (s + 1))} where
     * {@code s = n - 1 - b}.
     */
    static HyperbandBrackets of(int minResource, int maxResource, int reductionFactor, int bootstrapCount) {
        int n = bracketCount(minResource, maxResource, reductionFactor);
        List<Integer> budgets = new ArrayList<>(n);
        List<SuccessiveHalvingPruner> pruners = new ArrayList<>(n);
        long total = 0;
        for (int bracket = 0; bracket < n; bracket++) {
            int s = n - 1 - bracket;
            long numerator = n * pow(reductionFactor, s);
            int budget = Math.toIntExact((numerator + s) / (s + 1));
            budgets.add(budget);
            total += budget;
            pruners.add(new SuccessiveHalvingPruner(OptionalInt.of(minResource), reductionFactor, bracket,
                    bootstrapCount));
        }
        return new HyperbandBrackets(budgets, total, pruners);
    }

    /**
     * {@code floor(log_eta(max/min)) + 1}, computed exactly as the largest {@code k} with
     * {@code min * eta^k <= max}: a floating-point logarithm falls just short at exact powers
     * (log_3(243) evaluates to 4.999...) and would lose a bracket.
     */
    static int bracketCount(int minResource, int maxResource, int reductionFactor) {
        int k = 0;
        long reach = (long) minResource * reductionFactor;
        while (reach <= maxResource) {
            k++;
            reach *= reductionFactor;
        }
        return k + 1;
    }

    int bracketCount() {
        return budgets.size();
    }

    /** The bracket of a trial: {@code crc32(studyName + "_" + trialNumber) mod totalBudget}, walked through the budgets. */
    int bracketOf(String studyName, int trialNumber) {
        CRC32 crc = new CRC32();
        crc.update((studyName + "_" + trialNumber).getBytes(StandardCharsets.UTF_8));
        long n = crc.getValue() % totalBudget;
        for (int bracket = 0; bracket < budgets.size(); bracket++) {
            n -= budgets.get(bracket);
            if (n < 0) {
                return bracket;
            }
        }
        throw new AssertionError("the budgets sum to totalBudget, so every remainder falls in a bracket");
    }

    private static long pow(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result = Math.multiplyExact(result, base);
        }
        return result;
    }
}
