package dev.osprey.cli;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code osprey watch} shows of a study at one instant: trials by state, the best so far,
 * throughput, the running trials with how long they have run, and the last failures. A pure
 * function of the trials and the time, so that it can be checked with any clock.
 */
final class WatchView {

    /** Throughput counts the trials finished within this window (or since the first start, if later). */
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int FAILURES_SHOWN = 3;
    static final int RUNNING_SHOWN = 10;

    private WatchView() {
    }

    static List<String> render(String study, List<Direction> directions, List<TrialRecord> trials, Instant now) {
        List<String> lines = new ArrayList<>();
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        StringBuilder states = new StringBuilder();
        for (TrialState state : TrialState.values()) {
            states.append(", ").append(state.name().toLowerCase(Locale.ROOT)).append(' ').append(counts.getOrDefault(state, 0));
        }
        lines.add("study " + study + ": " + trials.size() + " trials" + states);
        lines.add(best(directions, trials));
        lines.add(throughput(trials, now));
        List<TrialRecord> running = trials.stream().filter(t -> t.state() == TrialState.RUNNING)
                .sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        lines.add("running " + running.size() + (running.isEmpty() ? "" : ":"));
        running.stream().limit(RUNNING_SHOWN).forEach(t -> lines.add("  #" + t.number() + "  "
                + t.start().map(s -> elapsed(Duration.between(s, now))).orElse("not started") + "  " + t.paramValues()));
        if (running.size() > RUNNING_SHOWN) {
            lines.add("  ... and " + (running.size() - RUNNING_SHOWN) + " more");
        }
        List<TrialRecord> failed = trials.stream().filter(t -> t.state() == TrialState.FAIL)
                .sorted(Comparator.comparingInt(TrialRecord::number).reversed()).limit(FAILURES_SHOWN).toList();
        if (!failed.isEmpty()) {
            lines.add("last failures:");
            failed.forEach(t -> lines.add("  #" + t.number() + "  " + t.failReason().orElse("(no reason stored)")));
        }
        return lines;
    }

    private static String best(List<Direction> directions, List<TrialRecord> trials) {
        List<TrialRecord> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        if (complete.isEmpty()) {
            return "best: none yet";
        }
        if (directions.size() != 1) {
            return "best: " + complete.size() + " complete trials of " + directions.size()
                    + " objectives (osprey best shows the Pareto front)";
        }
        Direction direction = directions.get(0);
        TrialRecord best = complete.get(0);
        for (TrialRecord t : complete) {
            if (direction.isBetter(t.value(), best.value())) {
                best = t;
            }
        }
        return "best: " + Table.text(best.value()) + " (trial #" + best.number() + ")  " + best.paramValues();
    }

    private static String throughput(List<TrialRecord> trials, Instant now) {
        Optional<Instant> first = trials.stream().flatMap(t -> t.start().stream()).min(Comparator.naturalOrder());
        if (first.isEmpty()) {
            return "throughput: -";
        }
        Instant from = first.get().isAfter(now.minus(WINDOW)) ? first.get() : now.minus(WINDOW);
        long finished = trials.stream().filter(t -> t.state().isFinished())
                .filter(t -> t.end().isPresent() && !t.end().get().isBefore(from)).count();
        double minutes = Math.max(Duration.between(from, now).toMillis(), 1) / 60_000.0;
        return String.format(Locale.ROOT, "throughput: %.1f trials/min (last %s)", finished / minutes,
                elapsed(Duration.between(from, now)));
    }

    /** 42s, 3m 05s, 2h 07m. */
    static String elapsed(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
}
