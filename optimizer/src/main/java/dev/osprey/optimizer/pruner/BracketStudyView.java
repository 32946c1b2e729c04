package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A study as the pruner of one Hyperband bracket sees it: only the trials of that bracket, so
 * rung values of other brackets (which share the same attribute names) are never compared.
 * Everything else is the study itself.
 */
record BracketStudyView(StudyView study, HyperbandBrackets brackets, int bracket) implements StudyView {

    @Override
    public List<TrialRecord> trials() {
        String name = study.studyName();
        return study.trials().stream()
                .filter(t -> brackets.bracketOf(name, t.number()) == bracket)
                .toList();
    }

    @Override
    public String studyName() {
        return study.studyName();
    }

    @Override
    public List<Direction> directions() {
        return study.directions();
    }

    @Override
    public long seed() {
        return study.seed();
    }

    @Override
    public void setSystemAttr(TrialRecord trial, String key, Object value) {
        study.setSystemAttr(trial, key, value);
    }

    @Override
    public void setStudySystemAttr(String key, Object value) {
        study.setStudySystemAttr(key, value);
    }

    @Override
    public boolean claimGridPoint(String gridKey, int index, TrialRecord trial) {
        return study.claimGridPoint(gridKey, index, trial);
    }

    @Override
    public Map<Integer, Long> gridClaims(String gridKey) {
        return study.gridClaims(gridKey);
    }

    @Override
    public void stop() {
        study.stop();
    }

    @Override
    public <T> T memo(Object key, Supplier<T> factory) {
        return study.memo(key, factory);
    }
}
