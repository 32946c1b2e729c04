package dev.osprey.examples;

import dev.osprey.cli.Osprey;
import dev.osprey.launchers.JobContext;
import dev.osprey.optimizer.TrialPrunedException;
import smile.classification.GradientTreeBoost;

/**
 * A real {@code train} program through {@link Osprey#main}: Smile's gradient tree boosting on the
 * Breast Cancer Wisconsin (Diagnostic) data set ({@link BreastCancerData}), scored by the
 * stratified k-fold cross-validated log-loss. Its config ({@code boosting/tune.yaml} on the
 * classpath) binds to {@link Boosting}. The folds grow their trees in lockstep
 * ({@link FoldsInLockstep}), so the cross-validated log-loss is reported every
 * {@code reportEvery} trees and a pruner can stop a bad trial long before its last tree:
 *
 * <pre>
 * java -cp ... dev.osprey.examples.TuneBoostedTrees                       # one run
 * java -cp ... dev.osprey.examples.TuneBoostedTrees -m 'trees=range(50,301,50)' 'maxDepth=range(2,9)' \
 *     'shrinkage=tag(log,interval(0.01,0.5))' 'subsample=interval(0.5,1.0)' 'nodeSize=range(2,31)' \
 *     --n-trials 40 --pruner median                                        # a TPE sweep, pruned
 * </pre>
 *
 * <p>docs/tuning-a-real-model.md walks through such a sweep.
 */
public final class TuneBoostedTrees {

    /**
     * The config, bound from {@code tune.yaml} after the overrides.
     *
     * @param trees       the number of trees (boosting rounds)
     * @param maxDepth    the deepest a tree grows; it has at most {@code 2^maxDepth} leaves
     * @param shrinkage   the learning rate: how much of each tree is added
     * @param subsample   the fraction of the training rows each tree is fitted to
     * @param nodeSize    the fewest rows a leaf keeps
     * @param cv          the cross-validation
     * @param reportEvery trees between two reports to the pruner
     */
    public record Boosting(int trees, int maxDepth, double shrinkage, double subsample, int nodeSize, Cv cv,
            int reportEvery) {

        public Boosting {
            require(trees >= 1, "trees must be at least 1", trees);
            // Smile grows no tree shallower than 2
            require(maxDepth >= 2 && maxDepth <= 20, "maxDepth must be between 2 and 20", maxDepth);
            require(shrinkage > 0 && shrinkage <= 1, "shrinkage must be in (0, 1]", shrinkage);
            require(subsample > 0 && subsample <= 1, "subsample must be in (0, 1]", subsample);
            require(nodeSize >= 1, "nodeSize must be at least 1", nodeSize);
            require(reportEvery >= 1, "reportEvery must be at least 1", reportEvery);
        }

        GradientTreeBoost.Options options() {
            // a tree of depth d has at most 2^d leaves: maxDepth alone bounds the tree
            return new GradientTreeBoost.Options(trees, maxDepth, 1 << maxDepth, nodeSize, shrinkage, subsample, null,
                    null);
        }
    }

    /**
     * @param folds the number of folds, stratified by label
     * @param seed  shuffles the folds and seeds each fold's subsampling
     */
    public record Cv(int folds, long seed) {

        public Cv {
            require(folds >= 2, "cv.folds must be at least 2", folds);
        }
    }

    private static final BreastCancerData DATA = BreastCancerData.load();

    private TuneBoostedTrees() {
    }

    public static void main(String[] args) {
        Osprey.main(args, "classpath:boosting", "tune", Boosting.class, TuneBoostedTrees::train);
    }

    /** Trains and returns the cross-validated log-loss; stops (pruned) when the sweep's pruner says so. */
    static double train(Boosting config, JobContext job) {
        FoldsInLockstep.Outcome outcome = FoldsInLockstep.run(DATA, config.options(), config.cv().folds(),
                config.cv().seed(), config.reportEvery(), (trees, logLoss) -> job.report(trees, logLoss)
                        || job.stopRequested());
        if (outcome.stopped() && outcome.trees() < config.trees()) {
            throw new TrialPrunedException("pruned after " + outcome.trees() + " trees at log-loss " + outcome.logLoss());
        }
        return outcome.logLoss();
    }

    /**
     * The cross-validated log-loss of {@code config}, without a pruner: the objective that the
     * benchmarks' {@code workload} suite tunes.
     */
    public static double crossValidatedLogLoss(Boosting config) {
        return FoldsInLockstep.run(DATA, config.options(), config.cv().folds(), config.cv().seed(), config.trees(),
                (trees, logLoss) -> false).logLoss();
    }

    private static void require(boolean rule, String message, Object value) {
        if (!rule) {
            throw new IllegalArgumentException(message + ", got " + value);
        }
    }
}
