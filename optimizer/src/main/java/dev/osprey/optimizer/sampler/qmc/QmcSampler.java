package dev.osprey.optimizer.sampler.qmc;

import dev.osprey.optimizer.internal.Rngs;
import dev.osprey.optimizer.internal.UnitScale;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Quasi-Monte Carlo sampling as Optuna's {@code QMCSampler} does it: the joint space is the
 * <em>initial</em> search space, the parameters of the study's first COMPLETE trial (by number)
 * with more than one value, in name order; trial {@code n} takes point {@code n} of the sequence
 * over that space, scaled onto each distribution ({@link UnitScale}; a categorical takes choice
 * {@code floor(u C)} of its {@code C} choices, where Optuna spends one dimension per choice).
 * Every other parameter, and every parameter of the trials before the first COMPLETE one, is drawn
 * at random ({@link Samplers#random()}).
 *
 * <p>A trial's point depends only on the study seed (which draws the scrambling) and its number,
 * never on the order in which workers ask: where Optuna counts the points handed out in a study
 * attribute, this sampler uses the trial number, so that any number of workers and any resume get
 * the same design with no write.
 */
final class QmcSampler implements Sampler {

    private final QmcType type;
    private final boolean scramble;
    private final Sampler random = Samplers.random();

    QmcSampler(QmcType type, boolean scramble) {
        this.type = type;
        this.scramble = scramble;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, TrialRecord trial) {
        InitialSpace initial = study.memo(new InitialSpaceKey(this), InitialSpace::new);
        Map<String, Distribution> space = initial.space;
        if (space == null) {
            for (TrialRecord t : study.trials()) {
                if (t.state() == TrialState.COMPLETE) {
                    Map<String, Distribution> found = new TreeMap<>(t.distributions());
                    found.values().removeIf(Distribution::isSingle);
                    initial.space = space = found;
                    break;
                }
            }
        }
        return space == null ? Map.of() : space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, TrialRecord trial, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return Map.of();
        }
        List<String> names = new ArrayList<>(space.keySet());
        Sequence sequence = study.memo(new SequenceKey(this, names.size()), () -> sequence(study.seed(), names.size()));
        double[] u = sequence.point(trial.number());
        Map<String, Double> values = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            values.put(names.get(j), scale(space.get(names.get(j)), u[j]));
        }
        return values;
    }

    private static double scale(Distribution distribution, double u) {
        if (distribution instanceof CategoricalDistribution c) {
            return Math.min(c.choices().size() - 1, (int) Math.floor(u * c.choices().size()));
        }
        return new UnitScale(distribution, true).fromUnit(u);
    }

    private Sequence sequence(long seed, int dimension) {
        SplittableRandom rng = Rngs.forTrial(seed, 0, "qmc:" + type + ":scramble");
        return switch (type) {
            case SOBOL -> {
                SobolSequence s = scramble ? SobolSequence.scrambled(dimension, rng) : SobolSequence.plain(dimension);
                yield index -> s.point(index % (1L << SobolSequence.BITS));
            }
            case HALTON -> {
                HaltonSequence h = scramble ? HaltonSequence.scrambled(dimension, rng) : HaltonSequence.plain(dimension);
                yield h::point;
            }
        };
    }

    @Override
    public double sampleIndependent(StudyView study, TrialRecord trial, String name, Distribution distribution) {
        return random.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public String toString() {
        return "QmcSampler[" + type + (scramble ? ", scrambled" : "") + "]";
    }

    private interface Sequence {
        double[] point(long index);
    }

    /** The study's initial space, once found (it never changes after). */
    private static final class InitialSpace {
        volatile Map<String, Distribution> space;
    }

    private record InitialSpaceKey(QmcSampler sampler) {
    }

    private record SequenceKey(QmcSampler sampler, int dimension) {
    }
}
