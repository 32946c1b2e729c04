package dev.osprey.optimizer.importance;

/** The importance evaluators. */
public final class Importances {

    private Importances() {
    }

    /**
     * fANOVA on a random forest of 64 trees (Optuna's {@code FanovaImportanceEvaluator} settings),
     * deterministic for a seed.
     */
    public static ImportanceEvaluator fanova(long seed) {
        return new FanovaEvaluator(seed, FanovaEvaluator.TREES);
    }

    /** PED-ANOVA with target quantile 0.1 against all trials (Optuna's {@code PedAnovaImportanceEvaluator}). */
    public static ImportanceEvaluator pedAnova() {
        return new PedAnovaEvaluator(PedAnovaEvaluator.TARGET_QUANTILE, 1.0);
    }

    /** PED-ANOVA, Optuna's current default. */
    public static ImportanceEvaluator defaults() {
        return pedAnova();
    }
}
