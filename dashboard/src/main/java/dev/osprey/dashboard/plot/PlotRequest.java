package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.trial.TrialRecord;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a plot is computed from.
 *
 * @param study      the study
 * @param trials     its trials, by number
 * @param objective  the objective plotted (0 for single-objective studies)
 * @param params     the parameters a slice or contour plot shows; empty for its default
 * @param importance the evaluator of the importance plot
 * @param now        the time a RUNNING trial's timeline bar reaches
 */
public record PlotRequest(StudyInfo study, List<TrialRecord> trials, int objective, List<String> params,
                          ImportanceChoice importance, Instant now) {

    public PlotRequest {
        Objects.requireNonNull(study, "study");
        trials = List.copyOf(trials);
        params = List.copyOf(params);
        Objects.requireNonNull(importance, "importance");
        Objects.requireNonNull(now, "now");
        if (objective < 0 || objective >= study.directions().size()) {
            throw new IllegalArgumentException("objective " + objective + " is not one of study '" + study.name()
                    + "', which has " + study.directions().size() + " objective(s) (0.." + (study.directions().size() - 1) + ")");
        }
    }

    /** The first objective, default parameters, PED-ANOVA for importance. */
    public static PlotRequest of(StudyInfo study, List<TrialRecord> trials, Instant now) {
        return new PlotRequest(study, trials, 0, List.of(), ImportanceChoice.pedAnova(), now);
    }

    public PlotRequest withParams(List<String> chosen) {
        return new PlotRequest(study, trials, objective, chosen, importance, now);
    }

    public PlotRequest withObjective(int chosen) {
        return new PlotRequest(study, trials, chosen, params, importance, now);
    }

    public PlotRequest withImportance(ImportanceChoice evaluator) {
        return new PlotRequest(study, trials, objective, params, evaluator, now);
    }

    /** The label of the plotted objective. */
    String objectiveLabel() {
        return study.directions().size() == 1 ? "Objective Value" : "Objective " + objective;
    }
}
