package dev.osprey.optimizer.sampler.nsga;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.osprey.optimizer.sampler.nsga.NsgaTrials.complete;
import static dev.osprey.optimizer.sampler.nsga.NsgaTrials.numbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NSGA-III: Das-Dennis reference points, niching, and the sampler on DTLZ2 with three objectives. */
class Nsga3Test {

    private static final List<Direction> MIN3 = List.of(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MINIMIZE);

    @Test
    void dasDennisGivesEveryCompositionOfTheDivisions() {
        assertEquals(10, ReferencePoints.dasDennis(3, 3).length);
        assertEquals(91, ReferencePoints.dasDennis(3, 12).length);
        assertEquals(35, ReferencePoints.dasDennis(4, 4).length);
        for (double[] p : ReferencePoints.dasDennis(3, 3)) {
            assertEquals(3, p[0] + p[1] + p[2]);
        }
        assertThrows(IllegalArgumentException.class, () -> ReferencePoints.dasDennis(3, 0));
    }

    @Test
    void nichingKeepsTheLoneMembersOfACrowdedFront() {
        // one front: eight points crowded near the first axis, one near each other axis
        List<TrialRecord> front = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            front.add(complete(i, 1 - 0.01 * i, 0.01 * i, 0.02));
        }
        front.add(complete(8, 0.02, 1, 0.03));
        front.add(complete(9, 0.03, 0.02, 1));
        for (long seed = 0; seed < 5; seed++) {
            List<Integer> kept = numbers(new Nsga3Survival(3).select(front, 3, MIN3, false, new SplittableRandom(seed)));
            assertEquals(3, kept.size());
            assertTrue(kept.contains(8) && kept.contains(9), "kept " + kept);
        }
    }

    @Test
    void wholeFrontsSurviveBeforeNiching() {
        List<TrialRecord> pool = List.of(complete(0, 0, 0, 0), complete(1, 1, 1, 1), complete(2, 2, 0.5, 2),
                complete(3, 0.5, 2, 2));
        List<Integer> kept = numbers(new Nsga3Survival(3).select(pool, 2, MIN3, false, new SplittableRandom(1)));
        assertEquals(0, kept.get(0), "the dominating point first");
        assertEquals(2, kept.size());
    }

    private static double[] dtlz2(Trial trial) {
        double[] x = new double[6];
        for (int i = 0; i < x.length; i++) {
            x[i] = trial.suggestFloat("x" + i, 0, 1);
        }
        double g = 0;
        for (int i = 2; i < x.length; i++) {
            g += (x[i] - 0.5) * (x[i] - 0.5);
        }
        double a = Math.PI / 2 * x[0];
        double b = Math.PI / 2 * x[1];
        return new double[] {(1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b),
                (1 + g) * Math.sin(a)};
    }

    @Test
    void nsga3BeatsRandomSearchOnDtlz2() {
        double nsga = 0;
        double random = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Study study = Study.builder().directions(MIN3.toArray(Direction[]::new)).seed(seed)
                    .sampler(Nsga3Parameters.defaults().withGenetic(Nsga2Parameters.defaults().withPopulationSize(20)
                            .withCrossover(new SbxCrossover())).build()).create();
            study.optimizeMulti(Nsga3Test::dtlz2, Budget.trials(300));
            nsga += study.hypervolume(2, 2, 2);
            Study baseline = Study.builder().directions(MIN3.toArray(Direction[]::new)).seed(seed)
                    .sampler(Samplers.random()).create();
            baseline.optimizeMulti(Nsga3Test::dtlz2, Budget.trials(300));
            random += baseline.hypervolume(2, 2, 2);
        }
        assertTrue(nsga > random + 0.2, "NSGA-III " + nsga / 4 + ", random " + random / 4);
    }

    @Test
    void parametersAreCheckedAndShown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nsga3Parameters.defaults().withDividingParameter(0));
        assertTrue(e.getMessage().contains("dividingParameter must be >= 1, but got 0"), e.getMessage());
        assertTrue(Samplers.nsga3().toString().startsWith("Nsga3Sampler"), Samplers.nsga3().toString());
    }
}
