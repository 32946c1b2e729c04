package dev.osprey.optimizer.sampler.auto;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.InMemoryStorage;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The automatic sampler's rule, as the choices its trials store, and its routing of each trial. */
class AutoRuleTest {

    private static final Distribution X = Distribution.floats(-5, 5);

    private static Study study(Sampler sampler, long seed) {
        return Study.builder().sampler(sampler).pruner(Pruners.none()).seed(seed).create();
    }

    private static double sphere(Trial t) {
        double x = (Double) t.suggest("x", X) - 1;
        double y = (Double) t.suggest("y", X) + 2;
        return x * x + y * y;
    }

    private static List<String> choices(List<TrialRecord> trials) {
        return trials.stream().map(t -> String.valueOf(t.systemAttrs().get(AutoSampler.ATTR))).toList();
    }

    @Test
    void continuousStudyWithinTheGpBudgetUsesTheGp() {
        Study study = study(Samplers.auto(), 1);
        study.optimize(AutoRuleTest::sphere, 14);
        assertEquals(List.of("gp"), choices(study.trials()).stream().distinct().toList());
        // past the GP's 10 startup trials, the GP itself sampled them jointly
        assertTrue(study.trials().get(13).systemAttrs().containsKey("gp:relative_params"), study.trials().get(13).systemAttrs().toString());
    }

    @Test
    void longContinuousStudySwitchesToCmaesAfterGpMaxTrials() {
        Study study = study(Samplers.autoBuilder().gpMaxTrials(12).build(), 2);
        study.optimize(AutoRuleTest::sphere, 22);
        List<String> choices = choices(study.trials());
        assertEquals(List.of("gp"), choices.subList(0, 12).stream().distinct().toList(), choices.toString());
        assertEquals(List.of("cmaes"), choices.subList(12, 22).stream().distinct().toList(), choices.toString());
        // CMA-ES sampled them (its generation record), and the GP trials before it sampled none of that
        assertTrue(study.trials().get(15).systemAttrs().containsKey("cmaes"), study.trials().get(15).systemAttrs().toString());
        assertTrue(study.trials().subList(0, 12).stream().noneMatch(t -> t.systemAttrs().containsKey("cmaes")));
    }

    @Test
    void conditionalSpaceGoesToTpeOnceAParameterIsMissing() {
        Study study = study(Samplers.auto(), 3);
        study.optimize(t -> {
            String kind = (String) t.suggest("kind", Distribution.choices(List.of("a", "b")));
            double x = (Double) t.suggest("x", X);
            return kind.equals("a") ? x * x : (Double) t.suggest("z", X) + x;
        }, 24);
        List<TrialRecord> trials = study.trials();
        // once the COMPLETE trials disagree on their parameters, every later trial is TPE's
        int disagree = firstDisagreement(trials);
        assertTrue(disagree >= 0 && disagree < 10, "both branches appear early: " + disagree);
        assertEquals(List.of("tpe"), choices(trials.subList(disagree + 1, trials.size())).stream().distinct().toList());
    }

    private static int firstDisagreement(List<TrialRecord> trials) {
        for (int n = 1; n < trials.size(); n++) {
            if (!trials.get(n).params().keySet().equals(trials.get(0).params().keySet())) {
                return n;
            }
        }
        return -1;
    }

    @Test
    void conditionalSpaceKnownBeforehandIsTpeFromTheFirstTrial() {
        Study study = study(Samplers.autoBuilder().conditional(true).build(), 4);
        study.optimize(AutoRuleTest::sphere, 5);
        assertEquals(List.of("tpe", "tpe", "tpe", "tpe", "tpe"), choices(study.trials()));
    }

    @Test
    void aPrunedTrialSendsTheStudyToTpe() {
        Study study = study(Samplers.auto(), 5);
        study.optimize(t -> {
            double v = sphere(t);
            t.report(1, v);
            if (t.number() == 6) {
                throw new dev.osprey.optimizer.TrialPrunedException("stopped by hand");
            }
            return v;
        }, 12);
        List<String> choices = choices(study.trials());
        assertEquals(List.of("gp"), choices.subList(0, 7).stream().distinct().toList(), choices.toString());
        assertEquals(List.of("tpe"), choices.subList(7, 12).stream().distinct().toList(), choices.toString());
    }

    @Test
    void multiObjectiveStudyIsTpe() {
        Study study = Study.builder().sampler(Samplers.auto()).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .pruner(Pruners.none()).seed(5).create();
        study.optimizeMulti(t -> {
            double x = (Double) t.suggest("x", X);
            return new double[] {x * x, (x - 2) * (x - 2)};
        }, Budget.trials(14));
        assertEquals(List.of("tpe"), choices(study.trials()).stream().distinct().toList());
    }

    @Test
    void categoricalOnlySpaceIsTpeOnceATrialShowsIt() {
        Study study = study(Samplers.auto(), 6);
        study.optimize(t -> ((String) t.suggest("c", Distribution.choices(List.of("a", "b", "c")))).equals("b") ? 0 : 1,
                8);
        List<String> choices = choices(study.trials());
        assertEquals("gp", choices.get(0), "nothing is known before the first trial");
        assertEquals(List.of("tpe"), choices.subList(1, 8).stream().distinct().toList(), choices.toString());
    }

    @Test
    void largeCategoricalIsTpeButASmallOneStaysWithTheGp() {
        List<Object> many = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Study large = study(Samplers.auto(), 7);
        large.optimize(t -> (Double) t.suggest("x", X) + ((Number) t.suggest("c", Distribution.choices(many))).doubleValue(), 6);
        assertEquals(List.of("tpe"), choices(large.trials().subList(1, 6)).stream().distinct().toList());

        Study small = study(Samplers.auto(), 7);
        small.optimize(t -> (Double) t.suggest("x", X) + ((Number) t.suggest("c", Distribution.choices(List.of(1, 2, 3)))).doubleValue(), 6);
        assertEquals(List.of("gp"), choices(small.trials()).stream().distinct().toList());
    }

    @Test
    void choicesAreStoredSoTwoStudyObjectsOnOneStorageAgree() {
        InMemoryStorage storage = new InMemoryStorage();
        Study first = Study.builder().storage(storage).name("shared").sampler(Samplers.autoBuilder().gpMaxTrials(10).build())
                .pruner(Pruners.none()).seed(8).create();
        Study second = Study.builder().storage(storage).name("shared").sampler(Samplers.autoBuilder().gpMaxTrials(10).build())
                .pruner(Pruners.none()).seed(8).load();
        first.optimize(AutoRuleTest::sphere, 6);
        List<String> before = choices(first.trials());
        // a trial asked from one object and told to the other is routed by its stored choice in both
        Trial asked = second.ask();
        first.tell(asked.number(), sphere(asked));
        // a trial budget counts the study's trials, whichever object ran them
        second.optimize(AutoRuleTest::sphere, 13);
        first.optimize(AutoRuleTest::sphere, 17);
        List<String> all = choices(second.trials());
        assertEquals(before, all.subList(0, 6), "stored choices never change");
        assertEquals(17, all.size());
        assertEquals(List.of("gp"), all.subList(0, 10).stream().distinct().toList(), all.toString());
        assertEquals(List.of("cmaes"), all.subList(10, 17).stream().distinct().toList(), all.toString());
        assertEquals(all, choices(first.trials()));
    }

    @Test
    void settingsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Samplers.autoBuilder().gpMaxTrials(-1));
        assertTrue(e.getMessage().contains("gpMaxTrials must be >= 0, but got -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Samplers.autoBuilder().maxGpChoices(0));
        assertTrue(e.getMessage().contains("maxGpChoices must be >= 1, but got 0"), e.getMessage());
    }
}
