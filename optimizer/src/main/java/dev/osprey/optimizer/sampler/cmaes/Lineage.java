package dev.osprey.optimizer.sampler.cmaes;

import dev.osprey.optimizer.internal.Rngs;
import dev.osprey.optimizer.internal.UnitScale;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The CMA-ES state of one search space, derived from the study's trials alone: each trial that
 * CMA-ES sampled holds, in its system attribute {@value #ATTR}, the space it was drawn in, its
 * generation (counted across restarts) and its point on the unit cube. Starting from the initial
 * distribution (a function of the settings, the seed and the source trials), the state is replayed
 * by telling each generation its first {@code popsize} COMPLETE trials by number, as Optuna tells
 * the trials of the optimizer's generation; restarts happen at the same points and draw from the
 * seed. Every worker and every resumed study therefore reaches the same state from the same trials,
 * and a process only keeps it as a cache. Like Optuna, trials of a generation beyond the first
 * {@code popsize} (parallel workers) are not used.
 */
final class Lineage {

    static final String ATTR = "cmaes";
    private static final int MAX_MARGIN_GRID = 4096;

    private final List<String> names;
    private final List<Distribution> distributions;
    private final UnitScale[] scales;
    private final double[][] grids;
    private final String signature;
    private final CmaesOptions options;
    private final long seed;
    private final double sign;
    private final int popsize0;

    private CmaEvolution model;
    private Margin margin;
    private int offset;
    private int restarts;
    private boolean largeRegime;
    private int nLarge;
    private long smallEvals;
    private long largeEvals;
    private int watermark;
    private final boolean ignoredSourceTrials;

    /**
     * @param space    the joint space, in name order, of at least two numeric parameters
     * @param sign     1 to minimise, -1 to maximise
     */
    Lineage(Map<String, Distribution> space, String signature, CmaesOptions options, long seed, double sign) {
        this.names = List.copyOf(space.keySet());
        this.distributions = List.copyOf(space.values());
        this.signature = signature;
        this.options = options;
        this.seed = seed;
        this.sign = sign;
        int n = names.size();
        scales = new UnitScale[n];
        grids = new double[n][];
        for (int i = 0; i < n; i++) {
            UnitScale plain = new UnitScale(distributions.get(i), false);
            double[] grid = options.withMargin() ? grid(plain) : null;
            grids[i] = grid;
            scales[i] = grid != null ? plain : new UnitScale(distributions.get(i), true);
        }
        popsize0 = options.popsizeFor(n);
        double sigma0 = options.sigma0().orElse(1.0 / 6);
        double[] mean = new double[n];
        Arrays.fill(mean, 0.5);
        double[][] cov = null;
        WarmStart warm = warmStart();
        ignoredSourceTrials = !options.sourceTrials().isEmpty() && warm == null;
        if (warm != null) {
            mean = warm.mean();
            sigma0 = warm.sigma();
            cov = warm.cov();
        }
        start(mean, sigma0, cov, popsize0);
    }

    /** The grid of a linear integer or stepped range on the unit interval, or null if it has none (or too many points). */
    private static double[] grid(UnitScale scale) {
        if (!scale.isLinearGrid()) {
            return null;
        }
        double span = scale.fromUnit(1) - scale.fromUnit(0);
        long points = Math.round(span / scale.step()) + 1;
        if (points < 2 || points > MAX_MARGIN_GRID) {
            return null;
        }
        double[] grid = new double[(int) points];
        for (int j = 0; j < grid.length; j++) {
            grid[j] = (double) j / (points - 1);
        }
        return grid;
    }

    private WarmStart warmStart() {
        List<double[]> xs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (TrialRecord t : options.sourceTrials()) {
            if (t.state() != TrialState.COMPLETE || t.values().isEmpty() || !Double.isFinite(t.values().get(0))) {
                continue;
            }
            double[] x = new double[names.size()];
            boolean matches = true;
            for (int i = 0; i < x.length && matches; i++) {
                Param p = t.params().get(names.get(i));
                matches = p != null && p.distribution().equals(distributions.get(i));
                if (matches) {
                    x[i] = scales[i].toUnit(p.internal());
                }
            }
            if (matches) {
                xs.add(x);
                values.add(sign * t.values().get(0));
            }
        }
        return xs.isEmpty() ? null : WarmStart.estimate(xs, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Whether source trials were given but none fits this space (the warm start is then skipped). */
    boolean ignoredSourceTrials() {
        return ignoredSourceTrials;
    }

    private void start(double[] mean, double sigma, double[][] cov, int popsize) {
        model = new CmaEvolution(mean, sigma, cov, popsize, options.separable(), options.lrAdapt());
        boolean anyGrid = Arrays.stream(grids).anyMatch(g -> g != null);
        margin = anyGrid ? new Margin(grids, 1.0 / (names.size() * popsize)) : null;
    }

    /** The generation a trial sampled now belongs to. */
    int generation() {
        return offset + model.generation();
    }

    CmaEvolution model() {
        return model;
    }

    int restarts() {
        return restarts;
    }

    /** A point for trial {@code number}, after telling the model every generation {@code trials} completes. */
    synchronized Proposal propose(List<TrialRecord> trials, int number) {
        advance(trials);
        SplittableRandom rng = Rngs.forTrial(seed, number, "cmaes");
        double[] x = model.ask(rng);
        double[] evaluated = margin == null ? x : margin.encode(model, x);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), scales[i].fromUnit(evaluated[i]));
        }
        List<Double> point = Arrays.stream(x).boxed().toList();
        Map<String, Object> tag = new LinkedHashMap<>();
        tag.put("space", signature);
        tag.put("generation", generation());
        tag.put("x", point);
        return new Proposal(values, tag);
    }

    /** Tells the model every generation that has {@code popsize} COMPLETE trials, in order. */
    synchronized void advance(List<TrialRecord> trials) {
        while (true) {
            int g = generation();
            List<double[]> xs = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            int low = Integer.MAX_VALUE;
            for (int i = Math.min(watermark, trials.size()); i < trials.size(); i++) {
                TrialRecord t = trials.get(i);
                Tag tag = Tag.of(t, signature, names.size());
                if (!t.state().isFinished() || tag != null && tag.generation >= g) {
                    low = Math.min(low, i);
                }
                if (tag != null && tag.generation == g && t.state() == TrialState.COMPLETE && !t.values().isEmpty()
                        && xs.size() < model.popsize) {
                    double v = sign * t.values().get(0);
                    xs.add(tag.x);
                    values.add(Double.isNaN(v) ? Double.POSITIVE_INFINITY : v);
                }
            }
            watermark = low == Integer.MAX_VALUE ? trials.size() : low;
            if (xs.size() < model.popsize) {
                return;
            }
            model.tell(xs.toArray(double[][]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
            if (margin != null) {
                margin.correct(model);
            }
            if (options.restartStrategy() != RestartStrategy.NONE && model.shouldStop()) {
                restart();
            }
        }
    }

    /** IPOP or BIPOP: a new run from a random mean, with the population the strategy chooses. */
    private void restart() {
        long evals = (long) model.popsize * model.generation();
        SplittableRandom rng = Rngs.forTrial(seed, restarts + 1, "cmaes:restart");
        int inc = options.incPopsize();
        int popsize;
        if (options.restartStrategy() == RestartStrategy.IPOP) {
            popsize = model.popsize * inc;
        } else {
            if (largeRegime) {
                largeEvals += evals;
            } else {
                smallEvals += evals;
            }
            if (smallEvals < largeEvals) {
                largeRegime = false;
                double u = rng.nextDouble();
                popsize = (int) Math.floor(popsize0 * Math.pow(Math.pow(inc, nLarge), u * u));
            } else {
                largeRegime = true;
                nLarge++;
                popsize = (int) (popsize0 * Math.pow(inc, nLarge));
            }
        }
        popsize = Math.max(2, Math.min(popsize, 1 << 16));
        double[] mean = new double[names.size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = rng.nextDouble();
        }
        offset += model.generation();
        restarts++;
        start(mean, options.sigma0().orElse(1.0 / 6), null, popsize);
    }

    /** The values to suggest and the attribute that records how they were drawn. */
    record Proposal(Map<String, Double> values, Map<String, Object> tag) {
    }

    /** A trial's CMA-ES attribute, if it has one for this space. */
    private record Tag(int generation, double[] x) {

        static Tag of(TrialRecord t, String signature, int dimension) {
            if (!(t.systemAttrs().get(ATTR) instanceof Map<?, ?> m) || !signature.equals(m.get("space"))
                    || !(m.get("generation") instanceof Number g) || !(m.get("x") instanceof List<?> x)
                    || x.size() != dimension) {
                return null;
            }
            double[] point = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                if (!(x.get(i) instanceof Number v)) {
                    return null;
                }
                point[i] = v.doubleValue();
            }
            return new Tag(g.intValue(), point);
        }
    }
}
