package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.sampler.Samplers;

import java.util.Map;

/** Drives in-memory studies through ask/tell for the pruner tests. */
final class StudyRuns {

    private StudyRuns() {
    }

    static Study study(Pruner pruner) {
        return study(pruner, Direction.MINIMIZE);
    }

    static Study study(Pruner pruner, Direction direction) {
        return Study.builder().pruner(pruner).sampler(Samplers.random()).direction(direction).seed(1).create();
    }

    /** A study with a fixed name, for pruners whose decisions depend on it. */
    static Study named(String name, Pruner pruner) {
        return Study.builder().name(name).pruner(pruner).sampler(Samplers.random()).seed(1).create();
    }

    /** A COMPLETE trial that reported {@code values} at steps 0, 1, ... and returned the last one. */
    static TrialRecord complete(Study study, double... values) {
        Trial trial = reporting(study, values);
        return study.tell(trial, values.length == 0 ? 0.0 : values[values.length - 1]);
    }

    /** A PRUNED trial that reported {@code values} at steps 0, 1, ... */
    static TrialRecord pruned(Study study, double... values) {
        return study.tell(reporting(study, values), TrialState.PRUNED);
    }

    /** A RUNNING trial that reported {@code values} at steps 0, 1, ... */
    static Trial reporting(Study study, double... values) {
        Trial trial = study.ask();
        trial.suggestFloat("x", 0, 1);
        for (int step = 0; step < values.length; step++) {
            trial.report(step, values[step]);
        }
        return trial;
    }

    /** Reports {@code value} at {@code step} and returns the pruner's decision. */
    static boolean reportAndAsk(Trial trial, int step, double value) {
        trial.report(step, value);
        return trial.shouldPrune();
    }

    /** The system attributes of a trial as stored now. */
    static Map<String, Object> storedSystemAttrs(Study study, Trial trial) {
        return study.trials().get(trial.number()).systemAttrs();
    }
}
