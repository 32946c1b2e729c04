package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.space.PlainValues;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pass of a study object over a grid: the points it may claim, fixed when the pass begins.
 *
 * <p>A point is left out of the pass when a trial holds its values (COMPLETE, PRUNED or RUNNING,
 * or WAITING with them as fixed parameters: a retry, an enqueued trial), or when its claim is held
 * by a trial that has not failed. A point whose claim is held by a trial that had failed when the
 * pass began is claimed again as its next attempt, under the grid's key with {@code /retry-N}
 * appended: concurrent passes that saw the same failure run the point once between them, and a
 * point that fails during a pass waits for the next pass.
 *
 * <p>Trial k prefers point k (modulo the grid's size). A trial whose preferred point is taken
 * claims the first open point in run order, but not one reserved by a trial that has started and
 * not yet claimed: a worker descheduled between starting trial k and claiming point k still runs
 * point k, so a trial's point does not depend on how the workers were scheduled.
 */
final class GridPass {

    /** A point this pass may claim: its position in run order, and the key and index of its claim. */
    record Candidate(int point, String key, int claimIndex) {
    }

    private final GridPoints grid;
    private final Map<Integer, Candidate> byPoint = new HashMap<>();
    /** The candidates not yet known to be claimed, in run order. */
    private final Set<Candidate> open = new LinkedHashSet<>();

    private GridPass(GridPoints grid) {
        this.grid = grid;
    }

    /** Begins a pass over {@code grid} from the study as it is now. */
    static GridPass begin(GridPoints grid, StudyView study) {
        List<TrialRecord> trials = study.trials();
        Map<Long, TrialState> stateById = new HashMap<>();
        trials.forEach(t -> stateById.put(t.id(), t.state()));
        Set<Object> valuesHeld = valuesHeld(trials);
        Map<String, Map<Integer, Long>> claimsByKey = new HashMap<>();
        GridPass pass = new GridPass(grid);
        for (int point = 0; point < grid.size(); point++) {
            if (valuesHeld.contains(grid.points().get(point))) {
                continue;
            }
            int index = grid.claimIndex(point);
            for (int attempt = 0; ; attempt++) {
                String key = keyOf(grid, attempt);
                Long holder = claimsByKey.computeIfAbsent(key, study::gridClaims).get(index);
                if (holder == null) {
                    Candidate candidate = new Candidate(point, key, index);
                    pass.byPoint.put(point, candidate);
                    pass.open.add(candidate);
                    break;
                }
                // a trial that is not among those read started after the read: it is not a failure seen
                if (stateById.get(holder) != TrialState.FAIL) {
                    break;
                }
            }
        }
        return pass;
    }

    /** The claim key of a point's attempt: the grid's key, then a suffix for each retry. */
    static String keyOf(GridPoints grid, int attempt) {
        return attempt == 0 ? grid.key() : grid.key() + "/retry-" + attempt;
    }

    /** The parameter values of trials that ran, run or wait to run, in their plain form. */
    private static Set<Object> valuesHeld(List<TrialRecord> trials) {
        Set<Object> held = new HashSet<>();
        for (TrialRecord trial : trials) {
            switch (trial.state()) {
                case COMPLETE, PRUNED, RUNNING -> held.add(PlainValues.normalize(trial.paramValues()));
                case WAITING -> {
                    if (trial.systemAttrs().get(GridSampler.FIXED_PARAMS) instanceof Map<?, ?> fixed) {
                        held.add(PlainValues.normalize(fixed));
                    }
                }
                case FAIL -> {
                    // its point is run again, unless another trial holds it
                }
            }
        }
        return held;
    }

    /**
     * Claims a point for {@code trial}: the point at its number (so that in a new study trial k
     * runs point k whatever the parallelism), else the first open point in run order.
     */
    synchronized Optional<Candidate> claim(StudyView study, TrialRecord trial) {
        Candidate preferred = byPoint.get(Math.floorMod(trial.number(), grid.size()));
        if (preferred != null && open.remove(preferred) && study.claimGridPoint(preferred.key(),
                preferred.claimIndex(), trial)) {
            return Optional.of(preferred);
        }
        dropClaimed(study);
        Set<Integer> reserved = reservedPoints(study, trial);
        for (Iterator<Candidate> it = open.iterator(); it.hasNext(); ) {
            Candidate candidate = it.next();
            if (reserved.contains(candidate.point())) {
                continue;
            }
            it.remove(); // claimed now, by this trial or by another worker
            if (study.claimGridPoint(candidate.key(), candidate.claimIndex(), trial)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether no point of this pass is left for a new trial: every point is claimed, by any
     * worker, or reserved by a started trial that will claim it.
     */
    synchronized boolean isExhausted(StudyView study) {
        dropClaimed(study);
        if (open.isEmpty()) {
            return true;
        }
        Set<Integer> reserved = reservedPoints(study, null);
        return open.stream().allMatch(c -> reserved.contains(c.point()));
    }

    /**
     * The open points that started trials other than {@code claimer} prefer and have not claimed
     * yet: a RUNNING trial that holds no claim and no fixed parameters is between its start and
     * its claim (or died there, and holds its point until it is failed, as a claim would).
     */
    private Set<Integer> reservedPoints(StudyView study, TrialRecord claimer) {
        Set<Integer> reserved = new HashSet<>();
        Set<Integer> seen = new HashSet<>();
        for (TrialRecord other : study.trials()) {
            seen.add(other.number());
            if (other.state() != TrialState.RUNNING || (claimer != null && other.id() == claimer.id())
                    || other.systemAttrs().containsKey(GridSampler.GRID_ID)
                    || other.systemAttrs().containsKey(GridSampler.FIXED_PARAMS)) {
                continue;
            }
            Candidate preferred = byPoint.get(Math.floorMod(other.number(), grid.size()));
            if (preferred != null && open.contains(preferred)) {
                reserved.add(preferred.point());
            }
        }
        if (claimer != null) {
            // trial numbers are gap-free: a lower number this view has not seen yet is a trial another
            // worker started after this view was read, which reserves its point all the same
            for (int number = 0; number < claimer.number(); number++) {
                Candidate preferred = byPoint.get(Math.floorMod(number, grid.size()));
                if (!seen.contains(number) && preferred != null && open.contains(preferred)) {
                    reserved.add(preferred.point());
                }
            }
        }
        return reserved;
    }

    /** Forgets the open points that some worker claimed: claims are never taken back. */
    private void dropClaimed(StudyView study) {
        Map<String, Set<Integer>> claimed = new HashMap<>();
        open.removeIf(c -> claimed.computeIfAbsent(c.key(), k -> study.gridClaims(k).keySet())
                .contains(c.claimIndex()));
    }
}
