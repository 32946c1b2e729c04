package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.DuplicateStudyException;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating, loading and sharing stored studies. */
class StudyLoadTest {

    private final Storage storage = Storages.inMemory();

    private StudyBuilder named(String name) {
        return Study.builder().name(name).storage(storage).sampler(Samplers.random());
    }

    private static double objective(Trial trial) {
        return trial.suggestFloat("x", -1, 1) + trial.suggestInt("n", 1, 100, true)
                + trial.suggestCategorical("c", List.of(1, 2, 3));
    }

    private static List<Map<String, Object>> params(Study study) {
        return study.trials().stream().map(TrialRecord::paramValues).toList();
    }

    @Test
    void loadingWithOtherDirectionsIsAnError() {
        named("s").direction(Direction.MINIMIZE).create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> named("s").direction(Direction.MAXIMIZE).load());
        assertTrue(e.getMessage().contains("[MINIMIZE]") && e.getMessage().contains("[MAXIMIZE]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> named("s").directions(Direction.MINIMIZE, Direction.MINIMIZE).createOrLoad());
        assertEquals(List.of(Direction.MINIMIZE), named("s").load().directions(), "unset directions are the stored ones");
    }

    @Test
    void aResumedStudyKeepsItsSeedAndContinuesAsIfUninterrupted() {
        Study uninterrupted = Study.builder().sampler(Samplers.random()).seed(7).create();
        uninterrupted.optimize(StudyLoadTest::objective, 12);

        named("resumed").seed(7).create().optimize(StudyLoadTest::objective, 5);
        Study loaded = named("resumed").load();
        assertEquals(7, loaded.seed());
        loaded.optimize(StudyLoadTest::objective, 12);

        assertEquals(12, loaded.trials().size());
        assertEquals(params(uninterrupted), params(loaded));
    }

    @Test
    void anUnseededStudyStoresTheSeedItDrew() {
        Study created = named("s").create();
        assertEquals(created.seed(), named("s").load().seed());
        assertEquals(created.seed(), named("s").createOrLoad().seed());
    }

    @Test
    void createOrLoadCreatesOnceThenLoads() {
        Study first = named("s").createOrLoad();
        first.tell(first.ask(), 1.0);
        Study second = named("s").createOrLoad();
        assertEquals(1, second.trials().size());
        assertThrows(DuplicateStudyException.class, () -> named("s").create());
    }

    @Test
    void twoStudyObjectsOnOneStorageShareTheTrialBudget() throws Exception {
        named("shared").seed(1).create();
        CountDownLatch bothRunning = new CountDownLatch(2);
        Workers.runTogether(2, worker -> {
            Study study = named("shared").load();
            boolean[] first = {true};
            study.optimize(trial -> {
                if (first[0]) {
                    first[0] = false;
                    Workers.meet(bothRunning); // both workers hold a trial at the same time
                }
                return objective(trial);
            }, Budget.trials(20));
        });
        List<TrialRecord> trials = named("shared").load().trials();
        assertEquals(20, trials.size());
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    }

    @Test
    void builderSettingsAreGivenOnce() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Study.builder().seed(1).seed(2));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Study.builder().sampler(Samplers.random())
                .sampler(Samplers.random()));
        assertThrows(IllegalArgumentException.class, () -> Study.builder().directions());
        assertThrows(IllegalArgumentException.class, () -> Study.builder().name(""));
        assertThrows(IllegalStateException.class, () -> Study.builder().load(), "load needs a name");
    }
}
