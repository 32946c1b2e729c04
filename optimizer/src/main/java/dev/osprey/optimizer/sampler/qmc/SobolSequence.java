package dev.osprey.optimizer.sampler.qmc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * The Sobol sequence (I. M. Sobol', "On the distribution of points in a cube and the approximate
 * evaluation of integrals", USSR Comput. Math. Math. Phys. 7(4), 1967) in up to 21,201 dimensions,
 * with Joe and Kuo's direction numbers (new-joe-kuo-6.21201, SIAM J. Sci. Comput. 30, 2008) and 30
 * bits, as SciPy's {@code scipy.stats.qmc.Sobol}: unscrambled, point {@code k} equals SciPy's
 * {@code k}-th point bit for bit (the first point is the origin).
 *
 * <p>Any point is computed directly from its index through its Gray code (Antonov and Saleev,
 * 1979), so workers need no shared cursor. Scrambling is Owen's linear matrix scramble followed by
 * a random digital shift (Matoušek, "On the L2-discrepancy for anchored boxes", J. Complexity 14,
 * 1998), what SciPy does with {@code scramble=True}: both keep every elementary interval's count,
 * so the first {@code 2^m} points still fall one in each interval of width {@code 2^-m} per
 * dimension.
 */
final class SobolSequence {

    /** Bits of each coordinate, as SciPy's default. */
    static final int BITS = 30;
    /** The largest dimension the direction numbers cover. */
    static final int MAX_DIMENSION = 21201;
    private static final String DIRECTIONS = "new-joe-kuo-6.21201.txt";
    private static final double SCALE = 1.0 / (1L << BITS);

    /** {@code directions[j][b]}: the direction number of dimension j for bit b of the Gray code, already shifted. */
    private final long[][] directions;
    private final long[] shift;

    private SobolSequence(long[][] directions, long[] shift) {
        this.directions = directions;
        this.shift = shift;
    }

    /** The unscrambled sequence in {@code dimension} dimensions. */
    static SobolSequence plain(int dimension) {
        return new SobolSequence(directionNumbers(dimension), new long[dimension]);
    }

    /** The sequence scrambled (linear matrix scramble and digital shift) with draws from {@code rng}. */
    static SobolSequence scrambled(int dimension, RandomGenerator rng) {
        long[][] v = directionNumbers(dimension);
        long[] shift = new long[dimension];
        for (int j = 0; j < dimension; j++) {
            // Row i of the lower-triangular matrix acts on digit i (the i-th most significant bit):
            // a one on the diagonal keeps it invertible; the digits above are random.
            long[] rows = new long[BITS];
            for (int i = 0; i < BITS; i++) {
                long digit = 1L << (BITS - 1 - i);
                long above = i == 0 ? 0 : rng.nextLong() & ~((1L << (BITS - i)) - 1) & ((1L << BITS) - 1);
                rows[i] = digit | above;
            }
            for (int b = 0; b < BITS; b++) {
                long scrambled = 0;
                for (int i = 0; i < BITS; i++) {
                    if ((Long.bitCount(rows[i] & v[j][b]) & 1) == 1) {
                        scrambled |= 1L << (BITS - 1 - i);
                    }
                }
                v[j][b] = scrambled;
            }
            shift[j] = rng.nextLong() & ((1L << BITS) - 1);
        }
        return new SobolSequence(v, shift);
    }

    int dimension() {
        return directions.length;
    }

    /** Point {@code index} (0-based) of the sequence, each coordinate in {@code [0, 1)}. */
    double[] point(long index) {
        if (index < 0 || index >= 1L << BITS) {
            throw new IllegalArgumentException("a Sobol point index must be in [0, 2^" + BITS + "), but got " + index);
        }
        long gray = index ^ (index >>> 1);
        double[] x = new double[directions.length];
        for (int j = 0; j < x.length; j++) {
            long bits = shift[j];
            long g = gray;
            for (int b = 0; g != 0; b++, g >>>= 1) {
                if ((g & 1) != 0) {
                    bits ^= directions[j][b];
                }
            }
            x[j] = bits * SCALE;
        }
        return x;
    }

    /** Bratley and Fox's recurrence (ACM TOMS 14, 1988) from the table's initial numbers, as SciPy builds them. */
    private static long[][] directionNumbers(int dimension) {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("Sobol points need 1 to " + MAX_DIMENSION + " dimensions, but got "
                    + dimension);
        }
        long[][] v = new long[dimension][BITS];
        for (int b = 0; b < BITS; b++) {
            v[0][b] = 1;
        }
        if (dimension > 1) {
            readTable(v);
        }
        for (long[] row : v) {
            for (int b = 0; b < BITS; b++) {
                row[b] <<= BITS - 1 - b;
            }
        }
        return v;
    }

    private static void readTable(long[][] v) {
        InputStream in = SobolSequence.class.getResourceAsStream(DIRECTIONS);
        if (in == null) {
            throw new IllegalStateException("the Sobol direction numbers " + DIRECTIONS + " are missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            int j = 1;
            for (String line = reader.readLine(); line != null && j < v.length; line = reader.readLine()) {
                if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
                    continue;
                }
                String[] f = line.trim().split(" +");
                int degree = Integer.parseInt(f[1]);
                long poly = (1L << degree) | (Long.parseLong(f[2]) << 1) | 1;
                long[] row = v[j++];
                for (int b = 0; b < degree && b < BITS; b++) {
                    row[b] = Long.parseLong(f[3 + b]);
                }
                for (int b = degree; b < BITS; b++) {
                    long next = row[b - degree];
                    long pow2 = 1;
                    for (int k = 0; k < degree; k++) {
                        pow2 <<= 1;
                        if (((poly >>> (degree - 1 - k)) & 1) != 0) {
                            next ^= pow2 * row[b - k - 1];
                        }
                    }
                    row[b] = next;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Sobol direction numbers " + DIRECTIONS, e);
        }
    }
}
