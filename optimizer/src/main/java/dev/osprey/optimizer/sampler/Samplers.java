package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.tpe.TpeBuilder;

import java.util.List;
import java.util.Map;

/** Factories for the samplers that come with Osprey. */
public final class Samplers {

    private Samplers() {
    }

    /** Uniform random sampling; reproducible from the study seed at any parallelism. */
    public static Sampler random() {
        return new RandomSampler();
    }

    /**
     * Exhaustive search over the Cartesian product of the given values, parameter by parameter.
     * Points are claimed through the storage, so concurrent workers never evaluate one twice.
     */
    public static Sampler grid(Map<String, ? extends List<?>> space) {
        return new GridSampler(space);
    }

    /** The Tree-structured Parzen Estimator with Optuna's current defaults. */
    public static Sampler tpe() {
        return TpeBuilder.defaults().build();
    }

    /** A TPE sampler with settings of one's own: {@code Samplers.tpeBuilder().nStartupTrials(20).build()}. */
    public static TpeBuilder tpeBuilder() {
        return TpeBuilder.defaults();
    }
}
