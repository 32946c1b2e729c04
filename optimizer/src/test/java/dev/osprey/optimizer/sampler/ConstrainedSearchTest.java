package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.sampler.nsga.Nsga2Parameters;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Constraint handling of the samplers, end to end: on a problem whose feasible region is a
 * minority of the space, NSGA-II (constrained domination) and TPE (Optuna 3.1's constrained split)
 * must propose clearly more feasible trials in the second half of a study than random search does,
 * summed over seeds; random and grid store the constraints they are given.
 */
class ConstrainedSearchTest {

    private static final long[] SEEDS = {1, 2, 3, 4, 5};

    /** ZDT1 with 5 variables, feasible only where x0 >= 0.7 and x1 <= 0.3: 9% of the box. */
    private static double[] zdt1(Trial trial) {
        double[] x = new double[5];
        for (int i = 0; i < x.length; i++) {
            x[i] = trial.suggestFloat("x" + i, 0, 1);
        }
        double g = 1 + 9 * (x[1] + x[2] + x[3] + x[4]) / 4;
        trial.setConstraints(0.7 - x[0], x[1] - 0.3);
        return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    }

    /** Feasible trials among the second half of a 2-objective constrained study, summed over seeds. */
    private static int feasibleLateTrials(Supplier<Sampler> sampler, int trials) {
        int feasible = 0;
        for (long seed : SEEDS) {
            Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
                    .sampler(sampler.get()).seed(seed).create();
            study.optimizeMulti(ConstrainedSearchTest::zdt1, Budget.trials(trials));
            for (TrialRecord t : study.trials().subList(trials / 2, trials)) {
                assertEquals(TrialState.COMPLETE, t.state());
                if (t.constraintViolation().orElseThrow() == 0) {
                    feasible++;
                }
            }
            assertTrue(study.bestTrials().stream().allMatch(t -> t.constraintViolation().orElseThrow() == 0)
                    || study.infeasibleTrials().size() == trials, "the front is feasible once any trial is");
        }
        return feasible;
    }

    @Test
    void nsga2ProposesMoreFeasibleTrialsThanRandom() {
        int random = feasibleLateTrials(Samplers::random, 200);
        int nsga = feasibleLateTrials(() -> Nsga2Parameters.defaults().withPopulationSize(20).build(), 200);
        assertTrue(nsga > 3 * random, "NSGA-II " + nsga + " feasible late trials, random " + random);
    }

    @Test
    void tpeProposesMoreFeasibleTrialsThanRandom() {
        int random = feasibleLateTrials(Samplers::random, 60);
        int tpe = feasibleLateTrials(Samplers::tpe, 60);
        assertTrue(tpe > 2 * random, "TPE " + tpe + " feasible late trials, random " + random);
    }

    @Test
    void singleObjectiveTpeKeepsToTheFeasibleSideOfTheBoundary() {
        int tpeFeasible = 0;
        int randomFeasible = 0;
        for (long seed : SEEDS) {
            for (boolean tpe : new boolean[] {true, false}) {
                Study study = Study.builder().sampler(tpe ? Samplers.tpe() : Samplers.random()).seed(seed)
                        .constraints(t -> new double[] {0.8 - (Double) t.paramValues().get("x")}).create();
                study.optimize(trial -> trial.suggestFloat("x", 0, 1), 60);
                long feasible = study.trials().subList(30, 60).stream()
                        .filter(t -> t.constraintViolation().orElseThrow() == 0).count();
                if (tpe) {
                    tpeFeasible += (int) feasible;
                    assertTrue(study.bestValue() >= 0.8 && study.bestValue() < 0.85, "best feasible x near 0.8, got "
                            + study.bestValue());
                } else {
                    randomFeasible += (int) feasible;
                }
            }
        }
        assertTrue(tpeFeasible > 2 * randomFeasible, "TPE " + tpeFeasible + ", random " + randomFeasible);
    }

    @Test
    void gridAndRandomStoreTheConstraintsTheyAreGiven() {
        for (Sampler sampler : List.of(Samplers.random(), Samplers.grid(java.util.Map.of("x", List.of(1, 2, 3))))) {
            Study study = Study.builder().sampler(sampler).seed(2)
                    .constraints(t -> new double[] {((Integer) t.paramValues().get("x")) - 2.0}).create();
            study.optimize(trial -> trial.suggestInt("x", 1, 3), 3);
            for (TrialRecord t : study.trials()) {
                assertEquals(List.of(((Integer) t.paramValues().get("x")) - 2.0), t.constraints(), sampler.toString());
            }
            assertTrue(study.bestTrial().constraintViolation().orElseThrow() == 0);
        }
    }
}
