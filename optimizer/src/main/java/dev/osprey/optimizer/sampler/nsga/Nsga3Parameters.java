package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.sampler.Sampler;

import java.util.Objects;

/**
 * The settings of the NSGA-III sampler, with Optuna's {@code NSGAIIISampler} defaults: NSGA-II's
 * child generation ({@link Nsga2Parameters}) and Das-Dennis reference points with dividing
 * parameter 3 ({@code C(M + 2, 3)} points for M objectives: 10 for three).
 *
 * @param genetic           population size, crossover and mutation, as for NSGA-II
 * @param dividingParameter the number of divisions of each objective axis for the reference points; at least 1
 */
public record Nsga3Parameters(Nsga2Parameters genetic, int dividingParameter) {

    public Nsga3Parameters {
        Objects.requireNonNull(genetic, "genetic");
        if (dividingParameter < 1) {
            throw new IllegalArgumentException("dividingParameter must be >= 1, but got " + dividingParameter);
        }
    }

    /** NSGA-II's defaults (population 50, uniform crossover) and dividing parameter 3. */
    public static Nsga3Parameters defaults() {
        return new Nsga3Parameters(Nsga2Parameters.defaults(), 3);
    }

    public Nsga3Parameters withGenetic(Nsga2Parameters genetic) {
        return new Nsga3Parameters(genetic, dividingParameter);
    }

    public Nsga3Parameters withDividingParameter(int dividingParameter) {
        return new Nsga3Parameters(genetic, dividingParameter);
    }

    /** A sampler with these settings. */
    public Sampler build() {
        return new Nsga2Sampler(genetic, new Nsga3Survival(dividingParameter), "Nsga3Sampler" + this);
    }
}
