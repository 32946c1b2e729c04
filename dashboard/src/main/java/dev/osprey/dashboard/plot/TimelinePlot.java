package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optuna's timeline, drawn per worker: each trial is a bar from its start to its end, coloured by
 * state, on the lane of the worker that ran it (its {@value #WORKER_ATTR} user attribute), or, for
 * trials that name no worker, on the first lane free at its start. Missing times follow Optuna: no
 * start takes the latest time; a RUNNING trial reaches "now" (or the latest time plus a second when
 * it started more than five times the longest finished duration ago, as a dead worker's trial); any
 * other trial without an end lasts a second. Only the latest {@link #MAX_TRIALS} trials are drawn.
 */
final class TimelinePlot {

    static final String WORKER_ATTR = "osprey.driver";
    static final int MAX_TRIALS = 1000;
    private static final Map<TrialState, String> COLORS = Map.of(TrialState.COMPLETE, "#1f77b4",
            TrialState.FAIL, "#d62728", TrialState.PRUNED, "#ff7f0e", TrialState.RUNNING, "#2ca02c",
            TrialState.WAITING, "#7f7f7f");

    private TimelinePlot() {
    }

    static Chart of(PlotRequest request) {
        List<TrialRecord> trials = request.trials();
        List<String> notes = new ArrayList<>();
        if (trials.size() > MAX_TRIALS) {
            notes.add("the latest " + MAX_TRIALS + " of " + trials.size() + " trials");
            trials = trials.subList(trials.size() - MAX_TRIALS, trials.size());
        }
        if (trials.isEmpty()) {
            return Chart.empty("Timeline Plot", "no trial yet");
        }
        Instant max = maxTime(trials, request.now());
        record Bar(TrialRecord trial, long start, long end) {
        }
        List<Bar> bars = new ArrayList<>();
        for (TrialRecord trial : trials) {
            Instant start = trial.start().orElse(max);
            Instant end = trial.end().orElse(trial.state() == TrialState.RUNNING ? max.plusSeconds(1)
                    : start.plusSeconds(1));
            bars.add(new Bar(trial, start.toEpochMilli(), Math.max(end.toEpochMilli(), start.toEpochMilli())));
        }
        bars.sort(Comparator.comparingLong(Bar::start));
        Map<String, Integer> lanes = new LinkedHashMap<>();
        List<Long> freeLaneEnds = new ArrayList<>();
        Map<TrialState, List<double[]>> byState = new LinkedHashMap<>();
        for (Bar bar : bars) {
            int lane;
            if (bar.trial().userAttrs().get(WORKER_ATTR) instanceof String worker) {
                lane = lanes.computeIfAbsent(worker, w -> lanes.size());
            } else {
                int free = -1;
                for (int i = 0; i < freeLaneEnds.size() && free < 0; i++) {
                    if (freeLaneEnds.get(i) <= bar.start()) {
                        free = i;
                    }
                }
                if (free < 0) {
                    freeLaneEnds.add(bar.end());
                    free = freeLaneEnds.size() - 1;
                    lanes.put("lane " + (free + 1), lanes.size());
                } else {
                    freeLaneEnds.set(free, bar.end());
                }
                lane = lanes.get("lane " + (free + 1));
            }
            byState.computeIfAbsent(bar.trial().state(), s -> new ArrayList<>())
                    .add(new double[] {lane, bar.start(), bar.end(), bar.trial().number()});
        }
        List<Series> series = new ArrayList<>();
        for (TrialState state : TrialState.values()) {
            List<double[]> rows = byState.get(state);
            if (rows == null) {
                continue;
            }
            series.add(new Series.Spans(state.name(), rows.stream().mapToDouble(r -> r[0]).toArray(),
                    rows.stream().mapToDouble(r -> r[1]).toArray(), rows.stream().mapToDouble(r -> r[2]).toArray(),
                    rows.stream().mapToInt(r -> (int) r[3]).toArray(), COLORS.get(state)));
        }
        return new Chart("Timeline Plot", Axis.of("Datetime", Scale.TIME),
                Axis.categories("Worker", List.copyOf(lanes.keySet())), series, notes);
    }

    private static Instant maxTime(List<TrialRecord> trials, Instant now) {
        Instant latestEnd = null;
        Duration longest = Duration.ZERO;
        Instant latestRunningStart = null;
        for (TrialRecord trial : trials) {
            if (trial.end().isPresent()) {
                latestEnd = latestEnd == null || trial.end().get().isAfter(latestEnd) ? trial.end().get() : latestEnd;
                if (trial.start().isPresent()) {
                    Duration took = Duration.between(trial.start().get(), trial.end().get());
                    longest = took.compareTo(longest) > 0 ? took : longest;
                }
            }
            if (trial.state() == TrialState.RUNNING && trial.start().isPresent()
                    && (latestRunningStart == null || trial.start().get().isAfter(latestRunningStart))) {
                latestRunningStart = trial.start().get();
            }
        }
        if (latestRunningStart != null
                && (latestEnd == null || Duration.between(latestRunningStart, now).compareTo(longest.multipliedBy(5)) < 0)) {
            return now;
        }
        return latestEnd != null ? latestEnd : now;
    }
}
