package dev.osprey.studydb;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four worker processes share one study through a database server, each asking for the
 * study-level budget of 1,000 trials: the study ends with exactly 1,000 trials numbered 0..999,
 * all COMPLETE, and what the workers told is what the database holds, each trial told once.
 */
class MultiProcessStudyTest extends WithPostgres {

    private static final int WORKERS = 4;
    private static final int TRIALS = 1000;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SECRET = "multi-process-secret";

    @TempDir
    Path directory;

    @Test
    void fourProcessesShareOneStudyOnAnH2Server() throws Exception {
        try (H2Server server = H2Server.builder().directory(directory.resolve("server")).port(0).password(SECRET)
                .start()) {
            runWorkers(SharedDatabase.of(server, SECRET));
        }
    }

    @Test
    void fourProcessesShareOneStudyOnPostgres() throws Exception {
        runWorkers(SharedDatabase.of(PostgresTestDatabase.require(postgres)));
    }

    private void runWorkers(SharedDatabase database) throws Exception {
        // the study is not made beforehand: the workers race to create it, and all must end up in one
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            for (int i = 0; i < WORKERS; i++) {
                workers.add(WorkerProcess.start("worker-" + i, directory, database,
                        List.of("study=shared", "trials=" + TRIALS, "sampler=random")));
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            for (WorkerProcess worker : workers) {
                worker.awaitSuccess(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        } finally {
            workers.forEach(WorkerProcess::close);
        }

        List<Integer> shares = new ArrayList<>();
        for (WorkerProcess worker : workers) {
            List<String[]> summary = worker.lines(StudyWorker.SUMMARY);
            assertEquals(1, summary.size(), worker + " prints one summary: " + worker.lines());
            int told = worker.lines(StudyWorker.TOLD).size();
            assertEquals("told=" + told, summary.get(0)[2], worker + "'s summary counts its trials");
            assertEquals("trials=" + TRIALS, summary.get(0)[3], worker + " stopped when the study held the budget");
            shares.add(told);
        }
        Map<Integer, ToldTrial> told = ToldTrial.union(workers); // fails on a trial told twice
        System.out.println(database + ": trials told per worker " + shares);

        try (Storage storage = database.open()) {
            Study study = Study.builder().name("shared").storage(storage).load();
            List<TrialRecord> trials = study.trials();
            study.close();
            assertEquals(1, storage.studies().size(), "the workers that raced to create the study share one");
            assertEquals(TRIALS, trials.size(), "the workers share the study-level budget");
            assertEquals(IntStream.range(0, TRIALS).boxed().toList(), trials.stream().map(TrialRecord::number).toList());
            for (TrialRecord trial : trials) {
                assertEquals(TrialState.COMPLETE, trial.state(), () -> "trial " + trial.number() + ": " + trial);
                assertTrue(ToldTrial.of(trial).valueFitsParams(), () -> "the value of trial " + trial.number()
                        + " is the objective's for its own parameters: " + trial);
            }
            assertEquals(List.of(), ToldTrial.differences(ToldTrial.stored(trials), told),
                    "the trials the workers told are those the database holds (no tell lost, none changed)");
        }
    }
}
