package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.cmaes.RestartStrategy;
import dev.osprey.optimizer.sampler.qmc.QmcType;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.osprey.optimizer.sampler.SampledValues.assertWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CMA-ES and QMC on studies that make modelling awkward: every trial still gets valid values and
 * nothing throws out of the study.
 */
class AwkwardStudiesTest {

    static Stream<Arguments> samplers() {
        return Stream.of(
                Arguments.of("cmaes", (Supplier<Sampler>) Samplers::cmaes),
                Arguments.of("cmaes ipop popsize 4", (Supplier<Sampler>) () -> Samplers.cmaesBuilder().popsize(4)
                        .restartStrategy(RestartStrategy.IPOP).build()),
                Arguments.of("cmaes bipop sep", (Supplier<Sampler>) () -> Samplers.cmaesBuilder().separable(true)
                        .restartStrategy(RestartStrategy.BIPOP).build()),
                Arguments.of("cmaes margin", (Supplier<Sampler>) () -> Samplers.cmaesBuilder().withMargin(true).build()),
                Arguments.of("cmaes lr_adapt", (Supplier<Sampler>) () -> Samplers.cmaesBuilder().lrAdapt(true).build()),
                Arguments.of("qmc sobol", (Supplier<Sampler>) Samplers::qmc),
                Arguments.of("qmc halton plain", (Supplier<Sampler>) () -> Samplers.qmcBuilder().type(QmcType.HALTON)
                        .scramble(false).build()));
    }

    private static Study study(Supplier<Sampler> sampler) {
        return Study.builder().sampler(sampler.get()).pruner(Pruners.none()).seed(3).create();
    }

    private static void assertAllValid(Study study, int expected) {
        List<TrialRecord> trials = study.trials();
        assertEquals(expected, trials.size());
        for (TrialRecord t : trials) {
            t.params().forEach((name, p) -> assertWithin(p.distribution(), p.value()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void theSearchSpaceChangesBetweenTrials(String label, Supplier<Sampler> sampler) {
        Study study = study(sampler);
        study.optimize(t -> {
            int phase = t.number() / 15;
            double s = (Double) t.suggest("a", Distribution.floats(0, 1 + phase % 2));
            s += (Integer) t.suggest(phase % 3 == 0 ? "b" : "c", Distribution.ints(0, 10 * (phase + 1)));
            if (phase % 2 == 1) {
                s += (Double) t.suggest("d", Distribution.logFloats(1e-3, 1));
            }
            return s;
        }, 120);
        assertAllValid(study, 120);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void onlyCategoricalsOrOneParameter(String label, Supplier<Sampler> sampler) {
        Study categorical = study(sampler);
        categorical.optimize(t -> t.suggestCategorical("c", List.of("a", "b", "c")).length()
                + t.suggestCategorical("d", List.of(1, 2)).doubleValue(), 40);
        assertAllValid(categorical, 40);
        Study one = study(sampler);
        one.optimize(t -> Math.abs((Double) t.suggest("x", Distribution.floats(-1, 1))), 40);
        assertAllValid(one, 40);
        assertTrue(one.bestValue() < 0.2, "one parameter is still searched: " + one.bestValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void constantNanAndFailingObjectivesAndDuplicatedPoints(String label, Supplier<Sampler> sampler) {
        Study study = study(sampler);
        study.optimize(t -> {
            int a = (Integer) t.suggest("a", Distribution.ints(0, 1));
            int b = (Integer) t.suggest("b", Distribution.ints(0, 1));
            double x = (Double) t.suggest("x", Distribution.steppedFloats(0, 1, 0.5));
            if (t.number() % 7 == 3) {
                throw new IllegalStateException("objective failed");
            }
            if (t.number() % 5 == 2) {
                return Double.NaN;
            }
            return t.number() < 100 ? 1.0 : a + b + x;
        }, 200);
        assertAllValid(study, 200);
        assertTrue(study.trials().stream().anyMatch(t -> t.state() == TrialState.FAIL));
        assertTrue(study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count() > 100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void infiniteAndHugeValues(String label, Supplier<Sampler> sampler) {
        Study study = study(sampler);
        study.optimize(t -> {
            double x = (Double) t.suggest("x", Distribution.floats(-Double.MAX_VALUE, Double.MAX_VALUE));
            double y = (Double) t.suggest("y", Distribution.floats(0, 1));
            return t.number() % 4 == 0 ? Double.POSITIVE_INFINITY : x * 1e300 + y;
        }, 80);
        assertAllValid(study, 80);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void thousandsOfTrials(String label, Supplier<Sampler> sampler) {
        Study study = study(sampler);
        study.optimize(t -> trialsObjective(t), 3000);
        assertAllValid(study, 3000);
    }

    private static double trialsObjective(Trial t) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            double x = (Double) t.suggest("x" + i, Distribution.floats(-3, 3));
            s += x * x;
        }
        return s + (Integer) t.suggest("n", Distribution.ints(1, 4));
    }
}
