package dev.osprey.optimizer.storage;

import dev.osprey.optimizer.trial.TrialRecord;

import java.util.List;

/**
 * The trials of a study that changed after a cursor, and the cursor to pass next time. A reader
 * that applies every change in order holds the same trials as the storage.
 *
 * @param trials the new or changed trials, each in its latest state
 * @param cursor the position to read from next time
 */
public record TrialChanges(List<TrialRecord> trials, long cursor) {

    public TrialChanges {
        trials = List.copyOf(trials);
    }
}
