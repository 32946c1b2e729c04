package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.Distribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Suggestions: one distribution per name, stable values within a trial, choices, warm starts, attributes. */
class StudyParamsTest {

    private final Study study = Study.builder().sampler(Samplers.random()).seed(9).create();

    private static void assertNamesBoth(IllegalArgumentException e, Distribution first, Distribution second) {
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertTrue(e.getMessage().contains(first.toString()) && e.getMessage().contains(second.toString()),
                e.getMessage());
    }

    @Test
    void aNameKeepsOneDistributionWithinATrial() {
        Trial trial = study.ask();
        trial.suggestFloat("x", 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trial.suggestInt("x", 0, 1));
        assertNamesBoth(e, Distribution.floats(0, 1), Distribution.ints(0, 1));
    }

    @Test
    void aNameKeepsOneDistributionAcrossTrials() {
        study.tell(study.ask(Map.of("x", Distribution.floats(0, 1))), 1.0);
        Trial second = study.ask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> second.suggestFloat("x", 0, 2));
        assertNamesBoth(e, Distribution.floats(0, 1), Distribution.floats(0, 2));
        assertThrows(IllegalArgumentException.class, () -> second.suggestCategorical("x", "a", "b"));
        assertEquals(Map.of(), second.params(), "a refused suggestion stores nothing");
        assertTrue(second.suggestFloat("x", 0, 1) <= 1, "the study's own distribution is still fine");
    }

    @Test
    void suggestingANameTwiceInATrialReturnsTheSameValue() {
        Trial trial = study.ask();
        double x = trial.suggestFloat("x", 0, 1);
        int n = trial.suggestInt("n", 0, 1000);
        String c = trial.suggestCategorical("c", "a", "b", "c", "d");
        for (int i = 0; i < 5; i++) {
            assertEquals(x, trial.suggestFloat("x", 0, 1));
            assertEquals(n, trial.suggestInt("n", 0, 1000));
            assertSame(c, trial.suggestCategorical("c", "a", "b", "c", "d"));
        }
        assertEquals(List.of("x", "n", "c"), List.copyOf(trial.params().keySet()));
    }

    @Test
    void suggestCategoricalReturnsTheVeryObjectFromTheUsersList() {
        List<Object> choices = Arrays.asList(1000, 2000L, 0.5f, 3.5, "s", true, null);
        for (int i = 0; i < 20; i++) {
            Trial trial = study.ask();
            Object choice = trial.suggestCategorical("c", choices);
            assertTrue(choices.stream().anyMatch(c -> c == choice), () -> choice + " is not an object of the list");
            if (Integer.valueOf(1000).equals(choice)) {
                assertInstanceOf(Integer.class, choice);
            }
            study.tell(trial, 0);
        }
        List<Integer> ints = List.of(1000, 2000, 3000);
        Trial trial = study.ask();
        Integer picked = trial.suggestCategorical("i", ints);
        assertSame(ints.get(ints.indexOf(picked)), picked);
    }

    @Test
    void enqueuedParametersAreUsedFirstThenSamplingResumes() {
        study.enqueueTrial(Map.of("x", 0.5, "n", 3, "c", "b"));
        study.enqueueTrial(Map.of("x", 0.25));
        List<Map<String, Object>> seen = new ArrayList<>();
        study.optimize(trial -> {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("x", trial.suggestFloat("x", 0, 1));
            params.put("n", trial.suggestInt("n", 0, 10));
            params.put("c", trial.suggestCategorical("c", "a", "b", "c"));
            seen.add(params);
            return 0;
        }, 6);

        assertEquals(Map.of("x", 0.5, "n", 3, "c", "b"), seen.get(0));
        assertEquals(0.25, seen.get(1).get("x"));
        for (Map<String, Object> sampled : seen.subList(2, 6)) {
            assertNotEquals(0.5, sampled.get("x"));
            assertNotEquals(0.25, sampled.get("x"));
        }
        assertEquals(4, seen.subList(2, 6).stream().map(p -> p.get("x")).distinct().count());
    }

    @Test
    void userAttributesRoundTrip() {
        Trial trial = study.ask();
        trial.setUserAttr("name", "run-1");
        trial.setUserAttr("epochs", 12);
        trial.setUserAttr("loss", 0.25);
        trial.setUserAttr("ok", true);
        trial.setUserAttr("none", null);
        trial.setUserAttr("curve", List.of(1.0, 0.5, 0.25));
        trial.setUserAttr("meta", Map.of("seed", 7L, "tags", List.of("a", "b")));
        trial.setUserAttr("name", "run-2");
        study.tell(trial, 1.0);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "run-2");
        expected.put("epochs", 12L);
        expected.put("loss", 0.25);
        expected.put("ok", true);
        expected.put("none", null);
        expected.put("curve", List.of(1.0, 0.5, 0.25));
        expected.put("meta", Map.of("seed", 7L, "tags", List.of("a", "b")));
        assertEquals(expected, study.trials().get(0).userAttrs());
        assertThrows(IllegalArgumentException.class, () -> study.ask().setUserAttr("bad", new Object()));
    }

    @Test
    void trialRecordsAreImmutable() {
        Trial trial = study.ask();
        trial.suggestFloat("x", 0, 1);
        trial.report(0, 1.0);
        trial.setUserAttr("list", new ArrayList<>(List.of(1, 2)));
        study.tell(trial, 1.0);
        TrialRecord record = study.trials().get(0);

        assertThrows(UnsupportedOperationException.class, () -> record.values().add(2.0));
        assertThrows(UnsupportedOperationException.class, () -> record.params().clear());
        assertThrows(UnsupportedOperationException.class, () -> record.paramValues().put("y", 1));
        assertThrows(UnsupportedOperationException.class, () -> record.distributions().clear());
        assertThrows(UnsupportedOperationException.class, () -> record.intermediateValues().put(1, 2.0));
        assertThrows(UnsupportedOperationException.class, () -> record.userAttrs().put("k", "v"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) record.userAttrs().get("list")).clear());
        assertThrows(UnsupportedOperationException.class, () -> record.systemAttrs().put("k", "v"));
        assertThrows(UnsupportedOperationException.class, () -> study.trials().clear());
        assertThrows(UnsupportedOperationException.class, () -> trial.params().clear());
        assertEquals(record, study.trials().get(0));
    }

    @Test
    void trialRecordsCopyWhatTheyAreBuiltFrom() {
        Map<String, Object> attrs = new LinkedHashMap<>(Map.of("k", "v"));
        TrialRecord record = new TrialRecord(1, 0, TrialState.RUNNING, new ArrayList<>(), Map.of(),
                new java.util.TreeMap<>(), attrs, Map.of(), java.util.Optional.empty(), java.util.Optional.empty());
        attrs.put("k", "changed");
        assertEquals("v", record.userAttrs().get("k"));
    }
}
