package dev.osprey.optimizer.sampler.nsga;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Nsga2ParametersTest {

    @Test
    void defaultsAreOptunas() {
        assertEquals(new Nsga2Parameters(50, OptionalDouble.empty(), 0.9, 0.5), Nsga2Parameters.defaults());
        assertEquals(new Nsga2Parameters(8, OptionalDouble.of(0.2), 0.7, 0.4), Nsga2Parameters.defaults()
                .withPopulationSize(8).withMutationProb(0.2).withCrossoverProb(0.7).withSwappingProb(0.4));
    }

    @Test
    void badValuesAreRejectedNamingTheRuleAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nsga2Parameters.defaults().withPopulationSize(1));
        assertTrue(e.getMessage().contains("populationSize must be >= 2") && e.getMessage().endsWith("got 1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nsga2Parameters.defaults().withMutationProb(1.5));
        assertEquals("mutationProb must be a probability in [0, 1], but got 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nsga2Parameters.defaults().withCrossoverProb(Double.NaN));
        assertEquals("crossoverProb must be a probability in [0, 1], but got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nsga2Parameters.defaults().withSwappingProb(-0.1));
        assertEquals("swappingProb must be a probability in [0, 1], but got -0.1", e.getMessage());
    }
}
