package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hyperband, after Li et al., "Hyperband: A Novel Bandit-Based Approach to Hyperparameter
 * Optimization", JMLR 18(185), 2018, run asynchronously: each trial is assigned to one of
 * {@code n = floor(log_eta(maxResource / minResource)) + 1} brackets, and bracket {@code b} is
 * judged by its own {@link SuccessiveHalvingPruner} with minimum early-stopping rate {@code b},
 * which sees only the trials of that bracket. Bracket 0 stops trials earliest and gets the most
 * trials: bracket {@code b} receives a share {@code ceil(n * eta^s / (s + 1))} with
 * {@code s = n - 1 - b}.
 *
 * <p>The assignment is deterministic, {@code crc32(studyName + "_" + trialNumber)} modulo the
 * total budget walked through the bracket budgets, so every process agrees on it without
 * storing it.
 *
 * <p>With an automatic maximum resource, {@code maxResource} becomes the largest last step of
 * the COMPLETE trials plus one at the first pruning check after a trial completed, and stays so
 * for the study (in this process); until then nothing is pruned.
 *
 * <p>Differences from Optuna's HyperbandPruner:
 * <ul>
 *   <li>Samplers are not filtered by bracket. Optuna hands the sampler of a trial only the trials
 *       of its bracket, so a model-based sampler learns from a fraction of the history; in Osprey
 *       only pruning is per bracket, and samplers see every trial.</li>
 *   <li>The number of brackets is computed in exact integer arithmetic. Optuna's floating-point
 *       logarithm yields one bracket fewer when {@code maxResource / minResource} is certain exact
 *       powers of {@code eta} (e.g. 243 with {@code eta = 3}), which also changes the assignment.</li>
 *   <li>An automatic maximum resource below {@code minResource} yields one bracket instead of none.</li>
 * </ul>
 */
final class HyperbandPruner implements Pruner {

    private final int minResource;
    private final OptionalInt maxResource;
    private final int reductionFactor;
    private final int bootstrapCount;
    /** Brackets of an explicit maximum resource; null when it is automatic and fixed per study. */
    private final HyperbandBrackets fixedBrackets;
    /** Identifies this pruner's per-study brackets in each study's memo. */
    private final Object autoBracketsKey = new Object();

    HyperbandPruner(int minResource, OptionalInt maxResource, int reductionFactor, int bootstrapCount) {
        Checks.atLeast("minResource", minResource, 1);
        Checks.atLeast("reductionFactor", reductionFactor, 2);
        Checks.atLeast("bootstrapCount", bootstrapCount, 0);
        if (maxResource.isPresent() && maxResource.getAsInt() < minResource) {
            throw new IllegalArgumentException("maxResource must be >= minResource (" + minResource + "), but got "
                    + maxResource.getAsInt());
        }
        this.minResource = minResource;
        this.maxResource = maxResource;
        this.reductionFactor = reductionFactor;
        this.bootstrapCount = bootstrapCount;
        this.fixedBrackets = maxResource.isPresent()
                ? HyperbandBrackets.of(minResource, maxResource.getAsInt(), reductionFactor, bootstrapCount)
                : null;
    }

    @Override
    public boolean prune(StudyView study, TrialRecord trial) {
        if (trial.state() != TrialState.RUNNING) {
            return false;
        }
        Optional<HyperbandBrackets> found = brackets(study);
        if (found.isEmpty()) {
            return false;
        }
        HyperbandBrackets brackets = found.get();
        int bracket = brackets.bracketOf(study.studyName(), trial.number());
        return brackets.pruners().get(bracket).prune(new BracketStudyView(study, brackets, bracket), trial);
    }

    /** The study's brackets, or empty while an automatic maximum resource has no COMPLETE trial to come from. */
    Optional<HyperbandBrackets> brackets(StudyView study) {
        if (fixedBrackets != null) {
            return Optional.of(fixedBrackets);
        }
        AtomicReference<HyperbandBrackets> perStudy = study.memo(autoBracketsKey, AtomicReference::new);
        if (perStudy.get() == null) {
            int maxLastStep = -1;
            for (TrialRecord t : study.trials()) {
                if (t.state() == TrialState.COMPLETE && !t.intermediateValues().isEmpty()) {
                    maxLastStep = Math.max(maxLastStep, t.intermediateValues().lastKey());
                }
            }
            if (maxLastStep < 0) {
                return Optional.empty();
            }
            int autoMax = (int) Math.max(Math.min((long) maxLastStep + 1, Integer.MAX_VALUE), minResource);
            perStudy.compareAndSet(null, HyperbandBrackets.of(minResource, autoMax, reductionFactor, bootstrapCount));
        }
        return Optional.of(perStudy.get());
    }

    @Override
    public String toString() {
        return "HyperbandPruner[minResource=" + minResource + ", maxResource="
                + (maxResource.isPresent() ? maxResource.getAsInt() : "auto") + ", reductionFactor="
                + reductionFactor + ", bootstrapCount=" + bootstrapCount + "]";
    }
}
