package dev.osprey.optimizer.sampler.qmc;

import java.util.random.RandomGenerator;

/**
 * The Halton sequence (J. H. Halton, "On the efficiency of certain quasi-random sequences of points
 * in evaluating multi-dimensional integrals", Numer. Math. 2, 1960): dimension {@code j} is the
 * radical inverse of the point's index in the {@code j}-th prime base. Scrambling permutes the digits
 * of each base at each position with its own random permutation (Owen's random permutation
 * scramble, "A randomized Halton algorithm in R", 2017), as SciPy's {@code scipy.stats.qmc.Halton}
 * does with {@code scramble=True}, using as many digits as a double resolves. Unscrambled, the first
 * point is the origin, as in SciPy.
 */
final class HaltonSequence {

    private final int[] bases;
    /** {@code permutations[j][k]}: the permutation of digit position k of dimension j; null unscrambled. */
    private final int[][][] permutations;

    private HaltonSequence(int[] bases, int[][][] permutations) {
        this.bases = bases;
        this.permutations = permutations;
    }

    static HaltonSequence plain(int dimension) {
        return new HaltonSequence(primes(dimension), null);
    }

    static HaltonSequence scrambled(int dimension, RandomGenerator rng) {
        int[] bases = primes(dimension);
        int[][][] permutations = new int[dimension][][];
        for (int j = 0; j < dimension; j++) {
            int base = bases[j];
            int digits = (int) Math.ceil(54 / (Math.log(base) / Math.log(2))) - 1;
            permutations[j] = new int[digits][];
            for (int k = 0; k < digits; k++) {
                int[] p = new int[base];
                for (int i = 0; i < base; i++) {
                    p[i] = i;
                }
                for (int i = base - 1; i > 0; i--) { // Fisher-Yates
                    int r = rng.nextInt(i + 1);
                    int t = p[i];
                    p[i] = p[r];
                    p[r] = t;
                }
                permutations[j][k] = p;
            }
        }
        return new HaltonSequence(bases, permutations);
    }

    /** The prime base of each dimension: 2, 3, 5, 7, ... */
    int[] bases() {
        return bases.clone();
    }

    /** Point {@code index} (0-based) of the sequence, each coordinate in {@code [0, 1)}. */
    double[] point(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("a Halton point index must be >= 0, but got " + index);
        }
        double[] x = new double[bases.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.min(radicalInverse(j, index), Math.nextDown(1.0));
        }
        return x;
    }

    private double radicalInverse(int j, long index) {
        int base = bases[j];
        double inverse = 1.0 / base;
        double scale = inverse;
        double sum = 0;
        long n = index;
        if (permutations == null) {
            while (n > 0) {
                sum += (n % base) * scale;
                n /= base;
                scale *= inverse;
            }
            return sum;
        }
        for (int[] p : permutations[j]) { // every position, also past the index's last digit (its zeros permute too)
            sum += p[(int) (n % base)] * scale;
            n /= base;
            scale *= inverse;
        }
        return sum;
    }

    /** The first {@code count} primes. */
    static int[] primes(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Halton points need at least 1 dimension, but got " + count);
        }
        int[] primes = new int[count];
        int found = 0;
        for (int candidate = 2; found < count; candidate++) {
            boolean prime = true;
            for (int i = 0; i < found && primes[i] * primes[i] <= candidate; i++) {
                if (candidate % primes[i] == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                primes[found++] = candidate;
            }
        }
        return primes;
    }
}
