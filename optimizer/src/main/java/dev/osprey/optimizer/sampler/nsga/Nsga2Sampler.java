package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.internal.Feasibility;
import dev.osprey.optimizer.internal.Rngs;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * NSGA-II (Deb, Pratap, Agarwal and Meyarivan, "A Fast and Elitist Multiobjective Genetic
 * Algorithm: NSGA-II", IEEE TEVC 6(2), 2002) after Optuna 3.1's {@code NSGAIISampler}, with its
 * crossovers ({@link Crossover}). Generation 0 is a Latin hypercube ({@link LatinHypercube}).
 * Each later trial is a child of the parents of its generation ({@link Generations}): with
 * probability {@code crossoverProb} it mixes as many parents as its crossover needs, each the
 * winner of a binary tournament; otherwise it copies one parent. Each parameter is then dropped
 * with probability {@code mutationProb}, so that it is drawn afresh at random.
 *
 * <p>Two things differ from Optuna 3.1, both from the NSGA-II paper's side: the tournament is
 * Deb's crowded comparison ({@link CrowdedTournament}: rank, then crowding distance), where
 * Optuna's returns the first candidate only if it dominates the second, so that two
 * non-dominated candidates are a coin toss; and the first generation is stratified rather than
 * independent draws. Both raised the hypervolume on ZDT1, ZDT2, DTLZ2 and C2-DTLZ2 at 300 and
 * 1,000 trials (the benchmarks' {@code multiobjective} suite); {@link
 * Nsga2Parameters#withOptunaParity(boolean)} restores Optuna's.
 *
 * <p>The joint space is the parameters every COMPLETE trial has with one distribution; others are
 * drawn at random. Generations come from trial numbers rather than from an attribute stored per
 * trial as in Optuna, so parallel workers and resumed studies need no writes. Works with one
 * objective as well as several.
 */
final class Nsga2Sampler implements Sampler {

    private final Nsga2Parameters parameters;
    private final EliteSelection selection;
    private final String name;
    private final Sampler random = Samplers.random();
    private final LatinHypercube lhs;

    /** NSGA-II. */
    Nsga2Sampler(Nsga2Parameters parameters) {
        this(parameters, (pool, size, directions, constrained, rng) ->
                Survival.select(pool, size, directions, constrained), "Nsga2Sampler" + parameters);
    }

    /** A genetic sampler with NSGA-II's child generation and another survival (NSGA-III's). */
    Nsga2Sampler(Nsga2Parameters parameters, EliteSelection selection, String name) {
        this.parameters = parameters;
        this.lhs = new LatinHypercube(parameters.populationSize());
        this.selection = selection;
        this.name = name;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, TrialRecord trial) {
        return study.memo(List.of(this, "joint-space"), JointSpace::new).of(study.trials());
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, TrialRecord trial, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return Map.of();
        }
        Generations generations = study.memo(this,
                () -> new Generations(parameters.populationSize(), study.directions(), selection, study.seed()));
        List<TrialRecord> parents = generations.parents(generations.of(trial.number()), study.trials());
        if (parents.isEmpty()) {
            return Map.of();
        }
        boolean constrained = Feasibility.isConstrained(parents);
        SplittableRandom rng = Rngs.forTrial(study.seed(), trial.number(), "nsga2");
        Map<String, Double> child = new LinkedHashMap<>();
        if (rng.nextDouble() < parameters.crossoverProb() && parents.size() >= parameters.crossover().parents()) {
            child = crossover(study, parents, space, constrained, rng);
        } else {
            TrialRecord parent = parents.get(rng.nextInt(parents.size()));
            for (Map.Entry<String, Distribution> e : space.entrySet()) {
                inherit(child, parent, e.getKey(), e.getValue());
            }
        }
        double mutation = parameters.mutationProb().orElse(1.0 / Math.max(1, child.size()));
        Map<String, Double> kept = new LinkedHashMap<>();
        child.forEach((name, value) -> {
            if (rng.nextDouble() >= mutation) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /**
     * A child of parents chosen by tournament: categorical parameters by uniform crossover between
     * the first and the last parent, numeric ones by the crossover in {@link ChildSpace}. A child
     * with a continuous value below its bounds is thrown away and other parents are chosen, as in
     * Optuna; unlike Optuna's unbounded loop, after {@value #ATTEMPTS} attempts the last child's
     * values are clipped into their bounds.
     */
    private Map<String, Double> crossover(StudyView study, List<TrialRecord> parents, Map<String, Distribution> space,
                                          boolean constrained, SplittableRandom rng) {
        Crossover crossover = parameters.crossover();
        CrowdedTournament crowded = parameters.optunaParity() ? null : tournamentOf(parents, study, constrained);
        ChildSpace numeric = new ChildSpace(space);
        double[][] bounds = numeric.bounds();
        boolean multiObjective = study.directions().size() > 1;
        Map<String, Double> child = new LinkedHashMap<>();
        for (int attempt = 1; ; attempt++) {
            List<TrialRecord> chosen = new ArrayList<>();
            for (int k = 0; k < crossover.parents(); k++) {
                chosen.add(crowded != null ? crowded.pick(parents, chosen, rng)
                        : tournament(study, parents, chosen, constrained, rng));
            }
            child.clear();
            TrialRecord first = chosen.get(0);
            TrialRecord last = chosen.get(chosen.size() - 1);
            space.forEach((name, distribution) -> {
                if (distribution instanceof CategoricalDistribution) {
                    inherit(child, rng.nextDouble() < parameters.swappingProb() ? first : last, name, distribution);
                }
            });
            List<String> names = numeric.names();
            double[][] genes = new double[chosen.size()][names.size()];
            List<Integer> usable = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                boolean all = true;
                for (int k = 0; k < chosen.size(); k++) {
                    Param p = chosen.get(k).params().get(names.get(i));
                    all &= p != null && p.distribution().equals(space.get(names.get(i)));
                    genes[k][i] = all ? numeric.forward(i, p.internal()) : Double.NaN;
                }
                if (all) {
                    usable.add(i);
                }
            }
            double[] crossed = crossover.cross(genes, bounds, parameters.swappingProb(), multiObjective, rng);
            boolean inBounds = true;
            for (int i : usable) {
                double value = numeric.backward(i, crossed[i]);
                if (Double.isNaN(value)) {
                    inBounds = false;
                    value = numeric.clipped(i, crossed[i]);
                }
                child.put(names.get(i), value);
            }
            if (inBounds || attempt == ATTEMPTS) {
                return child;
            }
        }
    }

    private static final int ATTEMPTS = 100;

    /** The last parents' ranks and distances: a settled generation's parents are one list, asked for again and again. */
    private volatile Map.Entry<List<TrialRecord>, CrowdedTournament> lastTournament;

    private CrowdedTournament tournamentOf(List<TrialRecord> parents, StudyView study, boolean constrained) {
        Map.Entry<List<TrialRecord>, CrowdedTournament> last = lastTournament;
        if (last != null && last.getKey() == parents) {
            return last.getValue();
        }
        CrowdedTournament made = new CrowdedTournament(parents, study.directions(), constrained);
        lastTournament = Map.entry(parents, made);
        return made;
    }

    /**
     * Optuna 3.1's binary tournament: of two parents drawn at random (other than those already
     * {@code chosen}), the first if it dominates the second, else the second.
     */
    private static TrialRecord tournament(StudyView study, List<TrialRecord> parents, List<TrialRecord> chosen,
                                          boolean constrained, SplittableRandom rng) {
        List<TrialRecord> pool = parents.stream().filter(p -> !chosen.contains(p)).toList();
        if (pool.isEmpty()) {
            pool = parents;
        }
        TrialRecord a = pool.get(rng.nextInt(pool.size()));
        TrialRecord b = pool.get(rng.nextInt(pool.size()));
        return Survival.dominates(a, b, study.directions(), constrained) ? a : b;
    }

    /** The parent's value of {@code name}, if it has one from the same distribution (else it is drawn at random). */
    private static void inherit(Map<String, Double> child, TrialRecord parent, String name, Distribution distribution) {
        Param p = parent.params().get(name);
        if (p != null && p.distribution().equals(distribution)) {
            child.put(name, p.internal());
        }
    }

    @Override
    public double sampleIndependent(StudyView study, TrialRecord trial, String name, Distribution distribution) {
        if (!parameters.optunaParity() && lhs.covers(trial.number(), distribution)) {
            return lhs.value(study.seed(), trial.number(), name, distribution);
        }
        return random.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public String toString() {
        return name;
    }
}
