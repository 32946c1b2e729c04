package dev.osprey.optimizer.sampler.qmc;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.InMemoryStorage;
import dev.osprey.optimizer.trial.TrialRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The QMC sampler's design: a function of the seed and the trial number only. */
class QmcDesignTest {

    private static final Map<String, Distribution> SPACE = Map.of("x", Distribution.floats(0, 1),
            "y", Distribution.floats(-5, 5), "n", Distribution.ints(0, 99));

    private static Study study(Sampler sampler, InMemoryStorage storage) {
        return Study.builder().storage(storage).name("design").sampler(sampler).pruner(Pruners.none()).seed(11)
                .createOrLoad();
    }

    private static double objective(Trial trial) {
        return (Double) trial.suggest("x", SPACE.get("x")) + (Double) trial.suggest("y", SPACE.get("y"))
                + (Integer) trial.suggest("n", SPACE.get("n"));
    }

    @Test
    void theSamePointsWhateverTheOrderOfAskingAndTellingAndTheWorkers() {
        Study sequential = study(Samplers.qmc(), new InMemoryStorage());
        sequential.optimize(QmcDesignTest::objective, 24);

        InMemoryStorage shared = new InMemoryStorage();
        Study first = study(Samplers.qmc(), shared);
        first.optimize(QmcDesignTest::objective, 1);
        Study workerA = study(Samplers.qmc(), shared);
        Study workerB = study(Samplers.qmc(), shared);
        List<Trial> open = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            Trial t = (i % 2 == 0 ? workerA : workerB).ask();
            objective(t);
            open.add(t);
        }
        Collections.reverse(open);
        for (Trial t : open) {
            workerA.tell(t.number(), 1.0);
        }
        List<TrialRecord> a = sequential.trials();
        List<TrialRecord> b = workerA.trials();
        assertEquals(24, b.size());
        for (int i = 0; i < 24; i++) {
            assertEquals(a.get(i).paramValues(), b.get(i).paramValues(), "trial " + i);
        }
    }

    @Test
    void unscrambledSobolPointsAreScaledOntoTheSpaceInNameOrder() {
        Study study = study(Samplers.qmcBuilder().scramble(false).build(), new InMemoryStorage());
        study.optimize(QmcDesignTest::objective, 4);
        // names in order n, x, y; trial 1 is Sobol point 1 = (0.5, 0.5, 0.5), trial 2 point 2 = (0.75, 0.25, 0.25)
        assertEquals(Map.of("x", 0.5, "y", 0.0, "n", 50), study.trials().get(1).paramValues());
        assertEquals(Map.of("n", 74, "x", 0.25, "y", -2.5), study.trials().get(2).paramValues());
    }

    @Test
    void theSeedScramblesTheDesign() {
        Study a = Study.builder().sampler(Samplers.qmc()).seed(1).create();
        Study b = Study.builder().sampler(Samplers.qmc()).seed(2).create();
        a.optimize(QmcDesignTest::objective, 3);
        b.optimize(QmcDesignTest::objective, 3);
        assertNotEquals(a.trials().get(2).paramValues(), b.trials().get(2).paramValues());
    }
}
