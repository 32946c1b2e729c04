package dev.osprey.benchmarks;

import dev.osprey.examples.TuneBoostedTrees;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Osprey's samplers on real training workloads: the best cross-validated log-loss after a few
 * trial counts, the wall time, and the per-trial overhead against the objective's own time.
 * Two objectives: the scikit-learn app of {@code examples/scikit-learn} (its Python function,
 * served by {@link PythonObjective}; Optuna tunes the same function in {@code workload.py}) and
 * the Smile gradient tree boosting of {@code TuneBoostedTrees}, in this JVM.
 */
final class WorkloadSuite {

    static final String NAME = "workload";
    static final String SCIKIT_LEARN = "scikit-learn";
    static final String SMILE = "smile";
    /** The folds of both objectives' cross-validation (the scikit-learn app's default). */
    static final int FOLDS = 3;

    /** Seeds {@code 0..seeds-1}, {@code trials} per study, best values read after {@code at} trials. */
    record Plan(int seeds, int trials, int[] at) {

        static Plan full() {
            return new Plan(10, 50, new int[] {10, 25, 50});
        }

        static Plan quick() {
            return new Plan(3, 30, new int[] {10, 25});
        }
    }

    /**
     * One of Osprey's samplers, made for a search space that is conditional or not. Add a line to
     * {@link #SAMPLERS} to measure another.
     */
    record SamplerChoice(String name, String means, Function<Boolean, Sampler> make) {
    }

    /**
     * The samplers measured, in report order. {@code default} is what {@code osprey run -m} picks
     * when no sampler is named ({@code osprey.sweeper.sampler=auto}), told whether the space is
     * conditional as the sweep tells it: TPE by group of parameters on scikit-learn's conditional
     * space, the GP on Smile's flat one.
     */
    static final List<SamplerChoice> SAMPLERS = List.of(
            new SamplerChoice("default", "`osprey run -m`'s default (`auto`: TPE grouped on scikit-learn's conditional space, the GP on Smile's)",
                    conditional -> Samplers.autoBuilder().conditional(conditional).build()),
            new SamplerChoice("tpe", "`Samplers.tpe()`, the Study API's default (multivariate)",
                    conditional -> Samplers.tpe()),
            new SamplerChoice("gp", "`Samplers.gp()` (on scikit-learn's conditional space it models the parameters every trial shares)",
                    conditional -> Samplers.gp()),
            new SamplerChoice("random", "`Samplers.random()`", conditional -> Samplers.random()));

    private WorkloadSuite() {
    }

    /** One study's trial values in order and its times. */
    record StudyRun(double[] values, double wallSeconds, double objectiveSeconds) {
    }

    /** An objective for a trial, returning its value and adding its own time to {@code spent[0]}. */
    @FunctionalInterface
    interface TimedObjective {
        double evaluate(Trial trial, long seed, double[] spent);
    }

    static List<Map<String, Object>> run(Plan plan, PythonObjective python, Consumer<String> progress) {
        List<Map<String, Object>> rows = new ArrayList<>();
        // the JIT compiles the samplers and Smile before anything is timed; nothing is recorded
        progress.accept("warm-up: 12 unrecorded Smile trials per sampler");
        for (SamplerChoice s : SAMPLERS) {
            study(s.make().apply(false), 1000, 12, WorkloadSuite::smile);
        }
        for (SamplerChoice s : SAMPLERS) {
            for (int seed = 0; seed < plan.seeds(); seed++) {
                StudyRun r = study(s.make().apply(true), seed, plan.trials(),
                        (trial, sd, spent) -> scikitLearn(python, trial, sd, spent));
                rows.add(row(SCIKIT_LEARN, s.name(), seed, plan, r));
                progress.accept(SCIKIT_LEARN + " " + s.name() + " seed " + seed + ": best " + Markdown.num(min(r.values()))
                        + ", " + Markdown.fixed(r.wallSeconds(), 1) + " s");
            }
        }
        for (SamplerChoice s : SAMPLERS) {
            for (int seed = 0; seed < plan.seeds(); seed++) {
                StudyRun r = study(s.make().apply(false), seed, plan.trials(), WorkloadSuite::smile);
                rows.add(row(SMILE, s.name(), seed, plan, r));
                progress.accept(SMILE + " " + s.name() + " seed " + seed + ": best " + Markdown.num(min(r.values()))
                        + ", " + Markdown.fixed(r.wallSeconds(), 1) + " s");
            }
        }
        return rows;
    }

    /** A study in memory, as Optuna's side runs its own; the wall time covers everything {@code optimize} does. */
    static StudyRun study(Sampler sampler, long seed, int trials, TimedObjective objective) {
        double[] spent = {0};
        Study study = Study.builder().sampler(sampler).seed(seed).create();
        long t0 = System.nanoTime();
        study.optimize(trial -> objective.evaluate(trial, seed, spent), trials);
        double wall = (System.nanoTime() - t0) / 1e9;
        List<TrialRecord> done = study.trials();
        double[] values = new double[done.size()];
        for (int i = 0; i < values.length; i++) {
            TrialRecord t = done.get(i);
            values[i] = t.state() == TrialState.COMPLETE ? t.value() : Double.POSITIVE_INFINITY;
        }
        return new StudyRun(values, wall, spent[0]);
    }

    /** The search space of examples/scikit-learn/conf/model/*.yaml, define-by-run, as workload.py suggests it. */
    static double scikitLearn(PythonObjective python, Trial trial, long seed, double[] spent) {
        String family = trial.suggestCategorical("model", "gbdt", "rf");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n_estimators", trial.suggestInt("model.n_estimators", 10, 100, 10));
        params.put("max_depth", trial.suggestInt("model.max_depth", 2, 6));
        params.put("min_samples_leaf", trial.suggestInt("model.min_samples_leaf", 1, 20));
        if (family.equals("gbdt")) {
            params.put("learning_rate", trial.suggestFloat("model.learning_rate", 0.01, 0.5, true));
            params.put("subsample", trial.suggestFloat("model.subsample", 0.5, 1.0));
        } else {
            params.put("max_features", trial.suggestFloat("model.max_features", 0.1, 1.0));
        }
        PythonObjective.Evaluation e = python.evaluate(family, params, FOLDS, seed);
        spent[0] += e.seconds();
        return e.value();
    }

    /** TuneBoostedTrees' parameters, with fewer trees than its docs sweep so that 1,500 trials stay cheap. */
    static double smile(Trial trial, long seed, double[] spent) {
        TuneBoostedTrees.Boosting config = new TuneBoostedTrees.Boosting(trial.suggestInt("trees", 10, 100, 10),
                trial.suggestInt("maxDepth", 2, 6), trial.suggestFloat("shrinkage", 0.01, 0.5, true),
                trial.suggestFloat("subsample", 0.5, 1.0), trial.suggestInt("nodeSize", 2, 30),
                new TuneBoostedTrees.Cv(FOLDS, 2026), 10);
        long t0 = System.nanoTime();
        double value = TuneBoostedTrees.crossValidatedLogLoss(config);
        spent[0] += (System.nanoTime() - t0) / 1e9;
        return value;
    }

    private static Map<String, Object> row(String objective, String sampler, int seed, Plan plan, StudyRun r) {
        Map<String, Object> best = new LinkedHashMap<>();
        for (int n : plan.at()) {
            best.put(Integer.toString(n), min(java.util.Arrays.copyOf(r.values(), Math.min(n, r.values().length))));
        }
        return Row.of("system", "osprey", "objective", objective, "sampler", sampler, "seed", seed,
                "trials", r.values().length, "best", best, "wall_s", r.wallSeconds(), "objective_s",
                r.objectiveSeconds());
    }

    private static double min(double[] xs) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : xs) {
            m = Math.min(m, x);
        }
        return m;
    }

    /** The folder of the scikit-learn example, from the repository root (where the bench script runs). */
    static Path scikitLearnExample() {
        return Path.of("examples", "scikit-learn").toAbsolutePath();
    }
}
