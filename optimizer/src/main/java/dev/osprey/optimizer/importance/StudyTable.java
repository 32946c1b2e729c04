package dev.osprey.optimizer.importance;

import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials an evaluator works on: the COMPLETE ones with a finite value for the objective, over
 * the parameters all of them share with one distribution (Optuna's intersection search space).
 *
 * @param names         the shared parameters, in the first trial's suggestion order
 * @param distributions their distributions, by position
 * @param internals     per parameter, the internal value of every trial (the choice index for categoricals)
 * @param values        the objective value of every trial
 */
record StudyTable(List<String> names, List<Distribution> distributions, double[][] internals, double[] values) {

    static StudyTable of(List<TrialRecord> trials, int objective) {
        if (objective < 0) {
            throw new IllegalArgumentException("the objective index must be 0 or more, but got " + objective);
        }
        List<TrialRecord> usable = new ArrayList<>();
        int complete = 0;
        for (TrialRecord t : trials) {
            if (t.state() != TrialState.COMPLETE) {
                continue;
            }
            complete++;
            if (objective >= t.values().size()) {
                throw new IllegalArgumentException("objective " + objective + " does not exist: trial " + t.number()
                        + " has " + t.values().size() + " value(s); use an index from 0 to " + (t.values().size() - 1));
            }
            if (Double.isFinite(t.values().get(objective))) {
                usable.add(t);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("parameter importance needs COMPLETE trials with a finite value for objective "
                    + objective + ", but the study has " + complete + " COMPLETE trial(s) of " + trials.size()
                    + " and none has one; run more trials first");
        }
        usable.sort(Comparator.comparingInt(TrialRecord::number));
        Map<String, Distribution> shared = new LinkedHashMap<>(usable.get(0).distributions());
        for (TrialRecord t : usable) {
            shared.entrySet().removeIf(e -> {
                Param p = t.params().get(e.getKey());
                return p == null || !p.distribution().equals(e.getValue());
            });
        }
        if (shared.isEmpty()) {
            throw new IllegalArgumentException("the " + usable.size()
                    + " COMPLETE trial(s) share no parameter with one distribution, so no importance can be computed");
        }
        List<String> names = List.copyOf(shared.keySet());
        double[][] internals = new double[names.size()][usable.size()];
        double[] values = new double[usable.size()];
        for (int row = 0; row < usable.size(); row++) {
            TrialRecord t = usable.get(row);
            values[row] = t.values().get(objective);
            for (int p = 0; p < names.size(); p++) {
                internals[p][row] = t.params().get(names.get(p)).internal();
            }
        }
        return new StudyTable(names, List.copyOf(shared.values()), internals, values);
    }

    int rows() {
        return values.length;
    }

    /**
     * Scores normalised to sum to 1 (equal shares when they sum to 0), sorted most important first;
     * single-valued parameters get 0 and come last.
     */
    Map<String, Double> normalised(double[] scores) {
        double sum = 0;
        int free = 0;
        for (int p = 0; p < scores.length; p++) {
            if (!distributions.get(p).isSingle()) {
                sum += Math.max(0, scores[p]);
                free++;
            }
        }
        List<Map.Entry<String, Double>> entries = new ArrayList<>();
        for (int p = 0; p < scores.length; p++) {
            double share;
            if (distributions.get(p).isSingle()) {
                share = 0;
            } else {
                share = sum > 0 ? Math.max(0, scores[p]) / sum : 1.0 / free;
            }
            entries.add(Map.entry(names.get(p), share));
        }
        entries.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Map<String, Double> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(out);
    }
}
