package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.importance.ImportanceEvaluator;
import dev.osprey.optimizer.importance.Importances;

import java.util.Locale;
import java.util.Objects;

/**
 * The importance evaluator a plot uses, with the name the plot shows (so that readers know which
 * evaluator weighed the parameters).
 *
 * @param name      as on the command line: {@code ped-anova} or {@code fanova}
 * @param evaluator the evaluator
 */
public record ImportanceChoice(String name, ImportanceEvaluator evaluator) {

    /** The seed of fANOVA's forest, fixed so that a page shows the same importances on every reload. */
    public static final long FANOVA_SEED = 0;

    public ImportanceChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(evaluator, "evaluator");
    }

    /** PED-ANOVA, Optuna's default (and the dashboard's). */
    public static ImportanceChoice pedAnova() {
        return new ImportanceChoice("ped-anova", Importances.pedAnova());
    }

    public static ImportanceChoice fanova(long seed) {
        return new ImportanceChoice("fanova", Importances.fanova(seed));
    }

    public static ImportanceChoice parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "ped-anova", "pedanova" -> pedAnova();
            case "fanova" -> fanova(FANOVA_SEED);
            default -> throw new IllegalArgumentException("unknown importance evaluator '" + name
                    + "'; expected ped-anova or fanova");
        };
    }
}
