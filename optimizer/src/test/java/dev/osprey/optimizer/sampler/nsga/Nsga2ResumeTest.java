package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Generations come from stored trials alone: a seeded NSGA-II study stopped after 150 trials and
 * resumed by a new study object and a new sampler for 150 more proposes exactly the 300 trials of
 * an uninterrupted run, with constraints and an SBX crossover in play.
 */
class Nsga2ResumeTest {

    private static double[] problem(Trial trial) {
        double x = trial.suggestFloat("x", 0, 5);
        double y = trial.suggestFloat("y", 0, 3);
        int n = trial.suggestInt("n", 1, 100, true);
        trial.setConstraints(((x - 5) * (x - 5) + y * y - 25) / 25, (7.7 - (x - 8) * (x - 8) - (y + 3) * (y + 3)) / 7.7);
        return new double[] {4 * x * x + 4 * y * y + n / 100.0, (x - 5) * (x - 5) + (y - 5) * (y - 5)};
    }

    private static Study study(Storage storage) {
        return Study.builder().storage(storage).name("bnh").seed(11)
                .directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(Nsga2Parameters.defaults().withCrossover(new SbxCrossover()).build())
                .createOrLoad();
    }

    private static List<Map<String, Object>> params(Study study) {
        return study.trials().stream().map(TrialRecord::paramValues).toList();
    }

    @Test
    void resumingAfter150TrialsEqualsRunning300() {
        Study whole = study(Storages.inMemory());
        whole.optimizeMulti(Nsga2ResumeTest::problem, Budget.trials(300));

        Storage storage = Storages.inMemory();
        study(storage).optimizeMulti(Nsga2ResumeTest::problem, Budget.trials(150));
        Study resumed = study(storage);
        resumed.optimizeMulti(Nsga2ResumeTest::problem, Budget.trials(300));

        assertEquals(300, resumed.trials().size());
        assertEquals(params(whole), params(resumed));
        assertEquals(whole.hypervolume(140, 50), resumed.hypervolume(140, 50));
    }
}
