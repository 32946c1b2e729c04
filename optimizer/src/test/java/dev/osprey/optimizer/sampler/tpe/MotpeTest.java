package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.pareto.Hypervolume;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.MultiObjective;
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
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multi-objective TPE end to end: on ZDT1 (Zitzler, Deb and Thiele, Evolutionary Computation 8(2),
 * 2000) with 5 variables and on DTLZ2 (Deb, Thiele, Laumanns and Zitzler, 2002) with 3 objectives
 * and 6 variables, the front TPE finds in 100 trials must hold clearly more hypervolume than random
 * search's, over a set of seeds.
 */
class MotpeTest {

    private static final int TRIALS = 100;
    private static final long[] SEEDS = {1, 2, 3, 4, 5};

    /**
     * A test problem: its objective in the study's directions, and the reference point and the
     * least hypervolume gain over random search that counts as "clearly better", as losses.
     */
    private record Problem(List<Direction> directions, MultiObjective objective, double[] reference, double margin) {

        double[] loss(List<Double> values) {
            double[] loss = new double[values.size()];
            for (int k = 0; k < loss.length; k++) {
                loss[k] = directions.get(k) == Direction.MAXIMIZE ? -values.get(k) : values.get(k);
            }
            return loss;
        }
    }

    /** ZDT1 with 5 variables; (1.1, 11) covers every value it takes (f2 <= g <= 10), and its best front reaches 12.1 - 1/3. */
    private static final Problem ZDT1 = new Problem(List.of(Direction.MINIMIZE, Direction.MINIMIZE),
            MotpeTest::zdt1, new double[] {1.1, 11}, 0.4);
    /** The same with f2 negated and maximised: a sampler that ignored the direction would chase the worst f2. */
    private static final Problem ZDT1_MAXIMISING = new Problem(List.of(Direction.MINIMIZE, Direction.MAXIMIZE),
            trial -> {
                double[] f = zdt1(trial);
                return new double[] {f[0], -f[1]};
            }, new double[] {1.1, 11}, 0.4);
    /** DTLZ2 with 6 variables; (2, 2, 2) covers every value it takes (f <= 1 + g <= 2), and its best front reaches 8 - pi/6. */
    private static final Problem DTLZ2 = new Problem(List.of(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MINIMIZE),
            MotpeTest::dtlz2, new double[] {2, 2, 2}, 0.2);

    static double[] zdt1(Trial trial) {
        double[] x = suggest(trial, 5);
        double g = 1 + 9 * Arrays.stream(x, 1, x.length).sum() / (x.length - 1);
        return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    }

    static double[] dtlz2(Trial trial) {
        double[] x = suggest(trial, 6);
        double g = Arrays.stream(x, 2, x.length).map(v -> (v - 0.5) * (v - 0.5)).sum();
        double a = Math.PI / 2 * x[0];
        double b = Math.PI / 2 * x[1];
        return new double[] {(1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b), (1 + g) * Math.sin(a)};
    }

    private static double[] suggest(Trial trial, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = trial.suggestFloat("x" + i, 0, 1);
        }
        return x;
    }

    private static double[] hypervolumes(Supplier<Sampler> sampler, Problem problem) {
        double[] hv = new double[SEEDS.length];
        for (int s = 0; s < SEEDS.length; s++) {
            Study study = Study.builder().sampler(sampler.get())
                    .directions(problem.directions().toArray(Direction[]::new)).seed(SEEDS[s]).create();
            study.optimizeMulti(problem.objective(), Budget.trials(TRIALS));
            List<double[]> points = new ArrayList<>();
            for (TrialRecord t : study.trials()) {
                assertEquals(TrialState.COMPLETE, t.state(), () -> "trial " + t.number() + " " + t.failReason());
                assertEquals(problem.directions().size(), t.values().size(), "each trial carries every value");
                points.add(problem.loss(t.values()));
            }
            assertEquals(TRIALS, points.size());
            hv[s] = Hypervolume.of(points.toArray(double[][]::new), problem.reference());
        }
        return hv;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void assertTpeBeatsRandom(Supplier<Sampler> tpe, Problem problem) {
        double[] tpeHv = hypervolumes(tpe, problem);
        double[] randomHv = hypervolumes(Samplers::random, problem);
        String detail = "hypervolume at " + Arrays.toString(problem.reference()) + " after " + TRIALS
                + " trials, seeds " + Arrays.toString(SEEDS) + ": TPE " + Arrays.toString(tpeHv)
                + ", random " + Arrays.toString(randomHv);
        assertTrue(median(tpeHv) > median(randomHv) + problem.margin(), detail);
        int wins = 0;
        for (int s = 0; s < SEEDS.length; s++) {
            wins += tpeHv[s] > randomHv[s] ? 1 : 0;
        }
        assertTrue(wins >= 4, "TPE beats random on at least 4 of 5 seeds; " + detail);
    }

    @Test
    void tpeFindsAFrontWithClearlyMoreHypervolumeThanRandomOnZdt1() {
        assertTpeBeatsRandom(Samplers::tpe, ZDT1);
    }

    @Test
    void aMaximisedObjectiveIsModelledTheRightWayRound() {
        assertTpeBeatsRandom(Samplers::tpe, ZDT1_MAXIMISING);
    }

    @Test
    void theJointModelAlsoModelsSeveralObjectivesWhenAskedFor() {
        assertTpeBeatsRandom(() -> Samplers.tpeBuilder().multivariate(true).build(), ZDT1);
    }

    @Test
    void threeObjectivesOnDtlz2() {
        assertTpeBeatsRandom(Samplers::tpe, DTLZ2);
    }

    @Test
    void groupDecompositionModelsConditionalSpacesWithSeveralObjectives() {
        Study study = Study.builder().sampler(Samplers.tpeBuilder().group(true).build())
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE).seed(9).create();
        study.optimizeMulti(trial -> {
            if (trial.suggestCategorical("branch", "line", "curve").equals("line")) {
                double x = trial.suggestFloat("x", 0, 1);
                return new double[] {x, x - 1};
            }
            double y = trial.suggestFloat("y", 0, 1);
            int k = trial.suggestInt("k", 0, 4);
            return new double[] {y, Math.sqrt(y) - 1 - k};
        }, Budget.trials(40));

        List<TrialRecord> trials = study.trials();
        assertEquals(40, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.COMPLETE, t.state(), () -> "trial " + t.number() + " " + t.failReason());
            assertEquals(2, t.values().size());
            Object branch = t.paramValues().get("branch");
            assertEquals(branch.equals("line") ? List.of("branch", "x") : List.of("branch", "y", "k"),
                    List.copyOf(t.paramValues().keySet()));
        }
        long curvesAfterStartup = trials.stream().skip(20).filter(t -> t.paramValues().get("branch").equals("curve")).count();
        // the curve branch with k = 0 dominates every point of the line (same f1, larger f2 to maximise): TPE leans to it
        assertTrue(curvesAfterStartup >= 14, "curve-branch trials among the last 20: " + curvesAfterStartup);
    }
}
