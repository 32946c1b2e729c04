package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.internal.Rngs;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;

import java.util.random.RandomGenerator;

/**
 * Independent uniform sampling. Each value is drawn from a generator derived from (study seed,
 * trial number, parameter name), so a trial's values do not depend on which worker runs it or
 * on the order of its suggestions. Stepped and integer ranges give each grid point equal mass;
 * log ranges are uniform in {@code log(x)}.
 */
final class RandomSampler implements Sampler {

    @Override
    public double sampleIndependent(StudyView study, TrialRecord trial, String name, Distribution distribution) {
        return sample(distribution, Rngs.forTrial(study.seed(), trial.number(), name));
    }

    /** A uniform draw from {@code distribution}, in its internal representation. */
    static double sample(Distribution distribution, RandomGenerator rng) {
        return switch (distribution) {
            case FloatDistribution f -> {
                if (f.step() != null) {
                    yield stepped(f.low(), f.high(), f.step(), rng);
                }
                if (f.log()) {
                    double x = Math.exp(uniform(Math.log(f.low()), Math.log(f.high()), rng));
                    yield Math.min(Math.max(x, f.low()), f.high());
                }
                yield uniform(f.low(), f.high(), rng);
            }
            case IntDistribution i -> {
                if (i.log()) {
                    double x = Math.exp(uniform(Math.log(i.low() - 0.5), Math.log(i.high() + 0.5), rng));
                    yield Math.min(Math.max(Math.rint(x), i.low()), i.high());
                }
                yield stepped(i.low(), i.high(), i.step(), rng);
            }
            case CategoricalDistribution c -> rng.nextInt(c.choices().size());
        };
    }

    private static double uniform(double low, double high, RandomGenerator rng) {
        if (low == high) {
            return low;
        }
        double u = rng.nextDouble();
        double range = high - low;
        double x = Double.isFinite(range) ? low + u * range
                : (low / 2 + u * (high / 2 - low / 2)) * 2; // a range wider than Double.MAX_VALUE
        return Math.min(x, Math.nextDown(high));
    }

    private static double stepped(double low, double high, double step, RandomGenerator rng) {
        double x = uniform(low - step / 2, high + step / 2, rng);
        double snapped = low + Math.floor((x - low) / step + 0.5) * step;
        return Math.min(Math.max(snapped, low), high);
    }
}
