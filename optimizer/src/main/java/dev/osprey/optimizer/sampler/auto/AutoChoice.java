package dev.osprey.optimizer.sampler.auto;

import java.util.Locale;
import java.util.Optional;

/** The sampler the automatic sampler chose for a trial; its name is what the trial stores. */
public enum AutoChoice {
    /** Gaussian-process Bayesian optimisation. */
    GP,
    /** Tree-structured Parzen Estimator (multi-objective TPE for several objectives). */
    TPE,
    /** CMA-ES, warm-started from the trials before the switch. */
    CMAES;

    /** The stored name: {@code gp}, {@code tpe} or {@code cmaes}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice a stored attribute value names, if it names one. */
    public static Optional<AutoChoice> parse(Object stored) {
        for (AutoChoice choice : values()) {
            if (choice.label().equals(stored)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
