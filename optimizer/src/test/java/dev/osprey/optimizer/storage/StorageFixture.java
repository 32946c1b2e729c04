package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the parts of {@link StorageContract} share: the storage under test and a few shortcuts. */
public interface StorageFixture {

    /** A fixed instant the tests count from. */
    Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    /** The storage under test, new and empty for each test. */
    Storage storage();

    /** Creates a single-objective study and returns its id. */
    default long newStudy(String name) {
        return storage().createStudy(name, List.of(Direction.MINIMIZE), Map.of()).id();
    }

    /** Starts a trial with no budget limit at {@code now}. */
    default TrialRecord start(long studyId, Instant now) {
        return storage().startTrial(studyId, Integer.MAX_VALUE, now).orElseThrow();
    }

    /** Starts a trial with no budget limit at {@link #T0}. */
    default TrialRecord start(long studyId) {
        return start(studyId, T0);
    }
}
