package dev.osprey.examples;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Java workload: Smile's gradient tree boosting on the Breast Cancer Wisconsin data, swept through Osprey.main. */
class TuneBoostedTreesTest {

    @TempDir
    Path work;

    private static TuneBoostedTrees.Boosting boosting(int trees, int depth, double shrinkage) {
        return new TuneBoostedTrees.Boosting(trees, depth, shrinkage, 0.7, 5, new TuneBoostedTrees.Cv(3, 2026), 10);
    }

    @Test
    void theDataSetIsTheWholeCommittedCopy() {
        BreastCancerData data = BreastCancerData.load();
        assertEquals(569, data.size());
        assertEquals(30, data.names().size());
        assertEquals(357, java.util.Arrays.stream(data.y()).sum(), "357 benign rows");
    }

    @Test
    void theFoldsAreStratifiedAndCoverEveryRowOnce() {
        int[] y = BreastCancerData.load().y();
        int[] fold = FoldsInLockstep.assignFolds(y, 5, 7);
        for (int k = 0; k < 5; k++) {
            int size = 0;
            int benign = 0;
            for (int i = 0; i < y.length; i++) {
                if (fold[i] == k) {
                    size++;
                    benign += y[i];
                }
            }
            assertTrue(size == 113 || size == 114, "fold " + k + " has " + size + " rows");
            assertEquals(357.0 / 569, (double) benign / size, 0.01, "fold " + k + " keeps the share of benign rows");
        }
    }

    @Test
    void aTrialsScoreDependsOnlyOnItsConfigAndBoostingLearns() {
        double once = TuneBoostedTrees.crossValidatedLogLoss(boosting(40, 3, 0.1));
        double again = TuneBoostedTrees.crossValidatedLogLoss(boosting(40, 3, 0.1));
        assertEquals(once, again, "the folds and the subsampling are seeded by cv.seed");
        // guessing the share of benign rows scores 0.66; 40 shallow trees do far better
        assertTrue(once < 0.2, "log-loss " + once);
        double tiny = TuneBoostedTrees.crossValidatedLogLoss(boosting(5, 2, 0.01));
        assertTrue(tiny > 0.5, "five small trees with shrinkage 0.01 have barely moved from the prior: " + tiny);
    }

    @Test
    void theCrossValidatedLossIsReportedAsTreesAreAddedAndAStopStopsEveryFold() {
        List<double[]> reports = new ArrayList<>();
        FoldsInLockstep.Outcome full = FoldsInLockstep.run(BreastCancerData.load(), boosting(30, 2, 0.1).options(), 3, 1,
                10, (trees, loss) -> reports.add(new double[] {trees, loss}) && false);
        assertEquals(List.of(10.0, 20.0, 30.0), reports.stream().map(r -> r[0]).toList());
        assertTrue(reports.get(0)[1] > reports.get(2)[1], "the loss falls as trees are added");
        assertEquals(reports.get(2)[1], full.logLoss(), "the last report is the result");
        assertEquals(new FoldsInLockstep.Outcome(30, full.logLoss(), false), full);

        FoldsInLockstep.Outcome stopped = FoldsInLockstep.run(BreastCancerData.load(), boosting(30, 2, 0.1).options(), 3,
                1, 10, (trees, loss) -> trees == 20);
        assertEquals(new FoldsInLockstep.Outcome(20, reports.get(1)[1], true), stopped);
    }

    @Test
    void aBadConfigIsRefusedWithTheRuleItBreaks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> boosting(10, 3, 0));
        assertEquals("shrinkage must be in (0, 1], got 0.0", e.getMessage());
    }

    private List<TrialRecord> trials(String storage, String study) {
        try (Storage s = Storages.open(storage);
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    @Test
    void aPrunedTpeSweepThroughOspreyMainStopsBadTrialsBeforeTheirLastTree() {
        String storage = work.resolve("studies").toString();
        int code = dev.osprey.cli.Osprey.run(new String[] {"-m", "trees=60", "maxDepth=range(2,6)",
                "shrinkage=tag(log,interval(0.005,0.3))", "subsample=interval(0.5,1.0)", "nodeSize=range(2,21)",
                "cv.folds=3", "osprey.sweeper.pruner=median", "--n-trials", "14", "--seed", "1", "--storage", storage,
                "osprey.sweep.dir=" + work.resolve("multirun")},
                "classpath:boosting", "tune", TuneBoostedTrees.Boosting.class, TuneBoostedTrees::train);
        assertEquals(0, code);
        List<TrialRecord> trials = trials(storage, "tune");
        assertEquals(14, trials.size());
        List<TrialRecord> pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        List<TrialRecord> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        String states = trials.stream().map(t -> t.number() + ":" + t.state() + t.failReason().map(r -> " " + r).orElse(""))
                .toList().toString();
        assertEquals(14, pruned.size() + complete.size(), "no trial failed: " + states);
        assertFalse(pruned.isEmpty(), "the median pruner stopped at least one trial: " + states);
        for (TrialRecord t : complete) {
            Map<Integer, Double> steps = t.intermediateValues();
            assertEquals(List.of(10, 20, 30, 40, 50, 60), List.copyOf(steps.keySet()), "trial " + t.number());
            assertEquals(steps.get(60), t.value(), "trial " + t.number() + " returns its last report");
        }
        for (TrialRecord t : pruned) {
            assertTrue(t.intermediateValues().lastKey() < 60, "trial " + t.number() + " stopped before its last tree");
        }
        double best = complete.stream().mapToDouble(TrialRecord::value).min().orElseThrow();
        assertTrue(best < 0.2, "best cross-validated log-loss " + best);
    }
}
