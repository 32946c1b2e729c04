package dev.osprey.sweeper.space;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Overrides;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A study's plain values map back to the very elements of the sweeps they came from. */
class TrialOverridesTest {

    private static TrialOverrides of(String... overrides) {
        return TrialOverrides.of(Overrides.parseAll(List.of(overrides)));
    }

    @Test
    void everyValueOfADiscreteSweepComesBackAsItsOwnElement() {
        for (String input : List.of("a=choice(\"it's\", ';x', '10', 10, 1.5, true, ${b}, [1,'2'], {k: v})", "a=1,null",
                "+a=x,'y',\"z\"", "a@pkg=range(0, 1, 0.25)", "~a=shuffle(1,2,3)")) {
            ConfigOverride sweep = Overrides.parse(input);
            TrialOverrides trial = TrialOverrides.of(List.of(sweep));
            for (Element element : sweep.sweepElements(new SplittableRandom(1))) {
                ConfigOverride job = trial.parameter(sweep.keyElement(), TrialOverrides.studyValue(element));
                assertEquals(sweep.withValue(element), job, input + ": " + element);
            }
        }
    }

    @Test
    void studyValuesArePlainAndListsAreStoredUnderTheirText() {
        List<Element> choices = sweepElements("a='10', 10, 2.5, true, null, ${b}, [1,'2'], {k: v}");
        List<Object> stored = choices.stream().map(TrialOverrides::studyValue).toList();
        assertEquals(List.of("10", 10L, 2.5, true, "${b}", "[1,'2']", "{k:v}"), stored.stream()
                .filter(java.util.Objects::nonNull).toList());
        assertTrue(stored.contains(null));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> TrialOverrides.studyValue(sweepElements("a=choice(" + "9".repeat(30) + ")").getFirst()));
        assertTrue(big.getMessage().contains("64-bit"), big.getMessage());
    }

    @Test
    void numbersOfRangesAndIntervalsKeepTheirKindAndGlobsGiveOptionNames() {
        TrialOverrides trial = of("n=range(1,10)", "lr=interval(0,1)", "db=glob(*)", "note=fixed");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", 3);
        params.put("lr", 0.25);
        params.put("db", "mysql");
        assertEquals(List.of("note=fixed", "n=3", "lr=0.25", "db=mysql"),
                trial.forTrial(params).stream().map(ConfigOverride::jobString).toList());
        assertEquals(new Element.FloatValue(1.0), trial.parameter("lr", 1.0).value(), "a float stays a float");
    }

    @Test
    void aValueOrANameNoneOfTheSweepsIsRejectedWithTheParameter() {
        TrialOverrides trial = of("opt=sgd,adam", "n=range(3)");
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> trial.parameter("opt", "rmsprop"));
        assertTrue(value.getMessage().contains("'opt'") && value.getMessage().contains("rmsprop"), value.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> trial.parameter("n", "2"));
        assertTrue(text.getMessage().contains("(String)") && text.getMessage().contains("n=range(3)"), text.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> trial.parameter("lr", 0.1));
        assertTrue(name.getMessage().contains("'lr'") && name.getMessage().contains("[opt, n]"), name.getMessage());
    }

    @Test
    void sweepsMustBeNamedByTheirKeyElementAndFixedOverridesMustNotSweep() {
        IllegalArgumentException misnamed = assertThrows(IllegalArgumentException.class,
                () -> new TrialOverrides(List.of(), Map.of("b", Overrides.parse("+a=1,2"))));
        assertTrue(misnamed.getMessage().contains("'b'") && misnamed.getMessage().contains("+a=1,2"), misnamed.getMessage());
        IllegalArgumentException swept = assertThrows(IllegalArgumentException.class,
                () -> new TrialOverrides(List.of(Overrides.parse("a=1,2")), Map.of()));
        assertTrue(swept.getMessage().contains("'a=1,2' is a sweep"), swept.getMessage());
    }

    private static List<Element> sweepElements(String sweep) {
        return Overrides.parse(sweep).sweepElements(new SplittableRandom());
    }
}
