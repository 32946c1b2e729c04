package dev.osprey.sweeper.space;

import dev.osprey.composer.ComposerException;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.OverrideKind;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSpacesTest {

    private static Distribution only(String override) {
        SearchSpace space = SearchSpaces.fromStrings(List.of(override));
        assertEquals(1, space.distributions().size(), "one distribution for " + override);
        assertTrue(space.fixed().isEmpty());
        return space.distributions().values().iterator().next();
    }

    @Test
    void intervalIsAContinuousFloatDistribution() {
        assertEquals(new FloatDistribution(0.0, 1.0, false, null), only("x=interval(0,1)"));
        assertEquals(new FloatDistribution(-5.0, 5.0, false, null), only("x=interval(-5.0, 5.0)"));
    }

    @Test
    void logTagMakesALogScale() {
        assertEquals(new FloatDistribution(1e-4, 1e-1, true, null),
                only("optimizer.lr=tag(log, interval(1e-4,1e-1))"));
        assertEquals(new IntDistribution(1, 100, true, 1), only("n=tag(log, int(interval(1, 100)))"));
    }

    @Test
    void otherTagsAreIgnored() {
        assertEquals(new FloatDistribution(0.0, 1.0, false, null), only("x=tag(foo, bar, interval(0,1))"));
    }

    @Test
    void intIntervalIsAnIntDistribution() {
        assertEquals(new IntDistribution(-5, 5, false, 1), only("x=int(interval(-5.0, 5.0))"));
    }

    @Test
    void intRangeExcludesItsStop() {
        assertEquals(new IntDistribution(1, 9, false, 1), only("x=range(1,10)"));
        assertEquals(new IntDistribution(0, 4, false, 1), only("x=range(5)"));
        assertEquals(new IntDistribution(1, 9, false, 2), only("x=range(1,10,2)"));
        assertEquals(new IntDistribution(1, 9, false, 2), only("x=range(1,11,2)"), "the last value, not the stop");
    }

    @Test
    void descendingRangeGivesTheSameSet() {
        assertEquals(new IntDistribution(2, 10, false, 2), only("x=range(10,0,-2)"));
    }

    @Test
    void floatRangeIsSteppedAndExcludesItsStop() {
        assertEquals(new FloatDistribution(0.0, 0.75, false, 0.25), only("x=range(0,1,0.25)"));
        assertEquals(new FloatDistribution(0.1, 0.3, false, 0.1), only("x=range(0.1,0.4,0.1)"));
        assertEquals(new FloatDistribution(-5.5, 5.0, false, 0.5), only("x=range(-5.5,5.5,step=0.5)"));
    }

    @Test
    void choicesAreCategorical() {
        assertEquals(CategoricalDistribution.of("sgd", "adam"), only("opt=sgd,adam"));
        assertEquals(CategoricalDistribution.of("sgd", "adam"), only("opt=choice(sgd, adam)"));
        assertEquals(CategoricalDistribution.of(1L, 2.5, true, "a b"), only("x=choice(1, 2.5, true, 'a b')"));
        // choice() takes no null (as in Hydra); a simple sweep may hold one
        assertEquals(CategoricalDistribution.of(1L, null), only("x=1, null"));
    }

    @Test
    void integersBeyondWhatADistributionHoldsAreNamed() {
        ComposerException wide = assertThrows(ComposerException.class,
                () -> SearchSpaces.fromStrings(List.of("x=int(interval(0, 1e10))")));
        assertEquals("cannot make a search space of 'x=int(interval(0, 1e10))': the integer 10000000000 is out of the"
                + " 32-bit range of an int distribution", wide.getMessage());
        ComposerException big = assertThrows(ComposerException.class,
                () -> SearchSpaces.fromStrings(List.of("x=choice(1, int(1e20))")));
        assertEquals("cannot make a search space of 'x=choice(1, int(1e20))': the integer 100000000000000000000 is out"
                + " of the 64-bit range of a categorical choice", big.getMessage());
    }

    @Test
    void fixedOverridesAreKeptInOrderAndLaterOverridesReplaceEarlierOnes() {
        SearchSpace space = SearchSpaces.fromStrings(List.of("a=1", "x=interval(0,1)", "+b=two", "a=3", "x=1,2"));
        assertEquals(List.of("x"), List.copyOf(space.distributions().keySet()));
        assertEquals(CategoricalDistribution.of(1L, 2L), space.distributions().get("x"));
        assertEquals(List.of("a=3", "+b=two"), space.fixed().stream().map(o -> o.input()).toList());
    }

    @Test
    void parameterNamesAreKeyElements() {
        SearchSpace space = SearchSpaces.fromStrings(List.of("+extra=interval(0,1)", "db@backup=mysql,sqlite"));
        assertEquals(List.of("+extra", "db@backup"), List.copyOf(space.distributions().keySet()));
    }

    @Test
    void jobOverridesAreTheSweepsOverridesWithTheTrialsValues() {
        SearchSpace space = SearchSpaces.fromStrings(List.of("msg=hello world", "~old", "lr=interval(0,1)",
                "opt=sgd,adam", "flag=true,false", "+n=range(1,5)", "tag=choice('10', \"it's\")"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", 1e-5);
        params.put("opt", "adam");
        params.put("flag", true);
        params.put("+n", 3);
        params.put("tag", "it's");
        List<ConfigOverride> job = space.jobOverrides(params);
        assertEquals(List.of("msg=hello\\ world", "~old", "lr=1e-05", "opt=adam", "flag=True", "+n=3", "tag=\"it's\""),
                job.stream().map(ConfigOverride::jobString).toList());
        assertEquals(List.of(OverrideKind.CHANGE, OverrideKind.DELETE, OverrideKind.CHANGE, OverrideKind.CHANGE,
                OverrideKind.CHANGE, OverrideKind.ADD, OverrideKind.CHANGE), job.stream().map(ConfigOverride::kind).toList());
        assertEquals("tag='10'", space.jobOverrides(Map.of("tag", "10")).getLast().jobString(),
                "the choice '10' stays a string");
    }

    @Test
    void aValueNoneOfTheSweepsNamesTheParameter() {
        SearchSpace space = SearchSpaces.fromStrings(List.of("opt=sgd,adam"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> space.jobOverrides(Map.of("opt", "rmsprop")));
        assertTrue(e.getMessage().contains("'opt'") && e.getMessage().contains("rmsprop")
                && e.getMessage().contains("opt=sgd,adam"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> space.jobOverrides(Map.of("lr", 0.1)));
        assertTrue(unknown.getMessage().contains("'lr'"), unknown.getMessage());
    }

    @Test
    void globNeedsTheGroupOptions() {
        SearchSpace space = SearchSpaces.fromOverrides(
                dev.osprey.composer.override.Overrides.parseAll(List.of("schema=glob(*,exclude=support)")),
                group -> List.of("warehouse", "support", "school"));
        assertEquals(CategoricalDistribution.of("school", "warehouse"), space.distributions().get("schema"));
        assertThrows(ComposerException.class, () -> SearchSpaces.fromStrings(List.of("schema=glob(*)")));
    }

    @Test
    void sweepsThatAreNotDistributionsAreRejectedWithTheOverride() {
        ComposerException empty = assertThrows(ComposerException.class, () -> only("x=range(10,1)"));
        assertTrue(empty.getMessage().contains("'x=range(10,1)'") && empty.getMessage().contains("empty"),
                empty.getMessage());
        ComposerException lists = assertThrows(ComposerException.class, () -> only("x=[1,2],[3,4]"));
        assertTrue(lists.getMessage().contains("[1,2]"), lists.getMessage());
        assertThrows(ComposerException.class, () -> only("x=a,a"), "choices must be distinct");
        assertThrows(ComposerException.class, () -> only("x=tag(log, range(0.5, 2, 0.5))"));
        assertThrows(ComposerException.class, () -> only("x=interval(5, 1)"));
    }
}
