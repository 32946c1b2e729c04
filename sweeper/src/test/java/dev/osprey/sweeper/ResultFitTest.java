package dev.osprey.sweeper;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a job's values are fitted to its study's objectives, and its constraints ordered. */
class ResultFitTest {

    private static final List<String> STUDY = List.of("accuracy", "latency_ms");

    private static JobResult named(Map<String, Double> values, Map<String, Double> constraints) {
        return JobResult.completed(7, values, constraints, OptionalInt.of(0), Duration.ZERO, Optional.empty());
    }

    private static Map<String, Double> ordered(Object... entries) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], ((Number) entries[i + 1]).doubleValue());
        }
        return map;
    }

    @Test
    void namedValuesArePutInTheStudysOrder() {
        JobResult fitted = ResultFit.fit(named(ordered("latency_ms", 12, "accuracy", 0.9), Map.of()), STUDY);
        assertEquals(JobStatus.COMPLETED, fitted.status(), fitted.error());
        assertEquals(List.of(0.9, 12.0), fitted.values());
        assertEquals(STUDY, fitted.names());
    }

    @Test
    void aMissingOrUnknownNameFailsTheResultNamingIt() {
        JobResult missing = ResultFit.fit(named(ordered("accuracy", 0.9), Map.of()), STUDY);
        assertEquals(JobStatus.FAILED, missing.status());
        assertTrue(missing.error().startsWith("the job reported no value for the objective 'latency_ms'"),
                missing.error());
        JobResult unknown = ResultFit.fit(named(ordered("accuracy", 0.9, "loss", 1, "latency_ms", 2), Map.of()), STUDY);
        assertEquals(JobStatus.FAILED, unknown.status());
        assertTrue(unknown.error().startsWith("the job reported the objective 'loss', which the study does not have"
                + " (its objectives: accuracy, latency_ms)"), unknown.error());
    }

    @Test
    void positionalValuesMustBeAsManyAsTheObjectives() {
        JobResult three = JobResult.completed(1, List.of(1.0, 2.0, 3.0), OptionalInt.of(0), Duration.ZERO,
                Optional.empty());
        JobResult fitted = ResultFit.fit(three, STUDY);
        assertEquals(JobStatus.FAILED, fitted.status());
        assertTrue(fitted.error().contains("3 objective value(s) [1.0, 2.0, 3.0], but the study has 2"), fitted.error());
        JobResult two = JobResult.completed(1, List.of(1.0, 2.0), OptionalInt.of(0), Duration.ZERO, Optional.empty());
        assertEquals(two, ResultFit.fit(two, STUDY));
    }

    @Test
    void constraintsAreOrderedByNameAndPositionsAsNumbers() {
        JobResult byName = named(ordered("accuracy", 1, "latency_ms", 2), ordered("recall", 0.2, "memory_gb", -12.9));
        assertArrayEquals(new double[] {-12.9, 0.2}, ResultFit.constraints(byName));
        Map<String, Double> positions = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            positions.put(Integer.toString(i), (double) i);
        }
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
                ResultFit.constraints(named(ordered("accuracy", 1, "latency_ms", 2), positions)));
    }
}
