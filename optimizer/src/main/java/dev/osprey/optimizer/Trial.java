package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A running trial, as its objective sees it. Each {@code suggest} call returns a value for a named
 * parameter; asking again for the same name in the same trial returns the same value. A name has
 * one distribution for the whole study.
 */
public interface Trial {

    /** The trial's number in its study. */
    int number();

    /** A value for {@code name} from {@code distribution}, in its external form. */
    Object suggest(String name, Distribution distribution);

    /** A float in {@code [low, high]}. */
    default double suggestFloat(String name, double low, double high) {
        return (Double) suggest(name, new FloatDistribution(low, high, false, null));
    }

    /** A float in {@code [low, high]}, uniform in {@code log(x)} if {@code log} is true. */
    default double suggestFloat(String name, double low, double high, boolean log) {
        return (Double) suggest(name, new FloatDistribution(low, high, log, null));
    }

    /** A float in {@code low, low + step, ..., high}. */
    default double suggestFloat(String name, double low, double high, double step) {
        return (Double) suggest(name, new FloatDistribution(low, high, false, step));
    }

    /** An int in {@code low..high}, both included. */
    default int suggestInt(String name, int low, int high) {
        return (Integer) suggest(name, new IntDistribution(low, high, false, 1));
    }

    /** An int in {@code low..high}, uniform in {@code log(x)} if {@code log} is true. */
    default int suggestInt(String name, int low, int high, boolean log) {
        return (Integer) suggest(name, new IntDistribution(low, high, log, 1));
    }

    /** An int in {@code low, low + step, ..., high}. */
    default int suggestInt(String name, int low, int high, int step) {
        return (Integer) suggest(name, new IntDistribution(low, high, false, step));
    }

    /** One of {@code choices} (strings, numbers, booleans or null); the very object from the list is returned. */
    default <T> T suggestCategorical(String name, List<T> choices) {
        CategoricalDistribution distribution = new CategoricalDistribution(new ArrayList<Object>(choices));
        return choices.get(distribution.indexOf(suggest(name, distribution)));
    }

    /** One of {@code choices}; see {@link #suggestCategorical(String, List)}. */
    @SuppressWarnings("unchecked")
    default <T> T suggestCategorical(String name, T... choices) {
        return suggestCategorical(name, Arrays.asList(choices));
    }

    /** Reports an intermediate value at {@code step} (>= 0); a step reported twice keeps its first value. */
    void report(int step, double value);

    /** Whether the study's pruner says this trial should stop; if so, throw {@link TrialPrunedException}. */
    boolean shouldPrune();

    /** Sets a user attribute (a string, number, boolean, null, or a list or map of those). */
    void setUserAttr(String key, Object value);

    /**
     * Sets the trial's constraint values, each satisfied when {@code <= 0} (a trial is feasible when
     * all are); stored as the system attribute {@link TrialRecord#CONSTRAINTS}. Every trial of a
     * study should set the same number of constraints.
     *
     * @throws IllegalArgumentException when a value is NaN, or the study's other trials set another
     *                                  number of constraints
     */
    void setConstraints(double... values);

    /**
     * Sets the trial's constraint values by name, each satisfied when {@code <= 0}; stored as
     * {@link TrialRecord#CONSTRAINTS} with the names in {@link TrialRecord#CONSTRAINT_NAMES}, in the
     * order of the study's other named trials (else in the given order), so that results show
     * {@code memory_gb} rather than {@code c0}. Every trial of a study should set the same names.
     *
     * @throws IllegalArgumentException when a value is NaN, a name is blank, or the study's other
     *                                  trials set other constraints (the message names the missing
     *                                  or unknown one)
     */
    void setConstraints(Map<String, Double> named);

    /** The parameters suggested so far, name to external value, in suggestion order. */
    Map<String, Object> params();

    /** The trial as it is stored now. */
    TrialRecord record();
}
