package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.nsga.Nsga2Parameters;
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
     * Every point of the Cartesian product of the given values, run in order: the first parameter
     * varies slowest, and parameters follow the map's order if it has one (a {@code LinkedHashMap}),
     * else their names' order. Each point is claimed through the storage before it runs, so
     * concurrent workers never run one twice; a study asked again after the grid ran (a resumed
     * sweep) runs again the points whose trials failed. See {@link #grid(List)}.
     */
    public static Sampler grid(Map<String, ? extends List<?>> space) {
        return new GridSampler(GridPoints.product(space));
    }

    /**
     * Every point of the list, in its order: a point is a map of parameter name to value (points
     * may name different parameters, for conditional grids). Points are claimed as for
     * {@link #grid(Map)}; workers that list the same points in another order share their claims.
     */
    public static Sampler grid(List<? extends Map<String, ?>> points) {
        return new GridSampler(new GridPoints(points));
    }

    /**
     * The Tree-structured Parzen Estimator with Optuna's current defaults. It models studies with
     * one objective and with several: for the latter it is multi-objective TPE (Ozaki et al.,
     * GECCO 2020), splitting the trials by non-domination rank and hypervolume as Optuna 3.1's
     * {@code TPESampler} does.
     */
    public static Sampler tpe() {
        return TpeBuilder.defaults().build();
    }

    /** A TPE sampler with settings of one's own: {@code Samplers.tpeBuilder().nStartupTrials(20).build()}. */
    public static TpeBuilder tpeBuilder() {
        return TpeBuilder.defaults();
    }

    /**
     * NSGA-II (Deb et al., 2002) with Optuna 3.1's defaults: generations of 50 trials, the first
     * random, each later trial a uniform crossover (probability 0.9) of two parents chosen by
     * tournament among the survivors of the generations before, with each parameter redrawn at
     * random with probability {@code 1 / n_params}. Generations are blocks of consecutive trial
     * numbers, so parallel workers and resumed studies share them.
     */
    public static Sampler nsga2() {
        return Nsga2Parameters.defaults().build();
    }

    /** NSGA-II with settings of one's own: {@code Samplers.nsga2(Nsga2Parameters.defaults().withPopulationSize(20))}. */
    public static Sampler nsga2(Nsga2Parameters parameters) {
        return parameters.build();
    }

    /**
     * NSGA-III (Deb and Jain, 2014) with Optuna's defaults: NSGA-II's generations and children, and
     * survival by niching around Das-Dennis reference points (dividing parameter 3), for three or
     * more objectives.
     */
    public static Sampler nsga3() {
        return dev.osprey.optimizer.sampler.nsga.Nsga3Parameters.defaults().build();
    }

    /** NSGA-III with settings of one's own: {@code Samplers.nsga3(Nsga3Parameters.defaults().withDividingParameter(12))}. */
    public static Sampler nsga3(dev.osprey.optimizer.sampler.nsga.Nsga3Parameters parameters) {
        return parameters.build();
    }
}
