package dev.osprey.optimizer.trial;

import dev.osprey.optimizer.space.Distribution;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of a trial as it is stored.
 *
 * @param id                 the storage's identifier, unique across studies
 * @param number             the trial's number in its study: 0, 1, 2, ... without gaps
 * @param state              where the trial is in its life
 * @param values             one value per objective for COMPLETE trials, otherwise empty
 * @param params             parameter name to value and distribution, in suggestion order
 * @param intermediateValues step to reported value, ascending by step
 * @param userAttrs          attributes set by the user (JSON-compatible values)
 * @param systemAttrs        attributes set by Osprey itself (JSON-compatible values)
 * @param start              when the trial started running, if it has
 * @param end                when it finished, if it has
 */
public record TrialRecord(
        long id,
        int number,
        TrialState state,
        List<Double> values,
        Map<String, Param> params,
        SortedMap<Integer, Double> intermediateValues,
        Map<String, Object> userAttrs,
        Map<String, Object> systemAttrs,
        Optional<Instant> start,
        Optional<Instant> end) {

    /** The system attribute that holds why a trial failed. */
    public static final String FAIL_REASON = "fail_reason";
    /** The system attribute of a retry that holds the number of the failed trial it runs again (as in Optuna). */
    public static final String FAILED_TRIAL = "failed_trial";
    /** The system attribute of a retry that holds the numbers of all earlier attempts, oldest first (as in Optuna). */
    public static final String RETRY_HISTORY = "retry_history";
    /**
     * The system attribute that holds a trial's constraint values, a list of numbers, each feasible
     * when {@code <= 0} (as Optuna's {@code constraints} system attribute).
     */
    public static final String CONSTRAINTS = "constraints";
    /**
     * The system attribute that holds the names of a trial's constraints, one per value of
     * {@link #CONSTRAINTS}; trials stored without it have the names {@code c0, c1, ...}.
     */
    public static final String CONSTRAINT_NAMES = "constraint_names";

    public TrialRecord {
        Objects.requireNonNull(state, "state");
        values = List.copyOf(values);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        intermediateValues = Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
        userAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
        systemAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs));
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** The first objective value, for single-objective studies. */
    public double value() {
        if (values.isEmpty()) {
            throw new IllegalStateException("trial " + number + " is " + state + " and has no value");
        }
        return values.get(0);
    }

    /** Parameter name to user-facing value, in suggestion order. */
    public Map<String, Object> paramValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((name, p) -> out.put(name, p.value()));
        return Collections.unmodifiableMap(out);
    }

    /** Parameter name to distribution, in suggestion order. */
    public Map<String, Distribution> distributions() {
        Map<String, Distribution> out = new LinkedHashMap<>();
        params.forEach((name, p) -> out.put(name, p.distribution()));
        return Collections.unmodifiableMap(out);
    }

    /** Why the trial failed, if it did and a reason was stored. */
    public Optional<String> failReason() {
        return Optional.ofNullable(systemAttrs.get(FAIL_REASON)).map(Object::toString);
    }

    /** For a retry of a trial whose worker died: the number of that trial. Empty for a trial that is no retry. */
    public OptionalInt retriedFrom() {
        return systemAttrs.get(FAILED_TRIAL) instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    /**
     * For a retry: the numbers of every earlier attempt at its parameters, oldest first (the original
     * trial, then each retry that died too). Empty for a trial that is no retry.
     */
    public List<Integer> retryHistory() {
        if (!(systemAttrs.get(RETRY_HISTORY) instanceof List<?> history)) {
            return List.of();
        }
        return history.stream().filter(Number.class::isInstance).map(n -> ((Number) n).intValue()).toList();
    }

    /**
     * The trial's constraint values, each satisfied when {@code <= 0}; empty when the trial has none
     * (an unconstrained study, or a trial that failed before its constraints were known).
     */
    public List<Double> constraints() {
        if (!(systemAttrs.get(CONSTRAINTS) instanceof List<?> stored)) {
            return List.of();
        }
        return stored.stream().map(c -> c instanceof Number n ? n.doubleValue() : Double.NaN).toList();
    }

    /**
     * The names of the trial's constraints, one per {@link #constraints() value}: as stored, or
     * {@code c0, c1, ...} for a trial stored without names.
     */
    public List<String> constraintNames() {
        int count = constraints().size();
        if (systemAttrs.get(CONSTRAINT_NAMES) instanceof List<?> names && names.size() == count) {
            return names.stream().map(String::valueOf).toList();
        }
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "c" + i).toList();
    }

    /** The trial's constraint values by name, in stored order; empty when it has none. */
    public Map<String, Double> namedConstraints() {
        Map<String, Double> named = new LinkedHashMap<>();
        List<Double> values = constraints();
        List<String> names = constraintNames();
        for (int i = 0; i < values.size(); i++) {
            named.put(names.get(i), values.get(i));
        }
        return named;
    }

    /**
     * The total constraint violation {@code sum(max(0, c))} (0 when every constraint holds), or
     * empty when the trial has no constraint values.
     */
    public OptionalDouble constraintViolation() {
        List<Double> constraints = constraints();
        if (constraints.isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = 0;
        for (double c : constraints) {
            total += Double.isNaN(c) ? Double.POSITIVE_INFINITY : Math.max(0, c);
        }
        return OptionalDouble.of(total);
    }

    /** The last reported step, if any. */
    public Optional<Integer> lastStep() {
        return intermediateValues.isEmpty() ? Optional.empty() : Optional.of(intermediateValues.lastKey());
    }
}
