package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.Workers;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sampler contract for random sampling, and its reproducibility at any parallelism. */
class RandomSamplerTest extends SamplerContract {

    private static final int TOTAL = 60;

    @Override
    protected Sampler sampler() {
        return Samplers.random();
    }

    @Test
    void sameSeedGivesTheSameParamsPerTrialNumberWhateverTheNumberOfThreads() throws Exception {
        Map<Integer, Map<String, Object>> alone = runShared(1, ConcurrentHashMap.newKeySet());
        Set<String> threadsSeen = ConcurrentHashMap.newKeySet();
        Map<Integer, Map<String, Object>> together = runShared(4, threadsSeen);

        assertEquals(TOTAL, alone.size());
        assertEquals(4, threadsSeen.size(), "all four workers ran trials");
        assertEquals(alone, together);
    }

    /** Runs {@code threads} workers, each with its own Study object on one shared storage. */
    private Map<Integer, Map<String, Object>> runShared(int threads, Set<String> threadsSeen) throws Exception {
        Storage shared = Storages.inMemory();
        CountDownLatch allRunning = new CountDownLatch(threads);
        Workers.runTogether(threads, worker -> {
            Study study = Study.builder().name("r").storage(shared).sampler(Samplers.random()).seed(20)
                    .createOrLoad();
            study.optimize(trial -> {
                if (trial.number() < threads) {
                    threadsSeen.add(Thread.currentThread().getName());
                    Workers.meet(allRunning); // each of the first trials is held by a different worker
                }
                return objective(suggestAll(trial, MIXED));
            }, Budget.trials(TOTAL));
        });
        return Study.builder().name("r").storage(shared).load().trials().stream()
                .collect(Collectors.toMap(TrialRecord::number, TrialRecord::paramValues));
    }
}
