package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.trial.TrialRecord;

import java.util.Comparator;
import java.util.List;

/**
 * Copies studies between storages (or within one, under a new name): the directions, the
 * attributes and every trial with its state, values, parameters, intermediate values, attributes
 * and times. Numbers are kept, ids are new. Grid claims are not copied: a grid study continued
 * from a copy claims its points afresh, and runs none that its copied trials completed or pruned.
 *
 * {@snippet :
 * try (Storage local = Storages.open("runs/studies");
 *      Storage shared = Storages.open("jdbc:postgresql://db:5432/hpo", credentials)) {
 *     StudyTransfer.copy(local, "lr-search", shared);
 * }
 * }
 */
public final class StudyTransfer {

    private StudyTransfer() {
    }

    /** Copies study {@code name} of {@code from} into {@code to}, under the same name. */
    public static StudyInfo copy(Storage from, String name, Storage to) {
        return copy(from, name, to, name);
    }

    /**
     * Copies study {@code fromName} of {@code from} into {@code to} as {@code toName}, which must
     * not exist there ({@link DuplicateStudyException}). A copy that fails halfway is deleted.
     *
     * @return the new study
     */
    public static StudyInfo copy(Storage from, String fromName, Storage to, String toName) {
        StudyInfo source = from.findStudy(fromName).orElseThrow(() -> new StudyNotFoundException(fromName,
                from.studies().stream().map(StudyInfo::name).toList()));
        List<TrialRecord> trials = from.trialsChangedSince(source.id(), 0).trials().stream()
                .sorted(Comparator.comparingInt(TrialRecord::number))
                .toList();
        StudyInfo target = to.createStudy(toName, source.directions(), source.systemAttrs());
        try {
            source.userAttrs().forEach((key, value) -> to.setStudyUserAttr(target.id(), key, value));
            for (TrialRecord trial : trials) {
                to.addTrial(target.id(), trial);
            }
        } catch (RuntimeException | Error e) {
            try {
                to.deleteStudy(target.id());
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return to.findStudy(toName).orElseThrow();
    }
}
