package dev.osprey.benchmarks.reliability;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.protocol.ResultJson;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit on hand-made studies: a clean one passes, and each broken promise is found and counted. */
class StudyAuditTest {

    @TempDir
    Path dir;

    @Test
    void aStudyThatKeptEveryPromisePasses() throws IOException {
        Backend backend = Backend.h2File(dir.resolve("db").resolve("studies"));
        try (Storage storage = backend.open();
             Study study = Study.builder().name("clean").storage(storage).heartbeatOff().create()) {
            completed(study, 0, 0.0);
            completed(study, 1, 1.0);
            Trial failed = trial(study, 2);
            study.tellFailed(failed, "exited with code 137");
        }
        StudyAudit audit = StudyAudit.of(backend, "clean", dir, dir, OptionalInt.of(3), true);
        assertEquals(List.of(), audit.problems());
        assertEquals(0, audit.lost());
        assertEquals(0, audit.doubled());
    }

    @Test
    void findsRunningTrialsLostResultsDoubledPointsAndABudgetMissed() throws IOException {
        Backend backend = Backend.h2File(dir.resolve("db").resolve("studies"));
        try (Storage storage = backend.open();
             Study study = Study.builder().name("broken").storage(storage).heartbeatOff().create()) {
            completed(study, 1, 1.0);
            completed(study, 1, 1.0); // the same grid point completed twice: doubled
            Trial dead = trial(study, 2); // its job completed, the study never heard: lost
            result(dead.number(), 2.0);
            study.tellFailed(dead, "no heartbeat: its worker died");
            trial(study, 3); // left RUNNING
        }
        StudyAudit audit = StudyAudit.of(backend, "broken", dir, dir, OptionalInt.of(3), true);
        assertEquals(1, audit.lost(), audit.problems().toString());
        assertEquals(1, audit.doubled(), audit.problems().toString());
        assertTrue(audit.problems().stream().anyMatch(p -> p.contains("left RUNNING")), audit.problems().toString());
        assertTrue(audit.problems().stream().anyMatch(p -> p.contains("budget of 3")), audit.problems().toString());
        assertEquals(1, audit.count(TrialState.RUNNING));
    }

    @Test
    void aFailedPointRunAgainIsTheGridsRetryNotDoubling() throws IOException {
        Backend backend = Backend.h2File(dir.resolve("db").resolve("studies"));
        try (Storage storage = backend.open();
             Study study = Study.builder().name("retry").storage(storage).heartbeatOff().create()) {
            study.tellFailed(trial(study, 4), "exited with code 137");
            completed(study, 4, 4.0);
        }
        StudyAudit audit = StudyAudit.of(backend, "retry", dir, dir, OptionalInt.of(2), true);
        assertEquals(List.of(), audit.problems());
    }

    /** A trial at grid point x with a job directory of its own, left RUNNING. */
    private Trial trial(Study study, int x) throws IOException {
        // an enqueued trial gets the parameters given: the grid point the audit groups by
        study.enqueueTrial(Map.of("x", x));
        Trial trial = study.ask();
        assertEquals(x, trial.suggestInt("x", 0, 40));
        Path job = Files.createDirectories(dir.resolve("multirun").resolve(Integer.toString(trial.number())));
        trial.setUserAttr("osprey.job_dir", job.toString());
        return trial;
    }

    private void completed(Study study, int x, double value) throws IOException {
        Trial trial = trial(study, x);
        result(trial.number(), value);
        study.tell(trial, value);
    }

    private void result(int number, double value) throws IOException {
        ResultJson.write(JobResult.completed(number, List.of(value), OptionalInt.of(0), Duration.ofMillis(5), Optional.empty()),
                dir.resolve("multirun").resolve(Integer.toString(number)).resolve("result.json"));
    }
}
