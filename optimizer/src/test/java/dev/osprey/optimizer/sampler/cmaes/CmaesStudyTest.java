package dev.osprey.optimizer.sampler.cmaes;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.InMemoryStorage;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CMA-ES driving studies: convergence, restarts, margin, warm start, resume. */
class CmaesStudyTest {

    private static final Distribution X = Distribution.floats(-5, 5);

    static Study study(Sampler sampler, long seed) {
        return Study.builder().sampler(sampler).pruner(Pruners.none()).seed(seed).create();
    }

    static double sphere(Trial t, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double x = (Double) t.suggest("x" + i, X) - 1;
            s += x * x;
        }
        return s;
    }

    static double rosenbrock(Trial t, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (Double) t.suggest("x" + i, Distribution.floats(-2, 2));
        }
        double s = 0;
        for (int i = 0; i + 1 < n; i++) {
            s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theSphereConverges(long seed) {
        Study study = study(Samplers.cmaes(), seed);
        study.optimize(t -> sphere(t, 4), 400);
        assertTrue(study.bestValue() < 1e-5, "regret " + study.bestValue());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void rosenbrockConverges(long seed) {
        Study study = study(Samplers.cmaes(), seed);
        study.optimize(t -> rosenbrock(t, 2), 600);
        assertTrue(study.bestValue() < 1e-4, "regret " + study.bestValue());
    }

    @Test
    void maximisingFollowsTheDirection() {
        Study study = Study.builder().sampler(Samplers.cmaes()).seed(4).direction(Direction.MAXIMIZE).create();
        study.optimize(t -> -sphere(t, 3), 300);
        assertTrue(study.bestValue() > -1e-4, "best " + study.bestValue());
    }

    @Test
    void ipopRestartsDoubleThePopulationOnceARunConverges() {
        Sampler sampler = Samplers.cmaesBuilder().restartStrategy(RestartStrategy.IPOP).build();
        Study study = study(sampler, 5);
        study.optimize(t -> Math.floor(sphere(t, 2)), 400); // flat near the optimum: the run stops there
        Lineage lineage = replay(study, 2, RestartStrategy.IPOP);
        assertTrue(lineage.restarts() >= 1, "restarts " + lineage.restarts());
        assertEquals(6 << lineage.restarts(), lineage.model().popsize);
        Lineage none = replay(study, 2, RestartStrategy.NONE);
        assertEquals(0, none.restarts());
    }

    @Test
    void bipopRestartsAlternateLargeAndSmallPopulations() {
        Sampler sampler = Samplers.cmaesBuilder().restartStrategy(RestartStrategy.BIPOP).build();
        Study study = study(sampler, 6);
        List<Integer> popsizes = new java.util.ArrayList<>();
        study.optimize(t -> sphere(t, 2) * 0 + 1, 1000); // constant: every run stops once its value history is flat
        for (int trials = 200; trials <= 1000; trials += 20) {
            Lineage lineage = replay(study.trials().subList(0, trials), study.seed(), 2, RestartStrategy.BIPOP);
            if (popsizes.isEmpty() || popsizes.get(popsizes.size() - 1) != lineage.model().popsize) {
                popsizes.add(lineage.model().popsize);
            }
        }
        // the first run (6) counts as small; then a large run (12), then a small one (6 to 11), ...
        assertTrue(popsizes.size() >= 3, "populations " + popsizes);
        assertEquals(12, popsizes.get(popsizes.indexOf(12)));
        int afterLarge = popsizes.get(popsizes.indexOf(12) + 1);
        assertTrue(afterLarge >= 6 && afterLarge < 12, "populations " + popsizes);
    }

    /** Replays the study's trials as a fresh process would. */
    private static Lineage replay(Study study, int n, RestartStrategy strategy) {
        return replay(study.trials(), study.seed(), n, strategy);
    }

    private static Lineage replay(List<TrialRecord> trials, long seed, int n, RestartStrategy strategy) {
        Map<String, Distribution> space = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            space.put("x" + i, X);
        }
        String signature = String.valueOf(((Map<?, ?>) trials.get(1).systemAttrs().get(Lineage.ATTR)).get("space"));
        CmaesOptions options = new CmaesOptions(java.util.OptionalDouble.empty(), java.util.OptionalInt.empty(), strategy,
                2, false, false, false, List.of(), 1);
        Lineage lineage = new Lineage(space, signature, options, seed, 1);
        lineage.advance(trials);
        return lineage;
    }

    @Test
    void warmStartMovesTheInitialMeanToTheSourcesGoodRegion() {
        Study source = study(Samplers.random(), 1);
        source.optimize(t -> Math.pow((Double) t.suggest("x0", X) - 3, 2) + Math.pow((Double) t.suggest("x1", X) - 3, 2),
                200);
        Map<String, Distribution> space = new TreeMap<>(Map.of("x0", X, "x1", X));
        CmaesOptions warm = new CmaesOptions(java.util.OptionalDouble.empty(), java.util.OptionalInt.empty(),
                RestartStrategy.NONE, 2, false, false, false, source.trials(), 1);
        Lineage lineage = new Lineage(space, "s", warm, 1, 1);
        double[] mean = lineage.model().mean;
        // x = 3 is at 0.8 on the unit scale of [-5, 5]; the cold start is at 0.5
        assertEquals(0.8, mean[0], 0.08);
        assertEquals(0.8, mean[1], 0.08);
        assertTrue(lineage.model().sigma < 1.0 / 6, "sigma " + lineage.model().sigma);

        Study target = study(Samplers.cmaesBuilder().sourceTrials(source.trials()).build(), 2);
        target.optimize(t -> Math.pow((Double) t.suggest("x0", X) - 3, 2)
                + Math.pow((Double) t.suggest("x1", X) - 3, 2), 40);
        Study cold = study(Samplers.cmaes(), 2);
        cold.optimize(t -> Math.pow((Double) t.suggest("x0", X) - 3, 2)
                + Math.pow((Double) t.suggest("x1", X) - 3, 2), 40);
        assertTrue(target.bestValue() < cold.bestValue(), target.bestValue() + " vs " + cold.bestValue());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void marginKeepsIntegerParametersMoving(long seed) {
        Distribution ints = Distribution.ints(0, 20);
        Sampler margin = Samplers.cmaesBuilder().withMargin(true).build();
        Study study = study(margin, seed);
        study.optimize(t -> {
            double s = 0;
            for (int i = 0; i < 2; i++) {
                double x = (Double) t.suggest("x" + i, X);
                s += x * x;
            }
            for (int i = 0; i < 2; i++) {
                s += 0.01 * Math.abs((Integer) t.suggest("n" + i, ints) - 15);
            }
            return s;
        }, 500);
        List<TrialRecord> late = study.trials().subList(300, 500);
        for (String n : List.of("n0", "n1")) {
            long distinct = late.stream().map(t -> t.paramValues().get(n)).distinct().count();
            assertTrue(distinct > 1, n + " keeps moving in the last 200 trials: " + distinct + " values");
        }
        assertEquals(15, study.bestTrial().paramValues().get("n0"));
        assertEquals(15, study.bestTrial().paramValues().get("n1"));
    }

    @Test
    void aResumedStudyContinuesAsAnUninterruptedOne() {
        InMemoryStorage storage = new InMemoryStorage();
        Study first = Study.builder().storage(storage).name("r").sampler(Samplers.cmaes()).seed(9).create();
        first.optimize(t -> sphere(t, 3), 30);
        Study second = Study.builder().storage(storage).name("r").sampler(Samplers.cmaes()).seed(9).load();
        second.optimize(t -> sphere(t, 3), 60);

        Study whole = study(Samplers.cmaes(), 9);
        whole.optimize(t -> sphere(t, 3), 60);
        List<TrialRecord> resumed = second.trials();
        assertEquals(60, resumed.size());
        for (int i = 0; i < 60; i++) {
            assertEquals(whole.trials().get(i).paramValues(), resumed.get(i).paramValues(), "trial " + i);
        }
    }

    @Test
    void aSeedAndHistoryDetermineTheTrials() {
        Study a = study(Samplers.cmaesBuilder().lrAdapt(true).build(), 3);
        Study b = study(Samplers.cmaesBuilder().lrAdapt(true).build(), 3);
        a.optimize(t -> sphere(t, 3), 80);
        b.optimize(t -> sphere(t, 3), 80);
        for (int i = 0; i < 80; i++) {
            assertEquals(a.trials().get(i).paramValues(), b.trials().get(i).paramValues());
        }
        assertTrue(a.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    }
}
