package dev.osprey.studydb;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash consistency: a worker that writes trials as fast as it can is killed with SIGKILL, at
 * whatever point of a write it happens to be, once it has reported some trials finished. The
 * database opens again in another process, holds every trial reported finished exactly as it was
 * reported, and the study goes on with gap-free numbers. Run on an embedded H2 file (whose
 * file the killed process owned) and on PostgreSQL.
 */
class KilledWriterTest extends WithPostgres {

    /** The trials a worker must have reported finished before it is killed. */
    private static final int REPORTED_BEFORE_KILL = 150;
    private static final int MORE_TRIALS = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String STUDY = "killed-writer";

    @TempDir
    Path directory;

    @Test
    void aDurableH2FileKeepsEveryReportedTrialWhenItsOwnerIsKilled() throws Exception {
        // WRITE_DELAY=0: H2 writes each commit to the file before the commit returns
        SharedDatabase file = SharedDatabase.h2File("jdbc:h2:file:" + directory.resolve("durable") + ";WRITE_DELAY=0");
        killWritersAndContinue(file, 2, true);
    }

    @Test
    void aPostgresDatabaseKeepsEveryReportedTrialWhenItsWriterIsKilled() throws Exception {
        killWritersAndContinue(SharedDatabase.of(PostgresTestDatabase.require(postgres)), 1, true);
    }

    /**
     * The default storage: an H2 file opened from a plain path, whose owner is killed twice in the
     * middle of its writes. Every trial it reported as finished must be in the file unchanged.
     */
    @Test
    void theDefaultH2FileKeepsEveryReportedTrialWhenItsOwnerIsKilled() throws Exception {
        killWritersAndContinue(SharedDatabase.h2File(directory.resolve("default").toString()), 2, true);
    }

    /**
     * Kills {@code kills} writers one after another, each once it has reported enough trials,
     * then checks the database in this process and continues the study.
     *
     * @param durable whether every reported trial must be stored; otherwise the last ones may be missing
     */
    private void killWritersAndContinue(SharedDatabase database, int kills, boolean durable) throws Exception {
        try (Storage storage = database.open()) { // made and closed cleanly: no kill can lose the study itself
            Study.builder().name(STUDY).storage(storage).sampler(Samplers.random()).create().close();
        }
        TreeMap<Integer, ToldTrial> reported = new TreeMap<>();
        for (int round = 0; round < kills; round++) {
            try (WorkerProcess writer = WorkerProcess.start("writer-" + round, directory, database,
                    List.of("study=" + STUDY, "trials=" + Integer.MAX_VALUE, "sampler=random"))) {
                writer.awaitOutput(REPORTED_BEFORE_KILL + " trials reported", lines -> lines.stream()
                        .filter(line -> line.startsWith(StudyWorker.TOLD + " ")).count() >= REPORTED_BEFORE_KILL,
                        PATIENCE);
                writer.kill(); // it writes without pause, so the signal most likely lands mid-write
                Map<Integer, ToldTrial> told = ToldTrial.union(List.of(writer));
                if (round > 0) {
                    // a writer on the reopened database continues the study after the trials of the killed one
                    int firstNew = told.keySet().iterator().next();
                    assertTrue(firstNew > reported.lastKey(), "writer-" + round + " began at trial " + firstNew);
                }
                told.forEach((number, trial) -> assertEquals(null, reported.put(number, trial),
                        "trial " + number + " is reported once"));
            }
        }

        try (Storage storage = database.open()) { // in this process: the killed ones are gone
            Study study = Study.builder().name(STUDY).storage(storage).sampler(Samplers.random()).load();
            List<TrialRecord> trials = study.trials();
            int stored = trials.size();
            assertEquals(IntStream.range(0, stored).boxed().toList(), trials.stream().map(TrialRecord::number).toList(),
                    "trial numbers have no gaps");
            Map<Integer, ToldTrial> kept = new TreeMap<>(reported.headMap(stored));
            if (durable) {
                assertEquals(reported, kept, "every trial reported finished is stored");
            } else {
                System.out.println(database + ": " + (reported.size() - kept.size()) + " of the " + reported.size()
                        + " trials reported before the kill were not in the file, which holds " + stored + " trials");
                // the file may stop anywhere in the last trial it holds: between its start and its tell
                TrialRecord last = trials.isEmpty() ? null : trials.get(stored - 1);
                ToldTrial reportedLast = last == null ? null : kept.remove(last.number());
                if (reportedLast != null && !ToldTrial.of(last).equals(reportedLast)) {
                    assertTrue(ToldTrial.of(last).isOnTheWayTo(reportedLast),
                            "the last trial in the file is " + last + ", on its way to " + reportedLast);
                }
            }
            assertEquals(List.of(), ToldTrial.differences(restrict(ToldTrial.stored(trials), kept), kept),
                    "the trials reported finished are stored as they were reported");
            List<TrialRecord> cutShort = new ArrayList<>();
            for (TrialRecord trial : trials) {
                if (trial.state() == TrialState.RUNNING) {
                    cutShort.add(trial); // the kill came before its tell committed
                } else {
                    assertEquals(TrialState.COMPLETE, trial.state(), () -> "trial " + trial.number() + ": " + trial);
                    assertTrue(ToldTrial.of(trial).valueFitsParams(), () -> "trial " + trial.number() + ": " + trial);
                }
            }
            assertTrue(cutShort.size() <= kills, () -> "at most one trial per kill is left RUNNING: " + cutShort);

            study.optimize(StudyWorker.OBJECTIVE, stored + MORE_TRIALS);
            study.close();
            List<TrialRecord> continued = study.trials();
            assertEquals(IntStream.range(0, stored + MORE_TRIALS).boxed().toList(),
                    continued.stream().map(TrialRecord::number).toList(), "the study continues where it was");
            assertEquals(List.of(), ToldTrial.differences(restrict(ToldTrial.stored(continued), kept), kept),
                    "the reported trials are still as they were");
            assertTrue(continued.subList(stored, stored + MORE_TRIALS).stream()
                    .allMatch(t -> t.state() == TrialState.COMPLETE), "the new trials are COMPLETE");
        }
    }

    private static Map<Integer, ToldTrial> restrict(Map<Integer, ToldTrial> trials, Map<Integer, ToldTrial> to) {
        Map<Integer, ToldTrial> restricted = new TreeMap<>(trials);
        restricted.keySet().retainAll(to.keySet());
        return restricted;
    }
}
