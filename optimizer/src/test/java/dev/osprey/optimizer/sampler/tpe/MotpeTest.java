package dev.osprey.optimizer.sampler.tpe;

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
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multi-objective TPE end to end: on ZDT1 (Zitzler, Deb and Thiele, Evolutionary Computation 8(2),
 * 2000) with 5 variables, the front TPE finds in 100 trials must hold clearly more hypervolume than
 * random search's, over a set of seeds.
 */
class MotpeTest {

    private static final int VARIABLES = 5;
    private static final int TRIALS = 100;
    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    /** Covers every value ZDT1 can take with 5 variables (f1 <= 1, f2 <= g <= 10); the best front reaches 12.1 - 1/3. */
    private static final double[] REFERENCE = {1.1, 11};

    static double[] zdt1(Trial trial) {
        double[] x = new double[VARIABLES];
        for (int i = 0; i < VARIABLES; i++) {
            x[i] = trial.suggestFloat("x" + i, 0, 1);
        }
        double g = 1 + 9 * Arrays.stream(x, 1, VARIABLES).sum() / (VARIABLES - 1);
        return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    }

    private static double[] hypervolumes(Supplier<Sampler> sampler, Direction second) {
        double[] hv = new double[SEEDS.length];
        for (int s = 0; s < SEEDS.length; s++) {
            Study study = Study.builder().sampler(sampler.get()).directions(Direction.MINIMIZE, second)
                    .seed(SEEDS[s]).create();
            double sign = second == Direction.MAXIMIZE ? -1 : 1;
            study.optimizeMulti(trial -> {
                double[] f = zdt1(trial);
                return new double[] {f[0], sign * f[1]};
            }, Budget.trials(TRIALS));
            List<double[]> points = new ArrayList<>();
            for (TrialRecord t : study.trials()) {
                assertEquals(TrialState.COMPLETE, t.state(), () -> "trial " + t.number() + " " + t.failReason());
                assertEquals(2, t.values().size(), "each trial carries both values");
                points.add(new double[] {t.values().get(0), sign * t.values().get(1)});
            }
            assertEquals(TRIALS, points.size());
            hv[s] = Hypervolume.of(points.toArray(double[][]::new), REFERENCE);
        }
        return hv;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void assertTpeBeatsRandom(Supplier<Sampler> tpe, Direction second) {
        double[] tpeHv = hypervolumes(tpe, second);
        double[] randomHv = hypervolumes(Samplers::random, second);
        String detail = "hypervolume at " + Arrays.toString(REFERENCE) + " after " + TRIALS + " trials, seeds "
                + Arrays.toString(SEEDS) + ": TPE " + Arrays.toString(tpeHv) + ", random " + Arrays.toString(randomHv);
        assertTrue(median(tpeHv) > median(randomHv) + 0.4, detail);
        int wins = 0;
        for (int s = 0; s < SEEDS.length; s++) {
            wins += tpeHv[s] > randomHv[s] ? 1 : 0;
        }
        assertTrue(wins >= 4, "TPE beats random on at least 4 of 5 seeds; " + detail);
    }

    @Test
    void tpeFindsAFrontWithClearlyMoreHypervolumeThanRandomOnZdt1() {
        assertTpeBeatsRandom(Samplers::tpe, Direction.MINIMIZE);
    }

    @Test
    void aMaximisedObjectiveIsModelledTheRightWayRound() {
        // the same problem with f2 negated and maximised: a sampler that ignored the direction would chase the worst f2
        assertTpeBeatsRandom(Samplers::tpe, Direction.MAXIMIZE);
    }

    @Test
    void independentTpeAlsoModelsSeveralObjectives() {
        assertTpeBeatsRandom(() -> Samplers.tpeBuilder().multivariate(false).build(), Direction.MINIMIZE);
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
