package dev.osprey.optimizer.sampler.auto;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule that picks a trial's sampler from the study's stored trials, in this order:
 * <ol>
 *   <li>several objectives: TPE (multi-objective TPE; the GP and CMA-ES model one objective);</li>
 *   <li>a conditional space (known beforehand, or a parameter missing from some COMPLETE trial),
 *       a categorical parameter with more than {@code maxGpChoices} choices, or only categorical
 *       parameters: TPE (the GP and CMA-ES model only the parameters every trial shares, and
 *       categoricals only coarsely);</li>
 *   <li>a PRUNED trial: TPE, which ranks pruned trials by how far they got; the GP and CMA-ES
 *       learn from COMPLETE trials only, so under a pruner that stops most trials they would
 *       keep proposing where the pruner keeps stopping;</li>
 *   <li>fewer than {@code gpMaxTrials} COMPLETE trials: GP;</li>
 *   <li>otherwise CMA-ES, whose cost per trial stays flat where the GP's grows.</li>
 * </ol>
 * Every input only grows with the study, so a study moves from GP to CMA-ES or to TPE once and
 * never back.
 *
 * @param gpMaxTrials  COMPLETE trials after which CMA-ES takes over from the GP
 * @param maxGpChoices the most choices of a categorical parameter the GP is given
 * @param conditional  whether the space is known to be conditional before any trial
 */
record AutoRule(int gpMaxTrials, int maxGpChoices, boolean conditional) {

    AutoChoice choose(List<Direction> directions, List<TrialRecord> trials) {
        if (directions.size() > 1 || conditional) {
            return AutoChoice.TPE;
        }
        Set<String> shared = null;
        Set<String> all = new HashSet<>();
        boolean numeric = false;
        boolean largeCategorical = false;
        int complete = 0;
        boolean pruned = false;
        for (TrialRecord t : trials) {
            pruned |= t.state() == TrialState.PRUNED;
            if (t.state() != TrialState.COMPLETE) {
                continue;
            }
            complete++;
            all.addAll(t.params().keySet());
            if (shared == null) {
                shared = new HashSet<>(t.params().keySet());
            } else {
                shared.retainAll(t.params().keySet());
            }
            for (Distribution d : t.distributions().values()) {
                if (d instanceof CategoricalDistribution c) {
                    largeCategorical |= c.choices().size() > maxGpChoices;
                } else {
                    numeric = true;
                }
            }
        }
        if (pruned) {
            return AutoChoice.TPE;
        }
        if (complete == 0) {
            return AutoChoice.GP;
        }
        boolean categoricalOnly = !numeric && !all.isEmpty();
        if (shared.size() < all.size() || largeCategorical || categoricalOnly) {
            return AutoChoice.TPE;
        }
        return complete < gpMaxTrials ? AutoChoice.GP : AutoChoice.CMAES;
    }

    /** The rule in words, for a sweep's start line. */
    String describe() {
        if (conditional) {
            return "tpe for a conditional search space";
        }
        return "gp for the first " + gpMaxTrials + " trials, then cmaes; tpe if conditional, categorical or pruned";
    }
}
