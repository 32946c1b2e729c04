package dev.osprey.studydb;

import dev.osprey.optimizer.trial.TrialRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last record this storage wrote of each unfinished trial, with the change number the trial
 * had then, so that a write need not read the trial back. Every committed change to a trial stamps
 * it with a new, larger change number; a write that finds the trial's row (locked) still at the
 * remembered number therefore knows the trial is exactly the remembered record, and the record
 * after the write is that plus the write. A record is remembered only once its transaction has
 * committed, and forgotten when the trial finishes; the oldest are dropped beyond {@link #LIMIT}.
 */
final class KnownTrials {

    /** Enough for the trials one process has in flight; a trial dropped is merely read again. */
    static final int LIMIT = 1024;

    /** A trial as it was at change number {@code seq}. */
    record Known(long seq, TrialRecord record) {
    }

    private final Map<Long, Known> byId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Known> eldest) {
            return size() > LIMIT;
        }
    };

    /** The trial's record if it was remembered at change number {@code seq}, else null. */
    synchronized TrialRecord at(long trialId, long seq) {
        Known known = byId.get(trialId);
        return known != null && known.seq() == seq ? known.record() : null;
    }

    /** Remembers a committed record and its change number (a finished trial is forgotten instead). */
    synchronized void remember(long seq, TrialRecord record) {
        if (record.state().isFinished()) {
            byId.remove(record.id());
        } else {
            byId.put(record.id(), new Known(seq, record));
        }
    }

    synchronized void forget(long trialId) {
        byId.remove(trialId);
    }
}
