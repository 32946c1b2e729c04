package dev.osprey.sweeper;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.space.Distribution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Walks a grid in order, skipping the points the study already completed or pruned (a resumed sweep). */
final class GridCursor {

    private final Map<String, Distribution> space;
    private final List<Map<String, Object>> todo = new ArrayList<>();
    private int next;

    GridCursor(SweepPlan.Grid grid, List<TrialRecord> stored) {
        this.space = grid.space();
        Set<Map<String, Object>> done = new HashSet<>();
        for (TrialRecord trial : stored) {
            if (trial.state() == TrialState.COMPLETE || trial.state() == TrialState.PRUNED) {
                done.add(trial.paramValues());
            }
        }
        for (Map<String, Object> point : grid.points()) {
            if (!done.contains(point)) {
                todo.add(point);
            }
        }
    }

    Map<String, Distribution> space() {
        return space;
    }

    Optional<Map<String, Object>> next() {
        return next < todo.size() ? Optional.of(todo.get(next++)) : Optional.empty();
    }

    int remaining() {
        return todo.size() - next;
    }
}
