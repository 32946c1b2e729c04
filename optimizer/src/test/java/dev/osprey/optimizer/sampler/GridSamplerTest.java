package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.Workers;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sampler contract for grid search, adapted: each check's study gets a grid covering exactly
 * the parameters it suggests (a few values per parameter, both ends included), and runs no more
 * trials than the grid has points. Plus the grid's own promises: each point once, a study that
 * stops by itself, and no point evaluated twice by concurrent workers.
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

    @Test
    void evaluatesEveryPointExactlyOnceAndStopsByItself() {
        Study study = Study.builder().sampler(Samplers.grid(Map.of("a", List.of(1, 2, 3), "b", List.of("x", "y"))))
                .create();
        List<List<Object>> evaluated = new ArrayList<>();
        study.optimize(trial -> {
            evaluated.add(List.of(trial.suggestInt("a", 1, 3), trial.suggestCategorical("b", "x", "y")));
            return 0;
        }, Budget.trials(100));

        assertEquals(6, evaluated.size());
        assertEquals(Set.of(List.of(1, "x"), List.of(1, "y"), List.of(2, "x"), List.of(2, "y"), List.of(3, "x"),
                List.of(3, "y")), new HashSet<>(evaluated));
        assertTrue(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));

        study.optimize(trial -> 0, Budget.trials(100));
        assertEquals(6, study.trials().size(), "an exhausted grid starts no trial");
        assertThrows(IllegalStateException.class, study::ask);
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
    void concurrentWorkersOnOneStorageNeverEvaluateAPointTwiceAndCoverTheGrid() throws Exception {
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
                assertTrue(trial.failReason().orElseThrow().contains("already claimed"), trial.failReason()::get);
            }
        }
    }
}
