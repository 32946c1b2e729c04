package dev.osprey.dashboard.internal.web;

import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One page of the trial table: trials filtered by state and by a parameter's range, sorted by
 * number, state, a value or a parameter, and cut to the page, on the server so that a page of a
 * 100,000-trial study sends 50 rows.
 *
 * @param states the states shown (all when empty)
 * @param param  the parameter whose range filters, or null
 * @param sort   "number", "state", "value" (the first objective) or "param:NAME"
 */
record TrialQuery(Set<TrialState> states, String param, double min, double max, String sort, boolean descending,
                  int page, int size) {

    static final int MAX_SIZE = 500;

    TrialQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a table page holds 1 to " + MAX_SIZE + " trials, but size=" + size);
        }
        if (page < 0) {
            throw new IllegalArgumentException("pages count from 0, but page=" + page);
        }
        if (!(sort.equals("number") || sort.equals("state") || sort.equals("value") || sort.startsWith("param:"))) {
            throw new IllegalArgumentException("sort by number, state, value or param:NAME, not '" + sort + "'");
        }
    }

    static TrialQuery parse(Map<String, String> query) {
        Set<TrialState> states = EnumSet.noneOf(TrialState.class);
        String stateList = query.getOrDefault("state", "");
        for (String state : stateList.split(",")) {
            if (!state.isBlank()) {
                try {
                    states.add(TrialState.valueOf(state.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown trial state '" + state + "' in state=" + stateList
                            + "; expected WAITING, RUNNING, COMPLETE, PRUNED or FAIL");
                }
            }
        }
        String param = query.get("param");
        return new TrialQuery(states, param == null || param.isBlank() ? null : param,
                number(query, "min", Double.NEGATIVE_INFINITY), number(query, "max", Double.POSITIVE_INFINITY),
                query.getOrDefault("sort", "number"), Boolean.parseBoolean(query.getOrDefault("desc", "false")),
                (int) number(query, "page", 0), (int) number(query, "size", 50));
    }

    private static double number(Map<String, String> query, String key, double otherwise) {
        String text = query.get(key);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, but got '" + text + "'");
        }
    }

    record Page(int total, List<TrialRecord> rows) {
    }

    Page apply(List<TrialRecord> trials) {
        List<TrialRecord> kept = trials.stream().filter(this::keeps).sorted(order()).toList();
        int from = Math.min(page * size, kept.size());
        return new Page(kept.size(), kept.subList(from, Math.min(from + size, kept.size())));
    }

    private boolean keeps(TrialRecord trial) {
        if (!states.isEmpty() && !states.contains(trial.state())) {
            return false;
        }
        if (param == null) {
            return true;
        }
        double v = numeric(trial, param);
        return v >= min && v <= max;
    }

    private Comparator<TrialRecord> order() {
        Comparator<TrialRecord> order = switch (sort) {
            case "number" -> Comparator.comparingInt(TrialRecord::number);
            case "state" -> Comparator.comparing(TrialRecord::state);
            case "value" -> Comparator.comparingDouble(t -> t.values().isEmpty() ? Double.NaN : t.values().get(0));
            default -> Comparator.comparingDouble(t -> numeric(t, sort.substring("param:".length())));
        };
        order = order.thenComparingInt(TrialRecord::number);
        return descending ? order.reversed() : order;
    }

    /** A parameter as a number: its value if numeric, else its internal value (a choice's index); NaN if absent. */
    private static double numeric(TrialRecord trial, String name) {
        Param p = trial.params().get(name);
        if (p == null) {
            return Double.NaN;
        }
        return p.value() instanceof Number n ? n.doubleValue() : p.internal();
    }
}
