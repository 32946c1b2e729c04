package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.space.Distribution;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The study-management part of {@link StorageContract}: summaries, copied trials, deletion, transfer. */
public interface StudyManagementContract extends StorageFixture {

    /** Fills a study with one trial of every kind and returns its trials by number. */
    default List<TrialRecord> populate(long study) {
        Storage s = storage();
        TrialRecord a = start(study, T0);
        s.setParam(a.id(), "lr", new Param(Distribution.logFloats(1e-5, 1), 0.01));
        s.setParam(a.id(), "opt", new Param(Distribution.choices(List.of("adam", "sgd")), 1));
        s.reportIntermediate(a.id(), 0, Double.NaN);
        s.reportIntermediate(a.id(), 1, Double.POSITIVE_INFINITY);
        s.setTrialUserAttr(a.id(), "note", List.of("x", 1));
        s.finishTrial(a.id(), TrialState.COMPLETE, List.of(0.5), null, T0.plusSeconds(5));
        TrialRecord b = start(study, T0.plusSeconds(1));
        s.finishTrial(b.id(), TrialState.COMPLETE, List.of(0.25), null, T0.plusSeconds(9));
        TrialRecord c = start(study, T0.plusSeconds(2));
        s.reportIntermediate(c.id(), 3, -1.5);
        s.finishTrial(c.id(), TrialState.PRUNED, List.of(), null, T0.plusSeconds(3));
        TrialRecord d = start(study, T0.plusSeconds(4));
        s.finishTrial(d.id(), TrialState.FAIL, List.of(), "boom", T0.plusSeconds(6));
        start(study, T0.plusSeconds(7));
        s.enqueueTrial(study, Map.of("fixed_params", Map.of("lr", 0.1)));
        return s.trialsChangedSince(study, 0).trials().stream()
                .sorted(Comparator.comparingInt(TrialRecord::number)).toList();
    }

    @Test
    default void summariesCountTrialsByStateAndFindTheBestValue() {
        long minimized = newStudy("min");
        populate(minimized);
        long maximized = storage().createStudy("max", List.of(Direction.MAXIMIZE), Map.of()).id();
        populate(maximized);
        storage().createStudy("multi", List.of(Direction.MINIMIZE, Direction.MAXIMIZE), Map.of());
        newStudy("empty");

        Map<String, StudySummary> byName = new java.util.HashMap<>();
        storage().studySummaries().forEach(summary -> byName.put(summary.study().name(), summary));
        assertEquals(List.of("empty", "max", "min", "multi"),
                storage().studySummaries().stream().map(summary -> summary.study().name()).toList());

        StudySummary min = byName.get("min");
        assertEquals(6, min.trials());
        assertEquals(Map.of(TrialState.COMPLETE, 2, TrialState.PRUNED, 1, TrialState.FAIL, 1,
                TrialState.RUNNING, 1, TrialState.WAITING, 1), min.trialCounts());
        assertEquals(Optional.of(0.25), min.bestValue());
        assertEquals(Optional.of(T0.plusSeconds(9)), min.lastActivity());
        assertEquals(Optional.of(0.5), byName.get("max").bestValue());
        assertEquals(Optional.empty(), byName.get("multi").bestValue(), "no single best with two objectives");
        assertEquals(0, byName.get("empty").trials());
        assertEquals(Optional.empty(), byName.get("empty").lastActivity());
        assertEquals(StudySummary.of(min.study(), storage().trialsChangedSince(minimized, 0).trials()), min,
                "the storage's summary equals the one computed from its trials");
    }

    @Test
    default void addedTrialsKeepEverythingButIdAndNumber() {
        long source = newStudy("source");
        List<TrialRecord> originals = populate(source);
        long target = newStudy("target");
        start(target);
        for (TrialRecord original : originals) {
            TrialRecord copy = storage().addTrial(target, original);
            assertEquals(original.number() + 1, copy.number());
            assertEquals(withIdAndNumber(original, copy.id(), copy.number()), copy);
            assertEquals(copy, storage().trial(copy.id()));
        }
        TrialRecord queued = storage().startTrial(target, Integer.MAX_VALUE, T0).orElseThrow();
        assertEquals(originals.size(), queued.number(), "the copied WAITING trial starts first");
        assertEquals(Map.of("lr", 0.1), queued.systemAttrs().get("fixed_params"));
    }

    @Test
    default void deletingAStudyRemovesAllItHolds() {
        long doomed = newStudy("doomed");
        List<TrialRecord> trials = populate(doomed);
        assertTrue(storage().claimGridPoint(doomed, "g", 3, trials.get(0).id()));
        storage().setStudyUserAttr(doomed, "k", "v");
        long kept = newStudy("kept");
        TrialRecord survivor = start(kept);

        storage().deleteStudy(doomed);
        for (TrialRecord trial : trials) {
            assertThrows(StorageException.class, () -> storage().trial(trial.id()));
        }
        assertThrows(StorageException.class, () -> storage().trialsChangedSince(doomed, 0));
        assertThrows(StorageException.class, () -> storage().deleteStudy(doomed));
        assertEquals(survivor, storage().trial(survivor.id()));
        long reborn = newStudy("doomed");
        assertTrue(storage().gridClaims(reborn, "g").isEmpty());
        assertEquals(Map.of(), storage().findStudy("doomed").orElseThrow().userAttrs());
    }

    @Test
    default void studiesCopyToAndFromAnotherStorage() {
        long study = storage().createStudy("original", List.of(Direction.MAXIMIZE), Map.of("seed", 7L)).id();
        storage().setStudyUserAttr(study, "dataset", "iris");
        List<TrialRecord> trials = populate(study);
        try (Storage other = Storages.inMemory()) {
            StudyInfo there = StudyTransfer.copy(storage(), "original", other);
            assertEquals(List.of(Direction.MAXIMIZE), there.directions());
            assertEquals(Map.of("dataset", "iris"), there.userAttrs());
            assertEquals(7L, there.systemAttrs().get("seed"));
            assertSameTrials(trials, other.trialsChangedSince(there.id(), 0).trials());

            StudyInfo back = StudyTransfer.copy(other, "original", storage(), "round-trip");
            assertSameTrials(trials, storage().trialsChangedSince(back.id(), 0).trials());
            assertThrows(DuplicateStudyException.class, () -> StudyTransfer.copy(other, "original", storage()));
            assertThrows(StudyNotFoundException.class, () -> StudyTransfer.copy(other, "missing", storage()));
        }
    }

    private static void assertSameTrials(List<TrialRecord> expected, List<TrialRecord> actual) {
        List<TrialRecord> sorted = actual.stream().sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        assertEquals(expected.size(), sorted.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(withIdAndNumber(expected.get(i), sorted.get(i).id(), sorted.get(i).number()), sorted.get(i));
        }
    }

    private static TrialRecord withIdAndNumber(TrialRecord t, long id, int number) {
        return new TrialRecord(id, number, t.state(), t.values(), t.params(), t.intermediateValues(), t.userAttrs(),
                t.systemAttrs(), t.start(), t.end());
    }
}
