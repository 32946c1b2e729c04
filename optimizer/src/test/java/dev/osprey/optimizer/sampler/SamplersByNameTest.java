package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.Study;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Samplers#byName}: the names the command line gives samplers. */
class SamplersByNameTest {

    @Test
    void everyNameMakesASamplerThatRunsAStudy() {
        Set<Class<?>> kinds = new HashSet<>();
        for (String name : Samplers.NAMES) {
            Sampler sampler = Samplers.byName(name);
            kinds.add(sampler.getClass());
            try (Study study = Study.builder().sampler(sampler).seed(3).create()) {
                study.optimize(t -> {
                    double x = t.suggestFloat("x", -2, 2);
                    return x * x + t.suggestInt("k", 0, 3);
                }, 12);
                assertEquals(12, study.trials().size(), name);
                assertTrue(study.bestValue() < 4, name + ": " + study.bestValue());
            }
        }
        assertTrue(kinds.size() >= 7, "tpe and tpe_optuna share a class, as do nsga2 and nsga3: " + kinds);
        assertEquals(Samplers.byName("tpe_optuna").getClass(), Samplers.byName("TPE_OPTUNA").getClass(),
                "names are read without case");
    }

    @Test
    void anUnknownNameListsTheNamesThereAre() {
        var e = assertThrows(IllegalArgumentException.class, () -> Samplers.byName("bayes"));
        assertEquals("there is no sampler named 'bayes'; the samplers by name are auto, tpe, tpe_optuna, random, gp,"
                + " cmaes, qmc, nsga2, nsga3", e.getMessage());
    }
}
