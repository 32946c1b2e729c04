package dev.osprey.optimizer.sampler.auto;

import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;

/**
 * Settings of the automatic sampler: {@code Samplers.autoBuilder().gpMaxTrials(100).build()}.
 * See {@link AutoRule} for the rule they tune.
 */
public final class AutoBuilder {

    /** Complete trials after which GP hands over to CMA-ES: the GP's own observation cap. */
    public static final int DEFAULT_GP_MAX_TRIALS = 200;
    /** Categorical parameters with more choices than this send the study to TPE. */
    public static final int DEFAULT_MAX_GP_CHOICES = 8;

    private int gpMaxTrials = DEFAULT_GP_MAX_TRIALS;
    private int maxGpChoices = DEFAULT_MAX_GP_CHOICES;
    private boolean conditional;

    private AutoBuilder() {
    }

    /** The defaults. */
    public static AutoBuilder defaults() {
        return new AutoBuilder();
    }

    /** Complete trials up to which a continuous single-objective study uses the GP; CMA-ES after. */
    public AutoBuilder gpMaxTrials(int gpMaxTrials) {
        if (gpMaxTrials < 0) {
            throw new IllegalArgumentException("gpMaxTrials must be >= 0, but got " + gpMaxTrials);
        }
        this.gpMaxTrials = gpMaxTrials;
        return this;
    }

    /** The most choices a categorical parameter may have before the study goes to TPE. */
    public AutoBuilder maxGpChoices(int maxGpChoices) {
        if (maxGpChoices < 1) {
            throw new IllegalArgumentException("maxGpChoices must be >= 1, but got " + maxGpChoices);
        }
        this.maxGpChoices = maxGpChoices;
        return this;
    }

    /**
     * Whether the search space is known to be conditional before any trial ran (a sweep's overrides
     * say so): every trial then goes to TPE.
     */
    public AutoBuilder conditional(boolean conditional) {
        this.conditional = conditional;
        return this;
    }

    /** The rule with these settings in words, for a study of {@code objectives} objectives (a sweep's start line). */
    public String describe(int objectives) {
        return objectives > 1 ? "tpe for several objectives" : new AutoRule(gpMaxTrials, maxGpChoices, conditional).describe();
    }

    /** A sampler with these settings. */
    public Sampler build() {
        // a space known to be conditional is modelled by TPE group by group, as the sweeper's TPE does
        Sampler tpe = conditional ? Samplers.tpeBuilder().group(true).build() : Samplers.tpe();
        return new AutoSampler(new AutoRule(gpMaxTrials, maxGpChoices, conditional), tpe);
    }
}
