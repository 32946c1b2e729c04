package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.Trial;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.osprey.optimizer.pruner.StudyRuns.reportAndAsk;
import static dev.osprey.optimizer.pruner.StudyRuns.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pruner contract for the patient pruner alone (patience 3: five values before it prunes), and its rules. */
class PatientPrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return Pruners.patient(3);
    }

    @Override
    protected int firstPrunableStep() {
        return 4;
    }

    /** Reports {@code values} at steps 0, 1, ... and returns the decision after the last one. */
    private static boolean after(Pruner pruner, Direction direction, double... values) {
        Trial trial = study(pruner, direction).ask();
        boolean pruned = false;
        for (int step = 0; step < values.length; step++) {
            pruned = reportAndAsk(trial, step, values[step]);
        }
        return pruned;
    }

    private static boolean after(Pruner pruner, double... values) {
        return after(pruner, Direction.MINIMIZE, values);
    }

    @Test
    void prunesAfterPatiencePlusOneValuesWithoutImprovement() {
        Pruner patient = Pruners.patient(2);
        assertTrue(after(patient, 1.0, 0.5, 0.6, 0.7, 0.8), "0.6, 0.7, 0.8 never beat 0.5");
        assertFalse(after(patient, 1.0, 0.5, 0.6, 0.7, 0.4), "0.4 beats 0.5");
        assertFalse(after(patient, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5));
    }

    @Test
    void waitsForMoreThanPatiencePlusOneSteps() {
        Pruner patient = Pruners.patient(2);
        assertFalse(after(patient, 0.5, 0.6, 0.7), "only patience + 1 values");
        assertFalse(after(patient, 1.0, 0.5, 0.6, 0.7), "the window 0.5, 0.6, 0.7 beats 1.0");
    }

    @Test
    void patienceZeroComparesTheLastValueWithTheBestBefore() {
        Pruner patient = Pruners.patient(0);
        assertFalse(after(patient, 1.0));
        assertTrue(after(patient, 1.0, 1.5));
        assertFalse(after(patient, 1.0, 1.0), "equal is not worse");
    }

    @Test
    void minDeltaToleratesSmallSetbacks() {
        assertFalse(after(Pruners.patient(null, 2, 0.2), 1.0, 0.5, 0.6, 0.7, 0.65), "0.6 is within 0.5 + 0.2");
        assertTrue(after(Pruners.patient(null, 2, 0.05), 1.0, 0.5, 0.6, 0.7, 0.65));
    }

    @Test
    void mirrorsForMaximisation() {
        Pruner patient = Pruners.patient(1);
        assertTrue(after(patient, Direction.MAXIMIZE, 0.1, 0.9, 0.8, 0.7));
        assertFalse(after(patient, Direction.MAXIMIZE, 0.1, 0.9, 0.8, 0.95));
        assertTrue(after(patient, Direction.MINIMIZE, 0.1, 0.9, 0.8, 0.95), "the same values stagnate when minimising");
    }

    @Test
    void ignoresNaNAndNeverCountsAnAllNaNWindowAsStagnation() {
        Pruner patient = Pruners.patient(1);
        assertTrue(after(patient, 0.5, Double.NaN, 0.6, 0.7));
        assertFalse(after(patient, 0.5, Double.NaN, Double.NaN, Double.NaN));
    }

    @Test
    void aWrappedPrunerDecidesOnlyForStagnatedTrials() {
        AtomicInteger calls = new AtomicInteger();
        Pruner wrapped = (study, trial) -> {
            calls.incrementAndGet();
            return trial.intermediateValues().get(trial.intermediateValues().lastKey()) > 0.75;
        };
        Pruner patient = Pruners.patient(wrapped, 1, 0.0);
        assertFalse(after(patient, 1.0, 0.5, 0.4, 0.3));
        assertEquals(0, calls.get(), "an improving trial is not handed on");
        assertFalse(after(patient, 1.0, 0.5, 0.6, 0.7), "stagnated, but the wrapped pruner keeps it");
        assertEquals(1, calls.get());
        assertTrue(after(patient, 1.0, 0.5, 0.6, 0.8), "stagnated, and the wrapped pruner prunes it");
        assertEquals(2, calls.get());
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pruners.patient(-1));
        assertEquals("patience must be >= 0, but got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pruners.patient(null, 1, -0.5));
        assertEquals("minDelta must be >= 0.0, but got -0.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pruners.patient(null, 1, Double.NaN));
    }
}
