package dev.osprey.studydb;

import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A trial's record after one write, made from its record before the write: exactly what reading
 * the trial back would return (values pass through the same encodings as a read), without the read.
 */
final class TrialEdits {

    private TrialEdits() {
    }

    static TrialRecord withParam(TrialRecord trial, String name, Param param) {
        Map<String, Param> params = new LinkedHashMap<>(trial.params());
        params.put(name, param);
        return new TrialRecord(trial.id(), trial.number(), trial.state(), trial.values(), params,
                trial.intermediateValues(), trial.userAttrs(), trial.systemAttrs(), trial.start(), trial.end());
    }

    static TrialRecord withStep(TrialRecord trial, int step, double value) {
        TreeMap<Integer, Double> steps = new TreeMap<>(trial.intermediateValues());
        steps.put(step, value);
        return new TrialRecord(trial.id(), trial.number(), trial.state(), trial.values(), trial.params(), steps,
                trial.userAttrs(), trial.systemAttrs(), trial.start(), trial.end());
    }

    static TrialRecord withAttr(TrialRecord trial, Rows.Attrs table, String key, Object value) {
        Map<String, Object> user = trial.userAttrs();
        Map<String, Object> system = trial.systemAttrs();
        Map<String, Object> changed = new LinkedHashMap<>(table == Rows.Attrs.TRIAL_USER ? user : system);
        changed.put(key, SqlCodec.fromJson(SqlCodec.json(value))); // as a read returns it
        return new TrialRecord(trial.id(), trial.number(), trial.state(), trial.values(), trial.params(),
                trial.intermediateValues(), table == Rows.Attrs.TRIAL_USER ? changed : user,
                table == Rows.Attrs.TRIAL_USER ? system : changed, trial.start(), trial.end());
    }

    static TrialRecord finished(TrialRecord trial, TrialState state, List<Double> values, String reason, Instant end) {
        TrialRecord done = new TrialRecord(trial.id(), trial.number(), state, values, trial.params(),
                trial.intermediateValues(), trial.userAttrs(), trial.systemAttrs(), trial.start(),
                Optional.of(SqlCodec.stored(end)));
        return reason == null ? done : withAttr(done, Rows.Attrs.TRIAL_SYSTEM, TrialRecord.FAIL_REASON, reason);
    }
}
