package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link Storage} passes, as JUnit 5 checks: a kit for storages written here or
 * in a project of their own. It is published in the optimizer module's test-jar,
 * {@code dev.osprey:osprey-optimizer} with {@code <type>test-jar</type>} at test scope.
 *
 * <p>A storage's test extends this class and implements {@link #newStorage()}, which gives a new,
 * empty storage for each check (the kit closes it). It then runs the study checks below (create,
 * find, list, delete, name rules, study attributes), the trial checks of
 * {@link TrialStorageContract} (life cycle, finished trials never change, the first value of a
 * parameter or step stays, attributes as plain values, the change feed, stale trials), the
 * concurrency checks of {@link ConcurrentStorageContract} (gap-free numbers, an exact budget, grid
 * claims and reapers under {@value ConcurrentStorageContract#WORKERS} threads at once) and the
 * study-management checks of {@link StudyManagementContract} (summaries, copied trials, transfer).
 * The shortcuts of {@link StorageFixture} serve the test's own checks too.
 *
 * <p>Every check is a public method: a storage that does not offer {@link Storage#addTrial} (whose
 * default refuses) overrides the two checks that copy trials, {@code addedTrialsKeepEverythingButIdAndNumber}
 * and {@code studiesCopyToAndFromAnotherStorage}, with {@code @Test @Disabled("why")}.
 */
public abstract class StorageContract
        implements TrialStorageContract, ConcurrentStorageContract, StudyManagementContract {

    private Storage storage;

    /** A new, empty storage; it is closed after the test. Skip the test from here (an assumption) if it cannot run. */
    protected abstract Storage newStorage();

    @BeforeEach
    protected void openStorage() {
        storage = newStorage();
    }

    @AfterEach
    protected void closeStorage() {
        if (storage != null) { // null when newStorage() skipped the test
            storage.close();
        }
    }

    @Override
    public final Storage storage() {
        return storage;
    }

    @Test
    public void studiesCanBeCreatedFoundListedAndDeleted() {
        StudyInfo beta = storage.createStudy("beta", List.of(Direction.MINIMIZE), Map.of("seed", 5L));
        StudyInfo alpha = storage.createStudy("alpha", List.of(Direction.MAXIMIZE, Direction.MINIMIZE), Map.of());
        assertNotEquals(alpha.id(), beta.id());

        StudyInfo found = storage.findStudy("beta").orElseThrow();
        assertEquals(beta.id(), found.id());
        assertEquals(List.of(Direction.MINIMIZE), found.directions());
        assertEquals(5L, found.systemAttrs().get("seed"));
        assertEquals(List.of(Direction.MAXIMIZE, Direction.MINIMIZE),
                storage.findStudy("alpha").orElseThrow().directions());
        assertEquals(List.of("alpha", "beta"), storage.studies().stream().map(StudyInfo::name).toList());
        assertTrue(storage.findStudy("gamma").isEmpty());

        long trialId = start(beta.id()).id();
        storage.deleteStudy(beta.id());
        assertTrue(storage.findStudy("beta").isEmpty());
        assertEquals(List.of("alpha"), storage.studies().stream().map(StudyInfo::name).toList());
        assertThrows(StorageException.class, () -> storage.trial(trialId), "a deleted study's trials are gone");

        long again = newStudy("beta");
        assertEquals(List.of(), storage.trialsChangedSince(again, 0).trials(), "the new study starts empty");
        assertEquals(0, start(again).number());
    }

    @Test
    public void studyUserAttributesAreStored() {
        long study = newStudy("s");
        storage.setStudyUserAttr(study, "dataset", "mnist");
        storage.setStudyUserAttr(study, "folds", 5);
        storage.setStudyUserAttr(study, "dataset", "cifar");
        assertEquals(Map.of("dataset", "cifar", "folds", 5L), storage.findStudy("s").orElseThrow().userAttrs());
    }

    @Test
    public void studySystemAttributesAreStoredBesideTheOnesOfItsCreation() {
        long study = storage.createStudy("s", List.of(Direction.MINIMIZE), Map.of("seed", 7)).id();
        storage.setStudySystemAttr(study, "auto_sampler", "gp from trial 0");
        storage.setStudySystemAttr(study, "auto_sampler", "gp from trial 0, cmaes from trial 200");
        assertEquals(Map.of("seed", 7L, "auto_sampler", "gp from trial 0, cmaes from trial 200"),
                storage.findStudy("s").orElseThrow().systemAttrs());
        assertEquals(Map.of(), storage.findStudy("s").orElseThrow().userAttrs(), "user attributes are apart");
        assertEquals("gp from trial 0, cmaes from trial 200", storage.studySummaries().get(0).study().systemAttrs()
                .get("auto_sampler"), "summaries carry them");
    }

    @Test
    public void aSecondStudyWithTheSameNameIsRejected() {
        long first = newStudy("dup");
        DuplicateStudyException e = assertThrows(DuplicateStudyException.class, () -> newStudy("dup"));
        assertTrue(e.getMessage().contains("'dup'"), e.getMessage());
        assertEquals(first, storage.findStudy("dup").orElseThrow().id());
        assertEquals(1, storage.studies().size());
    }

    @Test
    public void loadingAMissingStudyNamesTheStudiesThereAre() {
        StudyNotFoundException none = assertThrows(StudyNotFoundException.class,
                () -> Study.builder().name("missing").storage(storage).load());
        assertTrue(none.getMessage().contains("'missing'") && none.getMessage().contains("no studies"),
                none.getMessage());

        newStudy("alpha");
        newStudy("beta");
        StudyNotFoundException some = assertThrows(StudyNotFoundException.class,
                () -> Study.builder().name("missing").storage(storage).load());
        assertTrue(some.getMessage().contains("'missing'"), some.getMessage());
        assertTrue(some.getMessage().contains("alpha") && some.getMessage().contains("beta"), some.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    public void emptyStudyNamesAreRejected(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> newStudy(name));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertEquals(List.of(), storage.studies());
    }

    @Test
    public void tooLongStudyNamesAreRejected() {
        String longest = "n".repeat(StudyNames.MAX_LENGTH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> newStudy(longest + "n"));
        assertTrue(e.getMessage().contains(String.valueOf(StudyNames.MAX_LENGTH)), e.getMessage());
        assertEquals(List.of(), storage.studies());

        newStudy(longest);
        assertEquals(longest, storage.findStudy(longest).orElseThrow().name());
    }

    @Test
    public void trialIdsAreUniqueAcrossStudies() {
        TrialRecord a = start(newStudy("a"));
        TrialRecord b = start(newStudy("b"));
        assertEquals(0, a.number());
        assertEquals(0, b.number());
        assertNotEquals(a.id(), b.id());
    }
}
