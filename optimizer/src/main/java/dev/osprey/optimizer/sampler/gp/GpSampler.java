package dev.osprey.optimizer.sampler.gp;

import dev.osprey.optimizer.internal.Rngs;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gaussian-process Bayesian optimisation (Snoek, Larochelle and Adams, "Practical Bayesian
 * Optimization of Machine Learning Algorithms", NeurIPS 2012) as Optuna's {@code GPSampler} does
 * it: once {@code nStartupTrials} trials are COMPLETE, the parameters every COMPLETE trial shares
 * (the intersection search space) are modelled by a GP with an ARD Matérn-5/2 kernel whose
 * hyperparameters are fitted by MAP, and the next point maximises log expected improvement.
 * Running trials enter the GP with their posterior mean as value (the Kriging believer: Ginsbourger,
 * Le Riche and Carraro, 2010), so parallel workers do not propose the same point. Parameters outside
 * the shared space, and every parameter of a multi-objective study, go to the independent sampler.
 *
 * <p>This class orchestrates; the model is {@link GaussianProcess} with {@link HyperparameterFit},
 * the acquisition {@link LogEi} with {@link AcquisitionSearch}. Whatever the history (failed or NaN
 * trials, constant values, duplicated points), {@link #sampleRelative} never throws: where the GP
 * cannot be used, it returns nothing and the independent sampler takes over, and the log says why once.
 */
final class GpSampler implements Sampler {

    static final String RELATIVE_PARAMS = "gp:relative_params";
    private static final System.Logger LOG = System.getLogger(GpSampler.class.getName());
    /** Up to this many observations the hyperparameters are refitted at every trial; beyond, every n/16 trials. */
    private static final int REFIT_EVERY_TRIAL_UP_TO = 100;

    private final GpSettings settings;
    private final Set<String> said = ConcurrentHashMap.newKeySet();

    GpSampler(GpSettings settings) {
        this.settings = settings;
    }

    /** What this sampler keeps for one study in this process: the last fit, the warm start of the next. */
    private static final class State {
        List<String> signature;
        GpHyperparameters hyperparameters;
        int fittedOn;
        volatile boolean modelling;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, TrialRecord trial) {
        if (study.directions().size() != 1) {
            once("multi", System.Logger.Level.INFO, "the GP sampler models one objective; this study has "
                    + study.directions().size() + ", so its parameters are sampled by its independent sampler (random by default)");
            return Map.of();
        }
        List<TrialRecord> complete = complete(study, trial);
        if (complete.size() < settings.nStartupTrials() || complete.isEmpty()) {
            return Map.of();
        }
        Map<String, Distribution> shared = new TreeMap<>(complete.get(0).distributions());
        for (TrialRecord t : complete) {
            Map<String, Distribution> own = t.distributions();
            shared.entrySet().removeIf(e -> !e.getValue().equals(own.get(e.getKey())));
        }
        shared.entrySet().removeIf(e -> e.getValue().isSingle() || !modelable(e.getValue()));
        state(study).modelling = true;
        if (shared.isEmpty()) {
            once("empty", System.Logger.Level.INFO, "no parameter is shared by every complete trial of study '"
                    + study.studyName() + "'; the GP sampler samples them independently");
        }
        return shared;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, TrialRecord trial, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, Double> values = propose(study, trial, space);
            if (!values.isEmpty()) {
                study.setSystemAttr(trial, RELATIVE_PARAMS, new LinkedHashMap<>(values));
            }
            return values;
        } catch (RuntimeException e) {
            once("failed:" + e.getClass().getName(), System.Logger.Level.WARNING, "the GP sampler could not propose"
                    + " trial " + trial.number() + " (" + e + "); it samples independently where this happens");
            return Map.of();
        }
    }

    @Override
    public double sampleIndependent(StudyView study, TrialRecord trial, String name, Distribution distribution) {
        if (state(study).modelling && study.directions().size() == 1) {
            once("independent:" + name, System.Logger.Level.INFO, "parameter '" + name + "' is outside the space"
                    + " every complete trial shares (or cannot be modelled); it is sampled by the independent sampler");
        }
        return settings.independentSampler().sampleIndependent(study, trial, name, distribution);
    }

    private Map<String, Double> propose(StudyView study, TrialRecord trial, Map<String, Distribution> space) {
        SpaceEncoding encoding = new SpaceEncoding(space);
        List<String> names = encoding.names();
        List<TrialRecord> all = study.trials();
        List<TrialRecord> complete = new ArrayList<>();
        for (TrialRecord t : all) {
            if (t.state() == TrialState.COMPLETE && t.number() != trial.number() && hasAll(t, names)) {
                complete.add(t);
            }
        }
        GpObservations data = GpObservations.of(complete, encoding, study.direction(), settings.maxObservations());
        if (data.size() == 0) {
            once("no-values", System.Logger.Level.INFO, "no complete trial has a number as value yet; the GP sampler"
                    + " samples independently");
            return Map.of();
        }
        if (data.capped()) {
            once("capped", System.Logger.Level.INFO, "the GP is fitted to " + settings.maxObservations()
                    + " of the study's trials (the best half and the most recent others), so that each proposal stays fast");
        }
        boolean[] categorical = encoding.categoricalMask();
        GpHyperparameters hyperparameters = hyperparameters(study, names, space, data, categorical);
        GaussianProcess gp = GaussianProcess.condition(data.points(), data.values(), hyperparameters, categorical);
        double best = data.values()[data.bestIndex()];

        List<double[]> running = runningPoints(all, trial, names, encoding);
        if (!running.isEmpty()) {
            double[][] points = Arrays.copyOf(data.points(), data.size() + running.size());
            double[] values = Arrays.copyOf(data.values(), points.length);
            for (int r = 0; r < running.size(); r++) {
                points[data.size() + r] = running.get(r);
                values[data.size() + r] = gp.mean(running.get(r));
            }
            gp = GaussianProcess.condition(points, values, hyperparameters, categorical);
        }

        SplittableRandom rng = Rngs.forTrial(study.seed(), trial.number(), "gp");
        AcquisitionSearch search = new AcquisitionSearch(gp, best, encoding);
        // a long history makes each acquisition evaluation dearer: fewer of them keep a proposal fast
        boolean longHistory = data.size() > REFIT_EVERY_TRIAL_UP_TO;
        List<AcquisitionSearch.Candidate> candidates = search.search(rng,
                longHistory ? settings.preliminarySamples() / 2 : settings.preliminarySamples(),
                longHistory ? Math.max(2, settings.localSearches() / 2) : settings.localSearches(),
                List.of(data.points()[data.bestIndex()]));
        Set<List<Double>> taken = new HashSet<>();
        for (TrialRecord t : all) {
            if (t.number() != trial.number()) {
                taken.add(key(known(t, names)));
            }
        }
        for (AcquisitionSearch.Candidate c : candidates) {
            double[] internal = encoding.decode(c.x());
            if (!taken.contains(key(internal))) {
                return GpObservations.named(names, internal);
            }
        }
        once("all-taken", System.Logger.Level.INFO, "every point the GP sampler proposed for trial " + trial.number()
                + " was tried already; it samples independently where this happens");
        return Map.of();
    }

    /** The MAP hyperparameters, warm-started from this study's last fit when the space is the same. */
    private GpHyperparameters hyperparameters(StudyView study, List<String> names, Map<String, Distribution> space,
                                              GpObservations data, boolean[] categorical) {
        State state = state(study);
        List<String> signature = new ArrayList<>();
        space.forEach((name, d) -> signature.add(name + "=" + d));
        GpHyperparameters start;
        synchronized (state) {
            boolean same = signature.equals(state.signature) && state.hyperparameters != null;
            start = same ? state.hyperparameters : null;
            int n = data.size();
            if (start != null && n > REFIT_EVERY_TRIAL_UP_TO && n - state.fittedOn < Math.max(1, n / 16)
                    && n >= state.fittedOn) {
                return start;
            }
        }
        boolean deterministic = settings.deterministicObjective();
        HyperparameterFit fit = new HyperparameterFit(data.points(), data.values(), categorical, deterministic);
        GpHyperparameters defaults = GpHyperparameters.defaults(names.size(), deterministic);
        GpHyperparameters fitted;
        try {
            fitted = fit.fit(start != null ? start : defaults);
        } catch (RuntimeException first) {
            try {
                fitted = fit.fit(defaults);
            } catch (RuntimeException second) {
                once("fit", System.Logger.Level.WARNING, "the GP's hyperparameters could not be fitted (" + second
                        + "); the defaults are used where this happens");
                fitted = defaults;
            }
        }
        synchronized (state) {
            state.signature = signature;
            state.hyperparameters = fitted;
            state.fittedOn = data.size();
        }
        return fitted;
    }

    /** The encoded points of the other running trials whose values for every name are known. */
    private static List<double[]> runningPoints(List<TrialRecord> all, TrialRecord trial, List<String> names,
                                                SpaceEncoding encoding) {
        List<double[]> out = new ArrayList<>();
        for (TrialRecord t : all) {
            if (t.state() == TrialState.RUNNING && t.number() != trial.number()) {
                double[] internal = known(t, names);
                if (Arrays.stream(internal).noneMatch(Double::isNaN)) {
                    out.add(encoding.encode(internal));
                }
            }
        }
        return out;
    }

    /** A trial's values for {@code names}: those suggested, else its stored joint sample, else NaN. */
    private static double[] known(TrialRecord trial, List<String> names) {
        double[] out = new double[names.size()];
        Map<?, ?> relative = trial.systemAttrs().get(RELATIVE_PARAMS) instanceof Map<?, ?> m ? m : Map.of();
        for (int i = 0; i < out.length; i++) {
            Param p = trial.params().get(names.get(i));
            out[i] = p != null ? p.internal()
                    : relative.get(names.get(i)) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return out;
    }

    private static List<Double> key(double[] internal) {
        return Arrays.stream(internal).boxed().toList();
    }

    private static boolean hasAll(TrialRecord trial, List<String> names) {
        return trial.params().keySet().containsAll(names);
    }

    private static List<TrialRecord> complete(StudyView study, TrialRecord trial) {
        List<TrialRecord> out = new ArrayList<>();
        for (TrialRecord t : study.trials()) {
            if (t.state() == TrialState.COMPLETE && t.number() != trial.number()) {
                out.add(t);
            }
        }
        return out;
    }

    /** A float range wider than the largest double has no finite encoding; it is sampled independently. */
    private static boolean modelable(Distribution distribution) {
        return !(distribution instanceof FloatDistribution f) || Double.isFinite(f.high() - f.low())
                && (!f.log() || Double.isFinite(Math.log(f.high()) - Math.log(f.low())));
    }

    private State state(StudyView study) {
        return study.memo(this, State::new);
    }

    private void once(String key, System.Logger.Level level, String message) {
        if (said.add(key)) {
            LOG.log(level, message);
        }
    }

    @Override
    public String toString() {
        return "GpSampler" + settings;
    }
}
