package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NSGA-II end to end: on ZDT1 (Zitzler, Deb and Thiele, Evolutionary Computation 8(2), 2000) with 5
 * variables, the front found in 10 generations of 50 must hold clearly more hypervolume than random
 * search's, over a set of seeds.
 */
class Nsga2Zdt1Test {

    private static final int VARIABLES = 5;
    private static final int TRIALS = 500;
    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    /** Covers every value ZDT1 can take with 5 variables (f1 <= 1, f2 <= g <= 10); the best front reaches 12.1 - 1/3. */
    private static final double[] REFERENCE = {1.1, 11};

    private static double[] zdt1(Trial trial) {
        double[] x = new double[VARIABLES];
        for (int i = 0; i < VARIABLES; i++) {
            x[i] = trial.suggestFloat("x" + i, 0, 1);
        }
        double g = 1 + 9 * Arrays.stream(x, 1, VARIABLES).sum() / (VARIABLES - 1);
        return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    }

    /** The two-objective hypervolume: by the first objective, each point adds the strip below the best second so far. */
    static double hypervolume(List<double[]> points, double[] reference) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double area = 0;
        double ceiling = reference[1];
        for (double[] p : sorted) {
            if (p[0] <= reference[0] && p[1] < ceiling) {
                area += (reference[0] - p[0]) * (ceiling - p[1]);
                ceiling = p[1];
            }
        }
        return area;
    }

    private static double[] hypervolumes(Supplier<Sampler> sampler) {
        double[] hv = new double[SEEDS.length];
        for (int s = 0; s < SEEDS.length; s++) {
            Study study = Study.builder().sampler(sampler.get()).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                    .seed(SEEDS[s]).create();
            study.optimizeMulti(Nsga2Zdt1Test::zdt1, Budget.trials(TRIALS));
            List<double[]> points = new ArrayList<>();
            for (TrialRecord t : study.trials()) {
                assertEquals(TrialState.COMPLETE, t.state(), () -> "trial " + t.number() + " " + t.failReason());
                assertEquals(2, t.values().size(), "each trial carries both values");
                points.add(new double[] {t.values().get(0), t.values().get(1)});
            }
            hv[s] = hypervolume(points, REFERENCE);
        }
        return hv;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void theHypervolumeHelperAddsTheStepsOfTheStaircase() {
        List<double[]> stairs = List.of(new double[] {1, 3}, new double[] {3, 1}, new double[] {2, 2},
                new double[] {3, 3}, new double[] {5, 0});
        assertEquals(6, hypervolume(stairs, new double[] {4, 4}), 1e-12);
    }

    @Test
    void nsga2FindsAFrontWithClearlyMoreHypervolumeThanRandomOnZdt1() {
        double[] nsga = hypervolumes(Samplers::nsga2);
        double[] random = hypervolumes(Samplers::random);
        String detail = "hypervolume at " + Arrays.toString(REFERENCE) + " after " + TRIALS + " trials, seeds "
                + Arrays.toString(SEEDS) + ": NSGA-II " + Arrays.toString(nsga) + ", random " + Arrays.toString(random);
        assertTrue(median(nsga) > median(random) + 0.4, detail);
        int wins = 0;
        for (int s = 0; s < SEEDS.length; s++) {
            wins += nsga[s] > random[s] ? 1 : 0;
        }
        assertTrue(wins >= 4, "NSGA-II beats random on at least 4 of 5 seeds; " + detail);
    }
}
