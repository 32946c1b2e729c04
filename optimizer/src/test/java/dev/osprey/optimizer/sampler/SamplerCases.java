package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Seeded generators of the cases {@link SamplerContract} runs: distributions of every numeric
 * kind with random bounds, and categorical choice lists of every supported type. The generator's
 * seed is fixed, so a failure names a case that can be run again. A sampler's own parameterized
 * tests may use them too ({@code @MethodSource("dev.osprey.optimizer.sampler.SamplerCases#numeric")}).
 */
public final class SamplerCases {

    /** How many random distributions of each kind. */
    static final int PER_KIND = 3;

    private SamplerCases() {
    }

    /** (label, distribution, study seed) for float, log float, stepped float, int, log int, stepped int. */
    public static Stream<Arguments> numeric() {
        SplittableRandom rng = new SplittableRandom(0x5EED_0001L);
        List<Arguments> cases = new ArrayList<>();
        for (int n = 0; n < PER_KIND; n++) {
            add(cases, "float", floats(rng), rng);
            add(cases, "log float", logFloats(rng), rng);
            add(cases, "stepped float", steppedFloats(rng), rng);
            add(cases, "int", ints(rng), rng);
            add(cases, "log int", logInts(rng), rng);
            add(cases, "stepped int", steppedInts(rng), rng);
        }
        // edges a random draw rarely hits
        add(cases, "narrow float", new FloatDistribution(1.0, Math.nextUp(1.0), false, null), rng);
        add(cases, "step not dividing range", new FloatDistribution(0.0, 1.0, false, 0.3), rng);
        add(cases, "log int of two values", new IntDistribution(1, 2, true, 1), rng);
        add(cases, "single int", new IntDistribution(7, 7, false, 1), rng);
        return cases.stream();
    }

    /** (label, choices, study seed): strings, numbers, booleans, null and mixtures. */
    public static Stream<Arguments> categorical() {
        SplittableRandom rng = new SplittableRandom(0x5EED_0002L);
        List<List<Object>> lists = List.of(
                List.of("adam", "sgd", "rmsprop"),
                List.of(1, 2.5, -3L, 0, 1e-9),
                List.of(true, false),
                Arrays.asList(null, "x", 7, false, 0.25),
                List.of("only"));
        return lists.stream().map(choices -> Arguments.of(choices.toString(), choices, rng.nextLong()));
    }

    private static void add(List<Arguments> cases, String kind, Distribution d, SplittableRandom rng) {
        cases.add(Arguments.of(kind + " " + d, d, rng.nextLong()));
    }

    private static FloatDistribution floats(SplittableRandom rng) {
        double low = rng.nextDouble(-100, 100);
        return new FloatDistribution(low, low + Math.exp(rng.nextDouble(Math.log(1e-3), Math.log(1e3))), false, null);
    }

    private static FloatDistribution logFloats(SplittableRandom rng) {
        double low = Math.exp(rng.nextDouble(Math.log(1e-8), Math.log(10)));
        return new FloatDistribution(low, low * Math.exp(rng.nextDouble(Math.log(1.5), Math.log(1e6))), true, null);
    }

    private static FloatDistribution steppedFloats(SplittableRandom rng) {
        double[] steps = {0.05, 0.1, 0.25, 0.3, 1.5};
        double step = steps[rng.nextInt(steps.length)];
        double low = Math.rint(rng.nextDouble(-10, 10) * 100) / 100;
        double high = low + step * rng.nextInt(1, 40) + (rng.nextBoolean() ? 0 : step / 3);
        return new FloatDistribution(low, high, false, step);
    }

    private static IntDistribution ints(SplittableRandom rng) {
        int low = rng.nextInt(-1000, 1000);
        return new IntDistribution(low, low + rng.nextInt(1, 2000), false, 1);
    }

    private static IntDistribution logInts(SplittableRandom rng) {
        int low = rng.nextInt(1, 100);
        return new IntDistribution(low, low + rng.nextInt(1, 100_000), true, 1);
    }

    private static IntDistribution steppedInts(SplittableRandom rng) {
        int low = rng.nextInt(-50, 50);
        return new IntDistribution(low, low + rng.nextInt(1, 200), false, rng.nextInt(2, 10));
    }
}
