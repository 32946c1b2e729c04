package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.internal.Feasibility;
import dev.osprey.optimizer.internal.Rngs;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NSGA-II's generations, derived from trial numbers: generation {@code g} is the trials numbered
 * {@code g P} to {@code (g + 1) P - 1} for a population size {@code P}. Trial numbers are unique
 * and gap-free under any number of workers, so every worker sees the same generations without
 * storing anything, a resumed study continues them, and trials run by another sampler or enqueued
 * take part like any other.
 *
 * <p>The parents of generation {@code g} are the survivors ({@link EliteSelection}: NSGA-II's
 * {@link Survival} or NSGA-III's {@link Nsga3Survival}, the latter's random choices seeded by study
 * and generation) of the COMPLETE
 * trials of generation {@code g - 1} together with the parents of {@code g - 1} (the
 * {@code mu + lambda} elitism of NSGA-II); generation 0 has none. Parents are cached once final:
 * when every trial of the generations before has finished, since finished trials never change.
 */
final class Generations {

    private final int populationSize;
    private final List<Direction> directions;
    private final EliteSelection selection;
    private final long seed;
    private final Map<Integer, List<TrialRecord>> settled = new ConcurrentHashMap<>();

    Generations(int populationSize, List<Direction> directions, EliteSelection selection, long seed) {
        this.populationSize = populationSize;
        this.directions = List.copyOf(directions);
        this.selection = selection;
        this.seed = seed;
    }

    /** The generation a trial belongs to. */
    int of(int trialNumber) {
        return trialNumber / populationSize;
    }

    /**
     * The parents of {@code generation} as {@code trials} have it now.
     *
     * @param trials every trial of the study, ordered by number (a trial's index is its number)
     */
    List<TrialRecord> parents(int generation, List<TrialRecord> trials) {
        int start = generation;
        while (start > 0 && !settled.containsKey(start)) {
            start--;
        }
        List<TrialRecord> parents = start == 0 ? List.of() : settled.get(start);
        boolean isFinal = true;
        for (int g = start + 1; g <= generation; g++) {
            List<TrialRecord> pool = new ArrayList<>(parents);
            int first = (g - 1) * populationSize;
            int end = g * populationSize;
            for (int number = first; number < end; number++) {
                TrialRecord t = numbered(trials, number);
                if (t == null || !t.state().isFinished()) {
                    isFinal = false;
                } else if (t.state() == TrialState.COMPLETE) {
                    pool.add(t);
                }
            }
            // constrained when any member of the pool carries constraints: decided by what the
            // generation holds, so that a cached generation never depends on later trials
            parents = List.copyOf(selection.select(pool, populationSize, directions, Feasibility.isConstrained(pool),
                    Rngs.forTrial(seed, g, "nsga-survival")));
            if (isFinal) {
                settled.put(g, parents);
            }
        }
        return parents;
    }

    /** The trial with that number: at its index, as numbers are gap-free from 0; else found by search. */
    private static TrialRecord numbered(List<TrialRecord> trials, int number) {
        if (number < trials.size() && trials.get(number).number() == number) {
            return trials.get(number);
        }
        int lo = 0;
        int hi = trials.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int n = trials.get(mid).number();
            if (n == number) {
                return trials.get(mid);
            }
            if (n < number) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }
}
