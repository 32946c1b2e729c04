package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.Workers;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sampler contract for grid search, adapted: each check's study gets a grid covering exactly
 * the parameters it suggests (a few values per parameter, both ends included), and runs no more
 * trials than the grid has points. Plus the grid's own promises: the points in order, each once,
 * a study that stops by itself, and no point run twice by concurrent workers.
 */
class GridSamplerTest extends SamplerContract {

    private static final int VALUES_PER_AXIS = 5;

    @Override
    protected Sampler sampler() {
        return samplerFor(MIXED);
    }

    @Override
    protected Sampler samplerFor(Map<String, Distribution> space) {
        return Samplers.grid(GridValues.covering(space, VALUES_PER_AXIS));
    }

    @Override
    protected int capacity(Map<String, Distribution> space) {
        return GridValues.size(GridValues.covering(space, VALUES_PER_AXIS));
    }

    @Override
    protected Optional<String> skipReason(Check check) {
        return check == Check.SEEDS_DIFFER
                ? Optional.of("a grid runs its points in the order given; the seed does not change it")
                : Optional.empty();
    }

    private static Map<String, List<?>> modelsAndOptimizers() {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        grid.put("model", List.of("resnet", "vit"));
        grid.put("optimizer", List.of("adam", "sgd"));
        return grid;
    }

    private static List<String> modelAndOptimizerOf(List<TrialRecord> trials) {
        return trials.stream().map(t -> t.paramValues().get("model") + "/" + t.paramValues().get("optimizer")).toList();
    }

    private static double suggestModelAndOptimizer(Trial trial) {
        return trial.suggestCategorical("model", "resnet", "vit").length()
                + trial.suggestCategorical("optimizer", "adam", "sgd").length();
    }

    @Test
    void trialKRunsPointKInTheGridsOrderAndTheStudyStopsByItself() {
        Study study = Study.builder().sampler(Samplers.grid(modelsAndOptimizers())).create();
        study.optimize(GridSamplerTest::suggestModelAndOptimizer, Budget.trials(100));

        assertEquals(List.of("resnet/adam", "resnet/sgd", "vit/adam", "vit/sgd"), modelAndOptimizerOf(study.trials()));
        assertTrue(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));

        study.optimize(trial -> 0, Budget.trials(100));
        assertEquals(4, study.trials().size(), "an exhausted grid starts no trial");
        String why = assertThrows(IllegalStateException.class, study::ask).getMessage();
        assertTrue(why.contains("no point left"), why);
    }

    @Test
    void anExplicitListOfPointsRunsInItsOrderEvenWithDifferentParameters() {
        List<Map<String, ?>> points = List.of(Map.of("model", "tree", "depth", 4), Map.of("model", "linear", "lr", 0.1),
                Map.of("model", "tree", "depth", 2));
        Study study = Study.builder().sampler(Samplers.grid(points)).create();
        study.optimize(trial -> switch (trial.suggestCategorical("model", "linear", "tree")) {
            case "linear" -> trial.suggestFloat("lr", 0, 1);
            default -> trial.suggestInt("depth", 1, 8);
        }, Budget.trials(10));

        assertEquals(List.of(Map.of("model", "tree", "depth", 4), Map.of("model", "linear", "lr", 0.1),
                Map.of("model", "tree", "depth", 2)), study.trials().stream().map(TrialRecord::paramValues).toList());
    }

    @Test
    void aParameterThePointDoesNotGiveFailsTheTrialSayingWhich() {
        Study study = Study.builder().sampler(Samplers.grid(Map.of("a", List.of(1)))).create();
        study.optimize(trial -> trial.suggestInt("a", 0, 9) + trial.suggestInt("b", 0, 9), Budget.trials(1));
        String reason = study.trials().get(0).failReason().orElseThrow();
        assertTrue(reason.contains("'b'") && reason.contains("[a]"), reason);
    }

    @Test
    void anEnqueuedTrialMissingAGridParameterFailsSayingWhy() {
        Study study = Study.builder().sampler(Samplers.grid(Map.of("a", List.of(1, 2), "b", List.of(3, 4))))
                .create();
        study.enqueueTrial(Map.of("a", 2));
        study.optimize(trial -> trial.suggestInt("a", 0, 9) + trial.suggestInt("b", 0, 9), Budget.trials(1));

        TrialRecord trial = study.trials().get(0);
        assertEquals(TrialState.FAIL, trial.state());
        String reason = trial.failReason().orElseThrow();
        assertTrue(reason.contains("enqueued") && reason.contains("'b'"), reason);
    }

    @Test
    void samplersOverTheSamePointsInTheSameOrderAreEqual() {
        assertEquals(Samplers.grid(modelsAndOptimizers()), Samplers.grid(modelsAndOptimizers()));
        assertEquals(Samplers.grid(modelsAndOptimizers()), Samplers.grid(GridPoints.product(modelsAndOptimizers()).points()));
        assertEquals(Samplers.grid(modelsAndOptimizers()).hashCode(), Samplers.grid(modelsAndOptimizers()).hashCode());
        Map<String, List<?>> optimizerFirst = new LinkedHashMap<>();
        optimizerFirst.put("optimizer", List.of("adam", "sgd"));
        optimizerFirst.put("model", List.of("resnet", "vit"));
        assertNotEquals(Samplers.grid(modelsAndOptimizers()), Samplers.grid(optimizerFirst), "another order");
    }

    @Test
    void concurrentWorkersOnOneStorageNeverRunAPointTwiceAndCoverTheGrid() throws Exception {
        Map<String, List<?>> grid = Map.of("a", List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                "b", List.of(0.1, 0.5, 0.9), "c", List.of(true, false));
        Storage shared = Storages.inMemory();
        List<List<Object>> evaluated = Collections.synchronizedList(new ArrayList<>());
        Set<String> workersSeen = Collections.synchronizedSet(new HashSet<>());
        CountDownLatch allRunning = new CountDownLatch(4);
        Workers.runTogether(4, worker -> {
            Study study = Study.builder().name("g").storage(shared).sampler(Samplers.grid(grid)).createOrLoad();
            study.optimize(trial -> {
                List<Object> point = List.of(trial.suggestInt("a", 0, 9), trial.suggestFloat("b", 0, 1),
                        trial.suggestCategorical("c", true, false));
                evaluated.add(point);
                if (workersSeen.add(Thread.currentThread().getName())) {
                    Workers.meet(allRunning); // every worker holds a trial at the same time at least once
                }
                return 0;
            }, Budget.trials(1000));
        });

        assertEquals(4, workersSeen.size());
        assertEquals(60, evaluated.size(), "points evaluated: " + evaluated);
        assertEquals(60, new HashSet<>(evaluated).size(), "no point evaluated twice");
        for (TrialRecord trial : Study.builder().name("g").storage(shared).load().trials()) {
            if (trial.state() != TrialState.COMPLETE) {
                // a worker that raced for the last points may start a trial that finds none left
                assertEquals(TrialState.FAIL, trial.state());
                assertTrue(trial.failReason().orElseThrow().contains("nothing left to propose"), trial.failReason()::get);
            }
        }
    }

    @Test
    void aSeededGridGivesEachTrialNumberTheSamePointWhateverTheNumberOfWorkers() throws Exception {
        Map<Integer, Map<String, Object>> alone = runShared(1);
        Map<Integer, Map<String, Object>> together = runShared(4);
        assertEquals(24, alone.size());
        assertEquals(alone, together);
    }

    /** Runs a 24-point grid with {@code workers} workers, each with its own Study object on one storage. */
    private static Map<Integer, Map<String, Object>> runShared(int workers) throws Exception {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        grid.put("a", List.of(1, 2, 3, 4));
        grid.put("b", List.of("x", "y", "z"));
        grid.put("c", List.of(false, true));
        Storage shared = Storages.inMemory();
        Set<String> workersSeen = ConcurrentHashMap.newKeySet();
        CountDownLatch allRunning = new CountDownLatch(workers);
        Workers.runTogether(workers, worker -> {
            Study study = Study.builder().name("g").storage(shared).sampler(Samplers.grid(grid)).seed(5).createOrLoad();
            study.optimize(trial -> {
                int a = trial.suggestInt("a", 1, 4);
                trial.suggestCategorical("b", "x", "y", "z");
                trial.suggestCategorical("c", false, true);
                if (workersSeen.add(Thread.currentThread().getName())) {
                    Workers.meet(allRunning);
                }
                return a;
            }, Budget.trials(100));
        });
        assertEquals(workers, workersSeen.size(), "every worker ran trials");
        return Study.builder().name("g").storage(shared).load().trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
                .collect(Collectors.toMap(TrialRecord::number, TrialRecord::paramValues));
    }

    @Test
    void aTrialThatStartsAfterOthersClaimedTheLastPointFailsSayingWhyAndNoTrialIsHandedOut() {
        Storage shared = Storages.inMemory();
        Sampler grid = Samplers.grid(Map.of("x", List.of(1)));
        Study other = Study.builder().name("g").storage(shared).sampler(grid).heartbeatOff().create();
        List<Trial> othersTrials = new ArrayList<>();
        // between the late study's exhaustion check and its trial's start, the other study takes the point
        Sampler racing = new DelegatingSampler(grid) {
            @Override
            public boolean isExhausted(StudyView study) {
                boolean exhausted = grid.isExhausted(study);
                othersTrials.add(other.ask());
                return exhausted;
            }
        };
        Study late = Study.builder().name("g").storage(shared).sampler(racing).heartbeatOff().load();

        assertEquals(Optional.empty(), late.askWithin(10));
        assertEquals(1L, othersTrials.get(0).suggestInt("x", 0, 9));
        TrialRecord lost = late.trials().get(1);
        assertEquals(TrialState.FAIL, lost.state());
        assertTrue(lost.failReason().orElseThrow().contains("other workers claimed the last points"), lost::toString);
    }

    @Test
    void aTrialKeepsItsPointWhenItsWorkerIsDescheduledBetweenStartAndClaim() {
        Storage shared = Storages.inMemory();
        Sampler grid = Samplers.grid(Map.of("x", List.of(1, 2, 3)));
        Study fast = Study.builder().name("g").storage(shared).sampler(grid).heartbeatOff().create();
        List<Optional<Trial>> fastTrials = new ArrayList<>();
        fastTrials.add(fast.askWithin(10));
        // trial 1 has started; before it claims point 1, the fast worker runs ahead
        Sampler slowToClaim = new DelegatingSampler(grid) {
            @Override
            public void beforeTrial(StudyView study, TrialRecord trial) {
                fastTrials.add(fast.askWithin(10));
                fastTrials.add(fast.askWithin(10));
                grid.beforeTrial(study, trial);
            }
        };
        Study slow = Study.builder().name("g").storage(shared).sampler(slowToClaim).heartbeatOff().load();

        Trial slowTrial = slow.askWithin(10).orElseThrow();
        assertEquals(1, slowTrial.number());
        assertEquals(2L, slowTrial.suggestInt("x", 0, 9), "trial 1 runs point 1");
        assertEquals(1L, fastTrials.get(0).orElseThrow().suggestInt("x", 0, 9));
        assertEquals(3L, fastTrials.get(1).orElseThrow().suggestInt("x", 0, 9));
        assertEquals(Optional.empty(), fastTrials.get(2), "the only open point is trial 1's: nothing to hand out");
        assertEquals(3, slow.trials().size(), "no trial started and failed for want of a point");
    }

    /** A sampler that hands every call to another, for tests that step in between. */
    private static class DelegatingSampler implements Sampler {
        private final Sampler inner;

        DelegatingSampler(Sampler inner) {
            this.inner = inner;
        }

        @Override
        public void beforeTrial(StudyView study, TrialRecord trial) {
            inner.beforeTrial(study, trial);
        }

        @Override
        public boolean hasProposalFor(StudyView study, TrialRecord trial) {
            return inner.hasProposalFor(study, trial);
        }

        @Override
        public double sampleIndependent(StudyView study, TrialRecord trial, String name, Distribution d) {
            return inner.sampleIndependent(study, trial, name, d);
        }

        @Override
        public boolean isExhausted(StudyView study) {
            return inner.isExhausted(study);
        }
    }
}
