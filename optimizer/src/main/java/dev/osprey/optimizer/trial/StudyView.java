package dev.osprey.optimizer.trial;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What samplers and pruners see of a study: its trials and settings, plus the few writes they
 * need (system attributes, grid claims, stopping the study).
 */
public interface StudyView {

    /** The study's name. */
    String studyName();

    /** One direction per objective. */
    List<Direction> directions();

    /** The direction of a single-objective study. */
    default Direction direction() {
        List<Direction> directions = directions();
        if (directions.size() != 1) {
            throw new IllegalStateException("this study has " + directions.size()
                    + " objectives; a single direction only exists for single-objective studies");
        }
        return directions.get(0);
    }

    /** The study's seed: every random draw comes from a generator derived from it and the trial number. */
    long seed();

    /** All trials, ordered by number; a snapshot taken now. */
    List<TrialRecord> trials();

    /** Sets a system attribute of an unfinished trial. */
    void setSystemAttr(TrialRecord trial, String key, Object value);

    /** Sets a system attribute of the study, for what a sampler decided about the whole study. */
    void setStudySystemAttr(String key, Object value);

    /** Claims a point of a grid for a trial; true for exactly one trial per point. */
    boolean claimGridPoint(String gridKey, int index, TrialRecord trial);

    /** The points of a grid claimed so far by any worker, each with the id of the trial that holds it. */
    Map<Integer, Long> gridClaims(String gridKey);

    /** Asks the study to start no new trials after the running ones. */
    void stop();

    /**
     * State that a sampler or pruner keeps for this study in this process, created on first use.
     * Lets an algorithm cache what it derived from finished trials, which never change.
     */
    <T> T memo(Object key, Supplier<T> factory);
}
