package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.Map;

/**
 * Runs every point of a grid, in the grid's order, each point once: every point is claimed
 * through the storage before it runs, so concurrent workers (threads, processes, machines) on
 * one study never run a point twice, and the study stops when every point is claimed.
 *
 * <p>The work is done in passes (see {@link GridPass}): a pass runs the points that no trial has
 * completed, pruned or holds. A pass ends when the sampler reports that nothing is left; the next
 * trial asked begins a new pass, which runs again the points whose trials failed, as a resumed
 * sweep does. The seed plays no part: in a new study trial k runs point k.
 */
final class GridSampler implements Sampler {

    static final String GRID_ID = "grid_id";
    static final String GRID_KEY = "grid_key";
    /** The system attribute of an enqueued trial's parameters (set by {@code Study.enqueueTrial}). */
    static final String FIXED_PARAMS = "fixed_params";

    private static final System.Logger LOG = System.getLogger(GridSampler.class.getName());

    private final GridPoints grid;

    GridSampler(GridPoints grid) {
        this.grid = grid;
    }

    GridPoints grid() {
        return grid;
    }

    @Override
    public void beforeTrial(StudyView study, TrialRecord trial) {
        if (trial.systemAttrs().containsKey(FIXED_PARAMS) || trial.systemAttrs().containsKey(GRID_ID)) {
            return;
        }
        Passes passes = passes(study);
        GridPass pass = passes.current(grid, study);
        pass.claim(study, trial).ifPresentOrElse(claimed -> {
            study.setSystemAttr(trial, GRID_KEY, claimed.key());
            study.setSystemAttr(trial, GRID_ID, claimed.claimIndex());
        }, () -> passes.end(pass));
    }

    @Override
    public boolean hasProposalFor(StudyView study, TrialRecord trial) {
        return trial.systemAttrs().containsKey(FIXED_PARAMS) || trial.systemAttrs().containsKey(GRID_ID);
    }

    @Override
    public double sampleIndependent(StudyView study, TrialRecord trial, String name, Distribution distribution) {
        if (!(trial.systemAttrs().get(GRID_ID) instanceof Number id)) {
            if (trial.systemAttrs().containsKey(FIXED_PARAMS)) {
                throw new IllegalArgumentException("trial " + trial.number() + " was enqueued with fixed parameters"
                        + " that do not include '" + name + "'; a trial enqueued on a grid study needs every"
                        + " parameter the objective suggests");
            }
            throw new IllegalStateException("trial " + trial.number() + " holds no point of the grid: it was not"
                    + " started by this grid's sampler");
        }
        Map<String, Object> point = grid.pointOfClaim(id.intValue());
        if (!point.containsKey(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not in the grid point " + point
                    + " of trial " + trial.number() + "; the grid's parameters are " + grid.names()
                    + ": add it to the grid or fix its value");
        }
        Object value = point.get(name);
        double internal = distribution.toInternal(value);
        if (!distribution.contains(internal)) {
            LOG.log(System.Logger.Level.WARNING, "grid value {0} of ''{1}'' lies outside {2}; it is used as given",
                    value, name, distribution);
        }
        return internal;
    }

    @Override
    public boolean isExhausted(StudyView study) {
        Passes passes = passes(study);
        GridPass pass = passes.current(grid, study);
        if (pass.isExhausted(study)) {
            passes.end(pass);
            return true;
        }
        return false;
    }

    /** Grid samplers over the same points in the same order are interchangeable. */
    @Override
    public boolean equals(Object other) {
        return other instanceof GridSampler sampler && sampler.grid.equals(grid);
    }

    @Override
    public int hashCode() {
        return grid.hashCode();
    }

    @Override
    public String toString() {
        return "grid sampler (" + grid + ")";
    }

    private Passes passes(StudyView study) {
        return study.memo(new PassesOf(grid), Passes::new);
    }

    /** The memo key of a study object's passes over one grid. */
    private record PassesOf(GridPoints grid) {
    }

    /** A study object's current pass over the grid, begun on first use after the last one ended. */
    private static final class Passes {
        private GridPass current;

        synchronized GridPass current(GridPoints grid, StudyView study) {
            if (current == null) {
                current = GridPass.begin(grid, study);
            }
            return current;
        }

        synchronized void end(GridPass pass) {
            if (current == pass) {
                current = null;
            }
        }
    }
}
