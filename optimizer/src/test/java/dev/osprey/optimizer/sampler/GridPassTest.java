package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.TrialPrunedException;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which points a pass over a grid runs: those no trial completed, pruned or holds; a point whose
 * trial failed runs again in the next pass (a resumed sweep), once however many workers resume.
 */
class GridPassTest {

    private final Storage storage = Storages.inMemory();

    private static final List<Map<String, ?>> THREE = List.of(Map.of("a", 1), Map.of("a", 2), Map.of("a", 3));

    private Study study(List<Map<String, ?>> points) {
        return Study.builder().name("g").storage(storage).sampler(Samplers.grid(points)).heartbeatOff().createOrLoad();
    }

    private static int a(Trial trial) {
        return trial.suggestInt("a", 1, 3);
    }

    /** The value of {@code a} of each trial, in trial order, with its state. */
    private List<String> history() {
        return study(THREE).trials().stream().map(t -> t.paramValues().get("a") + " " + t.state()).toList();
    }

    @Test
    void aResumedStudyRunsOnlyThePointsNotCompletedOrPrunedSoFailedOnesRunAgain() {
        study(THREE).optimize(trial -> switch (a(trial)) {
            case 1 -> throw new TrialPrunedException();
            case 2 -> throw new IllegalStateException("node lost");
            default -> 0.5;
        }, Budget.trials(100));
        assertEquals(List.of("1 PRUNED", "2 FAIL", "3 COMPLETE"), history());

        List<Integer> resumed = new ArrayList<>();
        study(THREE).optimize(trial -> {
            resumed.add(a(trial));
            return 0.5;
        }, Budget.trials(100));
        assertEquals(List.of(2), resumed);
        assertEquals(List.of("1 PRUNED", "2 FAIL", "3 COMPLETE", "2 COMPLETE"), history());
    }

    @Test
    void aPointThatFailsDuringAPassWaitsForTheNextPass() {
        Study study = study(THREE);
        for (int pass = 1; pass <= 3; pass++) {
            study.optimize(trial -> {
                if (a(trial) == 2) {
                    throw new IllegalStateException("always fails");
                }
                return 0.5;
            }, Budget.trials(100));
            assertEquals(2 + pass, study.trials().size(), "pass " + pass + " tries the failing point once");
        }
        assertEquals(List.of("1 COMPLETE", "2 FAIL", "3 COMPLETE", "2 FAIL", "2 FAIL"), history());
    }

    @Test
    void theTrialBudgetIsStudyLevelAndARaisedBudgetContinuesInOrder() {
        study(THREE).optimize(trial -> a(trial), Budget.trials(2));
        assertEquals(List.of("1 COMPLETE", "2 COMPLETE"), history());
        study(THREE).optimize(trial -> a(trial), Budget.trials(2));
        assertEquals(2, history().size(), "the study holds its budget already");
        study(THREE).optimize(trial -> a(trial), Budget.trials(10));
        assertEquals(List.of("1 COMPLETE", "2 COMPLETE", "3 COMPLETE"), history());
    }

    @Test
    void workersThatResumeTogetherRetryAFailedPointOnceBetweenThem() {
        study(THREE).optimize(trial -> {
            if (a(trial) == 2) {
                throw new IllegalStateException("node lost");
            }
            return 0.5;
        }, Budget.trials(100));
        Study first = study(THREE);
        Study second = study(THREE);

        Trial retry = first.ask();
        assertEquals(2, a(retry));
        assertEquals(Optional.empty(), second.askWithin(100), "the retry is running: nothing is left for the second");

        first.tellFailed(retry, "node lost again");
        Trial again = second.askWithin(100).orElseThrow(() -> new AssertionError("a new pass retries it: " + history()));
        assertEquals(2, a(again));
        assertEquals(List.of("1 COMPLETE", "2 FAIL", "3 COMPLETE", "2 FAIL", "2 RUNNING"), history());
    }

    @Test
    void aPointThatATrialHoldsWithTheSameValuesIsNotRunAgain() {
        Study study = study(THREE);
        study.enqueueTrial(Map.of("a", 2));
        study.optimize(trial -> a(trial), Budget.trials(100));
        assertEquals(List.of("2 COMPLETE", "1 COMPLETE", "3 COMPLETE"), history());
    }

    @Test
    void workersThatListTheSamePointsInAnotherOrderShareTheirClaims() {
        Map<String, List<?>> forward = new LinkedHashMap<>();
        forward.put("a", List.of(1, 2, 3));
        forward.put("b", List.of("x", "y"));
        Map<String, List<?>> backward = new LinkedHashMap<>();
        backward.put("b", List.of("y", "x"));
        backward.put("a", List.of(3, 2, 1));
        Study one = Study.builder().name("g").storage(storage).sampler(Samplers.grid(forward)).heartbeatOff().create();
        Study other = Study.builder().name("g").storage(storage).sampler(Samplers.grid(backward)).heartbeatOff().load();

        Map<Map<String, Object>, Integer> runs = new HashMap<>();
        boolean anyLeft = true;
        while (anyLeft) {
            anyLeft = false;
            for (Study study : List.of(one, other)) {
                Optional<Trial> trial = study.askWithin(100);
                if (trial.isPresent()) {
                    anyLeft = true;
                    Map<String, Object> point = Map.of("a", trial.get().suggestInt("a", 1, 3),
                            "b", trial.get().suggestCategorical("b", "x", "y"));
                    runs.merge(point, 1, Integer::sum);
                    study.tell(trial.get(), 0);
                }
            }
        }
        assertEquals(6, runs.size(), "every point ran: " + runs);
        assertTrue(runs.values().stream().allMatch(n -> n == 1), "no point ran twice: " + runs);
        assertTrue(one.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE), () -> history().toString());
    }

    @Test
    void aGridThatChangedSkipsThePointsAlreadyCompleted() {
        study(THREE.subList(0, 2)).optimize(trial -> a(trial), Budget.trials(100));
        List<Integer> ran = new ArrayList<>();
        study(THREE).optimize(trial -> {
            ran.add(a(trial));
            return 0;
        }, Budget.trials(100));
        assertEquals(List.of(3), ran);
        assertEquals(List.of("1 COMPLETE", "2 COMPLETE", "3 COMPLETE"), history());
    }
}
