package dev.osprey.examples;

import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.util.IterativeAlgorithmController;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stratified k-fold cross-validation of Smile's gradient tree boosting (Friedman, "Greedy function
 * approximation: a gradient boosting machine", Annals of Statistics 29(5), 2001; with subsampling,
 * "Stochastic gradient boosting", 2002) whose folds grow their trees in lockstep: each fold trains
 * in its own thread and, after every tree, waits for the others, so that the mean validation
 * log-loss over the folds is known after 1, 2, ... trees while training goes on. That mean is what
 * a pruner sees; when it says stop, every fold stops at the same tree.
 */
final class FoldsInLockstep {

    /** Receives the cross-validated log-loss after {@code trees} trees; returns whether to stop. */
    @FunctionalInterface
    interface Progress {
        boolean report(int trees, double logLoss);
    }

    /** What a stopped run got to. */
    record Outcome(int trees, double logLoss, boolean stopped) {
    }

    private static final String LABEL = "benign";

    /**
     * Smile logs every tree at INFO; with the JDK logging binding the examples use, a sweep would print
     * thousands of lines. Held here because the JDK keeps loggers only weakly.
     */
    private static final java.util.logging.Logger SMILE_LOG = quiet("smile");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private FoldsInLockstep() {
    }

    /**
     * Trains {@code folds} models on the folds of {@code data} (stratified by label, shuffled by
     * {@code seed}) and returns their mean validation log-loss after the last tree, or after the tree at
     * which {@code progress} asked to stop. {@code reportEvery} trees apart, {@code progress} hears it.
     */
    static Outcome run(BreastCancerData data, GradientTreeBoost.Options model, int folds, long seed, int reportEvery,
            Progress progress) {
        if (folds < 2 || folds > data.size()) {
            throw new IllegalArgumentException("folds must be between 2 and " + data.size() + ", got " + folds);
        }
        if (reportEvery < 1) {
            throw new IllegalArgumentException("reportEvery must be at least 1, got " + reportEvery);
        }
        int[] fold = assignFolds(data.y(), folds, seed);
        double[][] losses = new double[folds][model.ntrees()];
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Outcome> last = new AtomicReference<>(new Outcome(0, Double.NaN, false));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Phaser lockstep = new Phaser(folds) {
            @Override
            protected boolean onAdvance(int phase, int registered) {
                // runs once per tree, when every fold still training has grown it
                if (registered == 0 || failure.get() != null) {
                    return true;
                }
                int trees = phase + 1;
                double sum = 0;
                for (double[] foldLosses : losses) {
                    sum += foldLosses[phase];
                }
                double mean = sum / folds;
                boolean stopNow = (trees % reportEvery == 0 || trees == model.ntrees()) && progress.report(trees, mean);
                last.set(new Outcome(trees, mean, stopNow));
                if (stopNow) {
                    stop.set(true);
                }
                return false;
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            int held = k;
            threads.add(Thread.ofPlatform().name("fold-" + k).start(() -> {
                try {
                    MathEx.setSeed(seed * 31 + held);
                    Controller controller = new Controller(losses[held], lockstep, stop);
                    GradientTreeBoost.Options options = new GradientTreeBoost.Options(model.ntrees(), model.maxDepth(),
                            model.maxNodes(), model.nodeSize(), model.shrinkage(), model.subsample(),
                            frame(data, fold, held, true), controller);
                    GradientTreeBoost.fit(Formula.lhs(LABEL), frame(data, fold, held, false), options);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    stop.set(true);
                } finally {
                    lockstep.arriveAndDeregister();
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the folds were training", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a fold failed to train: " + failure.get().getMessage(), failure.get());
        }
        return last.get();
    }

    /** Each sample's fold: the samples of each label shuffled, then dealt out in turn. */
    static int[] assignFolds(int[] y, int folds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[y.length];
        int dealt = 0;
        for (int label : java.util.Arrays.stream(y).distinct().sorted().toArray()) {
            int[] members = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == label).toArray();
            for (int i = members.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = members[i];
                members[i] = members[j];
                members[j] = t;
            }
            for (int i : members) {
                fold[i] = dealt++ % folds;
            }
        }
        return fold;
    }

    /** The rows of fold {@code held} ({@code inside}) or of all the other folds. */
    private static DataFrame frame(BreastCancerData data, int[] fold, int held, boolean inside) {
        int[] rows = java.util.stream.IntStream.range(0, data.size()).filter(i -> (fold[i] == held) == inside).toArray();
        double[][] x = new double[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = data.x()[rows[i]];
            y[i] = data.y()[rows[i]];
        }
        return DataFrame.of(x, data.names().toArray(String[]::new)).add(new IntVector(LABEL, y));
    }

    /** Called by Smile after each tree, in the fold's thread: records, waits for the other folds, maybe stops. */
    private static final class Controller extends IterativeAlgorithmController<GradientTreeBoost.TrainingStatus> {

        private final double[] losses;
        private final Phaser lockstep;
        private final AtomicBoolean stop;

        Controller(double[] losses, Phaser lockstep, AtomicBoolean stop) {
            this.losses = losses;
            this.lockstep = lockstep;
            this.stop = stop;
        }

        @Override
        public void submit(GradientTreeBoost.TrainingStatus status) {
            losses[status.tree() - 1] = status.metrics().logloss();
            lockstep.arriveAndAwaitAdvance();
            if (stop.get()) {
                stop();
            }
        }
    }
}
