package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The pruner kit can fail: run against pruners that each break one rule, it fails the check
 * written for that rule.
 */
class PrunerContractCatchesBrokenPrunersTest {

    /** A pruner that breaks a rule, what it claims to need, and the check that must catch it. */
    record Broken(String rule, Supplier<Pruner> pruner, int completeTrialsNeeded, int firstPrunableStep,
                  String check) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Broken> brokenPruners() {
        Pruner median = Pruners.median(1, 0, 1);
        // with a warm-up, the hopeless trials still run when the trial ahead is asked about
        Pruner afterWarmUp = Pruners.median(1, 2, 1);
        return Stream.of(
                new Broken("never prunes", Pruners::none, 0, 0, "aHopelessTrialIsPruned"),
                new Broken("prunes a trial before its first report",
                        () -> (study, trial) -> running(trial) && trial.intermediateValues().isEmpty(), 0, 0,
                        "aTrialThatReportedNothingIsNeverPruned"),
                new Broken("waits for fewer COMPLETE trials than it says", () -> Pruners.median(1, 0, 1), 5, 0,
                        "nothingIsPrunedBeforeTheCompleteTrialsItWaitsFor"),
                new Broken("prunes during the warm-up it claims", () -> Pruners.median(1, 0, 1), 1, 3,
                        "nothingIsPrunedBeforeItsFirstPrunableStep"),
                new Broken("lets NaN reports save a trial",
                        () -> (study, trial) -> trial.intermediateValues().values().stream().noneMatch(v -> v.isNaN())
                                && median.prune(study, trial), 1, 0, "nanReportsDoNotSaveAHopelessTrial"),
                new Broken("judges the latest running trial instead of the one asked about",
                        () -> (study, trial) -> study.trials().stream()
                                .filter(t -> running(t) && !t.intermediateValues().isEmpty())
                                .max(Comparator.comparingInt(TrialRecord::number))
                                .map(latest -> afterWarmUp.prune(study, latest)).orElse(false),
                        1, 2, "aTrialAheadOfEveryPeerIsNeverPruned"),
                new Broken("sorts NaN as the best value when maximising", () -> NaNAsLargest::prune, 1, 0,
                        "peersThatReportedNaNDoNotCountAgainstATrial"),
                new Broken("prunes at steps no peer reported",
                        () -> (study, trial) -> running(trial) && !trial.intermediateValues().isEmpty()
                                && study.trials().stream().noneMatch(t -> t.state() == TrialState.COMPLETE
                                && t.intermediateValues().containsKey(trial.intermediateValues().lastKey())),
                        0, 0, "stepsNoPeerReportedDoNotCountAgainstATrial"),
                new Broken("prunes finished trials",
                        () -> (study, trial) -> !trial.intermediateValues().isEmpty() && Math.abs(latest(trial)) > 2,
                        0, 0, "finishedTrialsAreNeverPruned"),
                new Broken("decides at random", () -> {
                    Random random = new Random();
                    return (study, trial) -> running(trial) && random.nextInt(10) == 0;
                }, 0, 0, "theSameHistoryGivesTheSameDecisions"),
                new Broken("always minimises",
                        () -> (study, trial) -> running(trial) && !trial.intermediateValues().isEmpty()
                                && latest(trial) > 2,
                        0, 0, "maximisingMirrorsMinimising"),
                new Broken("reads the trial's parameters",
                        () -> (study, trial) -> median.prune(study, trial) || running(trial)
                                && trial.params().containsKey("lr") && trial.intermediateValues().size() > 3,
                        1, 0, "parametersAttributesAndTimesChangeNoDecision"),
                new Broken("keeps a study's automatic setting in a field", () -> {
                    Pruner[] fixed = {null};
                    return (study, trial) -> {
                        if (fixed[0] == null) {
                            int last = study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE)
                                    .mapToInt(t -> t.lastStep().orElse(-1)).max().orElse(-1);
                            if (last < 0) {
                                return false;
                            }
                            fixed[0] = Pruners.successiveHalving(Math.max(1, last / 100), 4, 0, 0);
                        }
                        return fixed[0].prune(study, trial);
                    };
                }, 1, 1, "aPrunerSharedByTwoStudiesDecidesForEachAsAFreshOneWould"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPruners")
    void theKitFailsAPrunerThat(Broken broken) {
        Set<String> failed = new TreeSet<>();
        Subject.underCheck = broken;
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Subject.class)).build(), new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                            if (test.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED
                                    && test.getSource().orElse(null)
                                    instanceof org.junit.platform.engine.support.descriptor.MethodSource method) {
                                failed.add(method.getMethodName());
                            }
                        }
                    });
        } finally {
            Subject.underCheck = null;
        }
        assertTrue(failed.contains(broken.check()), "a pruner that " + broken.rule() + " passes " + broken.check()
                + "; the checks it failed: " + failed);
    }

    private static boolean running(TrialRecord trial) {
        return trial.state() == TrialState.RUNNING;
    }

    private static double latest(TrialRecord trial) {
        return trial.intermediateValues().get(trial.intermediateValues().lastKey());
    }

    /** The kit run against the pruner under check; skipped when JUnit finds it on its own. */
    static final class Subject extends PrunerContract {

        static volatile Broken underCheck;

        @BeforeEach
        void onlyThroughTheCheckAbove() {
            assumeTrue(underCheck != null, "runs for PrunerContractCatchesBrokenPrunersTest only");
        }

        @Override
        protected Pruner pruner() {
            return underCheck.pruner().get();
        }

        @Override
        protected int completeTrialsNeeded() {
            return underCheck.completeTrialsNeeded();
        }

        @Override
        protected int firstPrunableStep() {
            return underCheck.firstPrunableStep();
        }
    }

    /** A median rule whose sort puts NaN last, which makes NaN the best value when maximising. */
    private static final class NaNAsLargest {

        static boolean prune(dev.osprey.optimizer.trial.StudyView study, TrialRecord trial) {
            if (!running(trial) || trial.intermediateValues().isEmpty()) {
                return false;
            }
            int step = trial.intermediateValues().lastKey();
            List<Double> peers = study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE)
                    .map(t -> t.intermediateValues().get(step)).filter(v -> v != null).sorted().toList();
            if (peers.isEmpty()) {
                return false;
            }
            boolean maximising = study.direction() == Direction.MAXIMIZE;
            double median = peers.get(maximising ? peers.size() - 1 - peers.size() / 2 : peers.size() / 2);
            return maximising ? !(latest(trial) >= median) : !(latest(trial) <= median);
        }
    }
}
