package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.auto.AutoBuilder;
import dev.osprey.optimizer.sampler.gp.GpBuilder;
import dev.osprey.optimizer.sampler.cmaes.CmaesBuilder;
import dev.osprey.optimizer.sampler.nsga.Nsga2Parameters;
import dev.osprey.optimizer.sampler.qmc.QmcBuilder;
import dev.osprey.optimizer.sampler.tpe.TpeBuilder;

import java.util.List;
import java.util.Map;

/** Factories for the samplers that come with Osprey. */
public final class Samplers {

    /** The names of the samplers {@link #byName} makes, as the command line gives them. */
    public static final List<String> NAMES = List.of("auto", "tpe", "tpe_optuna", "random", "gp", "cmaes", "qmc",
            "nsga2", "nsga3");

    /**
     * The sampler of a name in {@link #NAMES}, with its defaults; the grid is not among them, as it
     * needs its points.
     *
     * @throws IllegalArgumentException naming the samplers there are, for any other name
     */
    public static Sampler byName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> auto();
            case "tpe" -> tpe();
            case "tpe_optuna" -> tpeOptuna();
            case "random" -> random();
            case "gp" -> gp();
            case "cmaes" -> cmaes();
            case "qmc" -> qmc();
            case "nsga2" -> nsga2();
            case "nsga3" -> nsga3();
            default -> throw new IllegalArgumentException("there is no sampler named '" + name + "'; the samplers by name"
                    + " are " + String.join(", ", NAMES));
        };
    }

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
     * The Tree-structured Parzen Estimator with Osprey's defaults: Optuna 5's single-objective
     * algorithm (multivariate, constant liar) with a larger categorical prior weight, which
     * docs/samplers-and-pruners.md justifies with measurements. It models studies with one
     * objective and with several: for the latter it is multi-objective TPE (Ozaki et al.,
     * GECCO 2020), splitting the trials by non-domination rank and hypervolume as Optuna 3.1's
     * {@code TPESampler} does.
     */
    public static Sampler tpe() {
        return TpeBuilder.defaults().build();
    }

    /**
     * TPE as Optuna 3.1's {@code TPESampler()} runs it: its defaults (independent sampling, no
     * constant liar) and its kernel formulas; see {@link TpeBuilder#optuna31()}.
     */
    public static Sampler tpeOptuna() {
        return TpeBuilder.optuna31().build();
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
     * Gaussian-process Bayesian optimisation with Optuna's GPSampler defaults: after 10 random
     * trials, an ARD Matérn-5/2 GP fitted by MAP models the parameters every trial shares and the
     * next point maximises log expected improvement. For one objective; a multi-objective study is
     * sampled at random, and the log says so.
     */
    public static Sampler gp() {
        return GpBuilder.defaults().build();
    }

    /** A GP sampler with settings of one's own: {@code Samplers.gpBuilder().deterministicObjective(true).build()}. */
    public static GpBuilder gpBuilder() {
        return GpBuilder.defaults();
    }

    /**
     * CMA-ES (Hansen's tutorial, 2016) with Optuna's {@code CmaEsSampler} defaults: the float and int
     * parameters every finished trial shares are sampled jointly from a Gaussian whose mean, step size
     * and covariance adapt generation by generation (population {@code 4 + floor(3 ln n)}); categorical
     * and other parameters, and the first trial, are drawn at random. Generations are derived from the
     * trials' stored points, so parallel workers and resumed studies share them.
     */
    public static Sampler cmaes() {
        return CmaesBuilder.defaults().build();
    }

    /** CMA-ES with settings of one's own: {@code Samplers.cmaesBuilder().restartStrategy(RestartStrategy.IPOP).build()}. */
    public static CmaesBuilder cmaesBuilder() {
        return CmaesBuilder.defaults();
    }

    /**
     * Quasi-Monte Carlo sampling with Optuna's {@code QMCSampler} defaults: trial {@code n} takes point
     * {@code n} of a scrambled Sobol sequence over the first finished trial's parameters, which covers
     * the space more evenly than random points; other parameters are drawn at random.
     */
    public static Sampler qmc() {
        return QmcBuilder.defaults().build();
    }

    /** QMC with settings of one's own: {@code Samplers.qmcBuilder().type(QmcType.HALTON).scramble(false).build()}. */
    public static QmcBuilder qmcBuilder() {
        return QmcBuilder.defaults();
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

    /**
     * Picks a sampler per trial from the study so far: TPE for several objectives, conditional
     * spaces and large or only categorical parameters; otherwise the GP for the first 200 COMPLETE
     * trials, then CMA-ES warm-started from them. The choice is stored on each trial (system
     * attribute {@code auto_sampler}), so workers and resumed studies agree.
     */
    public static Sampler auto() {
        return AutoBuilder.defaults().build();
    }

    /** The automatic sampler with settings of one's own: {@code Samplers.autoBuilder().gpMaxTrials(100).build()}. */
    public static AutoBuilder autoBuilder() {
        return AutoBuilder.defaults();
    }
}
