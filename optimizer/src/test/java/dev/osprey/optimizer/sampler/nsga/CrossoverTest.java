package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Optuna's crossovers: their formulas' properties, and NSGA-II with each beating random search on ZDT1. */
class CrossoverTest {

    private static final double[][] BOUNDS = {{0, 1}, {0, 1}, {0, 1}};
    private static final double[][] PARENTS = {{0.2, 0.4, 0.6}, {0.4, 0.5, 0.2}, {0.9, 0.1, 0.3}};

    static Stream<Crossover> crossovers() {
        return Stream.of(new UniformCrossover(), new BlxAlphaCrossover(), new SbxCrossover(), new VsbxCrossover(),
                new SpxCrossover(), new UndxCrossover());
    }

    @Test
    void uniformTakesEachGeneFromAParent() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int n = 0; n < 100; n++) {
            double[] child = new UniformCrossover().cross(PARENTS, BOUNDS, 0.5, true, rng);
            for (int i = 0; i < child.length; i++) {
                assertTrue(child[i] == PARENTS[0][i] || child[i] == PARENTS[1][i]);
            }
        }
    }

    @Test
    void blxStaysInTheWidenedIntervalAndFillsIt() {
        SplittableRandom rng = new SplittableRandom(2);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < 2000; n++) {
            double x = new BlxAlphaCrossover().cross(PARENTS, BOUNDS, 0.5, true, rng)[0];
            low = Math.min(low, x);
            high = Math.max(high, x);
        }
        // parents 0.2 and 0.4, alpha 0.5: U(0.1, 0.5)
        assertTrue(low >= 0.1 && low < 0.11 && high <= 0.5 && high > 0.49, low + " " + high);
    }

    @Test
    void sbxKeepsChildrenWithinTheBoundsAndNearTheParents() {
        SplittableRandom rng = new SplittableRandom(3);
        double spread = 0;
        for (int n = 0; n < 2000; n++) {
            double[] child = new SbxCrossover().cross(PARENTS, BOUNDS, 0.5, true, rng);
            for (int i = 0; i < child.length; i++) {
                assertTrue(child[i] >= 0 && child[i] <= 1, Arrays.toString(child));
            }
            spread += Math.abs(child[0] - 0.3);
        }
        // eta 20 (several objectives) keeps children close: mean distance from the middle well under 0.2
        assertTrue(spread / 2000 < 0.15, "mean distance " + spread / 2000);
    }

    @Test
    void spxAndUndxCentreTheirChildrenOnTheParents() {
        for (Crossover crossover : List.of(new SpxCrossover(), new UndxCrossover())) {
            SplittableRandom rng = new SplittableRandom(4);
            double[] mean = new double[3];
            int n = 20_000;
            for (int k = 0; k < n; k++) {
                double[] child = crossover.cross(PARENTS, BOUNDS, 0.5, true, rng);
                for (int i = 0; i < 3; i++) {
                    mean[i] += child[i] / n;
                }
            }
            // SPX: the simplex centre (the mean of all three); UNDX: the middle of the first two
            double[] expected = crossover instanceof SpxCrossover
                    ? new double[] {0.5, 1.0 / 3, 1.1 / 3}
                    : new double[] {0.3, 0.45, 0.4};
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[i], mean[i], 0.02, crossover + " " + Arrays.toString(mean));
            }
        }
    }

    @Test
    void undxBasisIsOrthonormalAndOrthogonalToTheLine() {
        double[] e1 = {0.6, 0.8, 0};
        double[][] basis = UndxCrossover.complement(e1);
        assertEquals(2, basis.length);
        for (double[] b : basis) {
            assertEquals(0, b[0] * e1[0] + b[1] * e1[1] + b[2] * e1[2], 1e-12);
            assertEquals(1, b[0] * b[0] + b[1] * b[1] + b[2] * b[2], 1e-12);
        }
        assertEquals(0, basis[0][0] * basis[1][0] + basis[0][1] * basis[1][1] + basis[0][2] * basis[1][2], 1e-12);
    }

    @Test
    void badSettingsAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BlxAlphaCrossover(-1));
        assertTrue(e.getMessage().contains("alpha must be a finite number >= 0, but got -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SbxCrossover(OptionalDouble.of(Double.NaN)));
        assertTrue(e.getMessage().contains("eta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new UndxCrossover(0, OptionalDouble.empty()));
        assertTrue(e.getMessage().contains("sigmaXi"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Nsga2Parameters.defaults().withPopulationSize(2).withCrossover(new SpxCrossover()));
        assertTrue(e.getMessage().contains("at least the 3 parents"), e.getMessage());
    }

    private static double[] zdt1(Trial trial) {
        double[] x = new double[5];
        for (int i = 0; i < x.length; i++) {
            x[i] = trial.suggestFloat("x" + i, 0, 1);
        }
        // one log-scaled int and a categorical: exercise the transform and the categorical crossover
        int scale = trial.suggestInt("scale", 1, 64, true);
        String kind = trial.suggestCategorical("kind", "a", "b");
        double g = 1 + 9 * (x[1] + x[2] + x[3] + x[4]) / 4 + (scale - 1) / 64.0 + (kind.equals("a") ? 0 : 0.5);
        return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    }

    private static double hypervolume(Study study) {
        List<double[]> points = new ArrayList<>();
        for (TrialRecord t : study.trials()) {
            assertEquals(TrialState.COMPLETE, t.state(), () -> "trial " + t.number() + " " + t.failReason());
            points.add(new double[] {t.values().get(0), t.values().get(1)});
        }
        return Nsga2Zdt1Test.hypervolume(points, new double[] {1.1, 12});
    }

    @ParameterizedTest
    @MethodSource("crossovers")
    void nsga2WithEachCrossoverBeatsRandomSearchOnZdt1(Crossover crossover) {
        double nsga = 0;
        double random = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE).seed(seed)
                    .sampler(Nsga2Parameters.defaults().withPopulationSize(20).withCrossover(crossover).build())
                    .create();
            study.optimizeMulti(CrossoverTest::zdt1, Budget.trials(300));
            nsga += hypervolume(study);
            Study baseline = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE).seed(seed)
                    .sampler(Samplers.random()).create();
            baseline.optimizeMulti(CrossoverTest::zdt1, Budget.trials(300));
            random += hypervolume(baseline);
        }
        assertTrue(nsga > random + 0.4, crossover + ": NSGA-II " + nsga / 4 + ", random " + random / 4);
    }
}
