package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.osprey.optimizer.sampler.SampledValues.assertIsOneOf;
import static dev.osprey.optimizer.sampler.SampledValues.assertWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every {@link Sampler} passes, as JUnit 5 checks: a kit for samplers written here or
 * in a project of their own. It is published in the optimizer module's test-jar,
 * {@code dev.osprey:osprey-optimizer} with {@code <type>test-jar</type>} at test scope.
 *
 * <p>The checks: values stay in their distribution (bounds, log, step, integrality, choices,
 * checked from each distribution's definition by {@link SampledValues}, over the seeded cases of
 * {@link SamplerCases}), a seed reproduces a study trial by trial and another seed changes it, and
 * the sampler works on an empty study, after many trials, with conditional parameters, with a
 * fixed search space, and in a study of several objectives with constraints. Each check runs in-memory studies with no pruner.
 *
 * <p>A sampler's test class extends this one and implements {@link #sampler()}. A sampler that
 * can only propose points it was given (a grid) overrides {@link #samplerFor} and {@link #capacity}
 * to adapt the checks, and {@link #skipReason} to skip those that cannot apply, saying why. The
 * checks are public methods, so a subclass can also override one with {@code @Disabled("why")}
 * beside its test annotations while a known problem of its sampler is open.
 */
public abstract class SamplerContract {

    /** Trials per study in the checks on values: past TPE's 10 random startup trials. */
    protected static final int TRIALS = 20;
    /** Trials in the check that a sampler keeps working on a longer history. */
    protected static final int MANY_TRIALS = 40;

    /** A search space with a parameter of every kind, suggested in this order. */
    protected static final Map<String, Distribution> MIXED = mixedSpace();

    private static final List<String> MODELS = List.of("linear", "tree");
    private static final Distribution LEARNING_RATE = Distribution.logFloats(1e-4, 1);
    private static final Distribution DEPTH = Distribution.ints(1, 8);

    /** The checks a subclass may skip with {@link #skipReason}. */
    public enum Check { NUMERIC, CATEGORICAL, REPRODUCIBLE, SEEDS_DIFFER, EMPTY_HISTORY, MANY_TRIALS, CONDITIONAL,
        FIXED_SPACE, MULTI_OBJECTIVE }

    /** A new instance of the sampler under test. */
    protected abstract Sampler sampler();

    /** The sampler for a study whose objective suggests the parameters of {@code space} (and no others). */
    protected Sampler samplerFor(Map<String, Distribution> space) {
        return sampler();
    }

    /** How many trials a study over {@code space} can hold before the sampler has nothing left to propose. */
    protected int capacity(Map<String, Distribution> space) {
        return Integer.MAX_VALUE;
    }

    /** Why {@code check} cannot apply to this sampler, or empty if it applies. */
    protected Optional<String> skipReason(Check check) {
        return Optional.empty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.osprey.optimizer.sampler.SamplerCases#numeric")
    public void numericValuesStayInTheirDistribution(String label, Distribution distribution, long seed) {
        applies(Check.NUMERIC);
        Map<String, Distribution> space = Map.of("x", distribution);
        double target = midpoint(distribution);
        Study study = newStudy(space, seed);
        study.optimize(trial -> Math.abs(number(trial.suggest("x", distribution)) - target), trials(space, TRIALS));

        List<TrialRecord> trials = study.trials();
        assertEquals(trials(space, TRIALS), trials.size(), "trials run");
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), () -> "trial " + trial.number() + trial.failReason());
            assertWithin(distribution, trial.paramValues().get("x"));
        }
        if (hasRoomToExplore(distribution)) {
            assertTrue(trials.stream().map(t -> t.paramValues().get("x")).distinct().count() > 1,
                    "the sampler explores the range rather than repeating one value");
        }
    }

    @Test
    public void theWidestFloatRangeIsSampledWithinBounds() {
        applies(Check.NUMERIC);
        FloatDistribution widest = Distribution.floats(-Double.MAX_VALUE, Double.MAX_VALUE);
        Map<String, Distribution> space = Map.of("x", widest);
        Study study = newStudy(space, 8);
        study.optimize(trial -> Math.abs((Double) trial.suggest("x", widest) / 1e300), trials(space, TRIALS));

        List<TrialRecord> trials = study.trials();
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), () -> "trial " + trial.number() + trial.failReason()
                    + " " + trial.paramValues());
            assertWithin(widest, trial.paramValues().get("x"));
        }
        assertTrue(trials.stream().map(t -> t.paramValues().get("x")).distinct().count() > trials.size() / 2,
                "the sampler explores the range rather than repeating one value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.osprey.optimizer.sampler.SamplerCases#categorical")
    public void categoricalValuesAreTheUsersChoices(String label, List<Object> choices, long seed) {
        applies(Check.CATEGORICAL);
        CategoricalDistribution distribution = new CategoricalDistribution(new ArrayList<>(choices));
        Map<String, Distribution> space = Map.of("c", distribution);
        List<Object> returned = Collections.synchronizedList(new ArrayList<>());
        Study study = newStudy(space, seed);
        study.optimize(trial -> {
            Object choice = trial.suggestCategorical("c", choices);
            returned.add(choice);
            return choices.indexOf(choice);
        }, trials(space, TRIALS));

        assertEquals(trials(space, TRIALS), returned.size(), "trials run");
        returned.forEach(choice -> assertIsOneOf(choices, choice));
        study.trials().forEach(trial -> assertWithin(distribution, trial.paramValues().get("c")));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 42, -977_231})
    public void sameSeedGivesTheSameTrials(long seed) {
        applies(Check.REPRODUCIBLE);
        List<Map<String, Object>> first = runMixed(seed);
        List<Map<String, Object>> second = runMixed(seed);
        assertEquals(trials(MIXED, 25), first.size());
        assertEquals(first, second);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 42, -977_231})
    public void differentSeedsGiveDifferentTrials(long seed) {
        applies(Check.SEEDS_DIFFER);
        assertNotEquals(runMixed(seed), runMixed(seed + 1));
    }

    @Test
    public void firstTrialOfAnEmptyStudyGetsValidValues() {
        applies(Check.EMPTY_HISTORY);
        Study study = newStudy(MIXED, 3);
        assertTrue(study.trials().isEmpty());
        Trial trial = study.ask();
        MIXED.forEach((name, distribution) -> assertWithin(distribution, trial.suggest(name, distribution)));
        assertEquals(TrialState.COMPLETE, study.tell(trial, 1.0).state());
    }

    @Test
    public void keepsProposingValidDistinctPointsAfterManyTrials() {
        applies(Check.MANY_TRIALS);
        Study study = newStudy(MIXED, 5);
        study.optimize(trial -> objective(suggestAll(trial, MIXED)), trials(MIXED, MANY_TRIALS));

        List<TrialRecord> trials = study.trials();
        assertEquals(trials(MIXED, MANY_TRIALS), trials.size());
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), () -> "trial " + trial.number() + trial.failReason());
            MIXED.forEach((name, d) -> assertWithin(d, trial.paramValues().get(name)));
        }
        assertEquals(trials.size(), new HashSet<>(trials.stream().map(TrialRecord::paramValues).toList()).size(),
                "every trial proposes a point of its own");
    }

    @Test
    public void conditionalParametersFollowTheirBranch() {
        applies(Check.CONDITIONAL);
        Map<String, Distribution> space = Map.of("model", Distribution.choices(MODELS),
                "lr", LEARNING_RATE, "depth", DEPTH);
        Study study = newStudy(space, 11);
        study.optimize(trial -> switch (trial.suggestCategorical("model", MODELS)) {
            case "linear" -> Math.abs(Math.log10((Double) trial.suggest("lr", LEARNING_RATE)) + 2);
            default -> Math.abs((Integer) trial.suggest("depth", DEPTH) - 5);
        }, trials(space, 30));

        List<TrialRecord> trials = study.trials();
        assertEquals(trials(space, 30), trials.size());
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), () -> "trial " + trial.number() + trial.failReason());
            String model = (String) trial.paramValues().get("model");
            String branchParam = model.equals("linear") ? "lr" : "depth";
            assertEquals(List.of("model", branchParam), List.copyOf(trial.paramValues().keySet()));
            assertWithin(space.get(branchParam), trial.paramValues().get(branchParam));
        }
        assertEquals(new HashSet<>(MODELS),
                new HashSet<>(trials.stream().map(t -> t.paramValues().get("model")).toList()), "both branches run");
    }

    @Test
    public void askWithAFixedSearchSpaceSuggestsItInOrder() {
        applies(Check.FIXED_SPACE);
        Study study = newStudy(MIXED, 17);
        int n = trials(MIXED, 15);
        for (int i = 0; i < n; i++) {
            Trial trial = study.ask(MIXED);
            assertEquals(List.copyOf(MIXED.keySet()), List.copyOf(trial.params().keySet()));
            MIXED.forEach((name, d) -> assertWithin(d, trial.params().get(name)));
            study.tell(trial, objective(trial.params()));
        }
        assertEquals(n, study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count());
    }

    /**
     * In a study of two or three objectives (one maximised) with constraints that some trials break,
     * the sampler never throws, proposes values within their distributions, and a seed reproduces
     * the study; the constraints are stored on every trial.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    public void multiObjectiveStudiesWithConstraintsGetValidReproducibleTrials(int objectives) {
        applies(Check.MULTI_OBJECTIVE);
        List<TrialRecord> first = runConstrained(objectives, 23);
        assertEquals(trials(MIXED, 30), first.size());
        int infeasible = 0;
        for (TrialRecord trial : first) {
            assertEquals(TrialState.COMPLETE, trial.state(), () -> "trial " + trial.number() + trial.failReason());
            assertEquals(objectives, trial.values().size());
            MIXED.forEach((name, d) -> assertWithin(d, trial.paramValues().get(name)));
            assertEquals(2, trial.constraints().size(), "constraints stored on trial " + trial.number());
            infeasible += trial.constraintViolation().orElseThrow() > 0 ? 1 : 0;
        }
        assertTrue(infeasible > 0 || first.size() < 10, "some trials break a constraint, so the check means something");
        assertEquals(first.stream().map(TrialRecord::paramValues).toList(),
                runConstrained(objectives, 23).stream().map(TrialRecord::paramValues).toList(), "a seed reproduces");
    }

    private List<TrialRecord> runConstrained(int objectives, long seed) {
        dev.osprey.optimizer.trial.Direction[] directions = new dev.osprey.optimizer.trial.Direction[objectives];
        Arrays.fill(directions, dev.osprey.optimizer.trial.Direction.MINIMIZE);
        directions[1] = dev.osprey.optimizer.trial.Direction.MAXIMIZE;
        Study study = Study.builder().sampler(samplerFor(MIXED)).pruner(Pruners.none()).seed(seed)
                .directions(directions)
                .constraints(t -> new double[] {(Double) t.paramValues().get("x") - 2,
                        -1 - (Double) t.paramValues().get("x")})
                .create();
        study.optimizeMulti(trial -> {
            Map<String, Object> values = suggestAll(trial, MIXED);
            double x = (Double) values.get("x");
            double[] result = new double[objectives];
            result[0] = objective(values);
            result[1] = -x * x;
            for (int k = 2; k < objectives; k++) {
                result[k] = Math.abs(x - k);
            }
            return result;
        }, dev.osprey.optimizer.Budget.trials(trials(MIXED, 30)));
        return study.trials();
    }

    // ------------------------------------------------------------------ helpers for subclasses

    /** A new in-memory study over {@code space} with this sampler, no pruner and the given seed. */
    protected final Study newStudy(Map<String, Distribution> space, long seed) {
        return Study.builder().sampler(samplerFor(space)).pruner(Pruners.none()).seed(seed).create();
    }

    /** {@code wanted} trials, or fewer if the sampler cannot propose that many points of {@code space}. */
    protected final int trials(Map<String, Distribution> space, int wanted) {
        return Math.min(wanted, capacity(space));
    }

    /** Suggests every parameter of {@code space} in order and returns the values. */
    protected static Map<String, Object> suggestAll(Trial trial, Map<String, Distribution> space) {
        Map<String, Object> values = new LinkedHashMap<>();
        space.forEach((name, d) -> values.put(name, trial.suggest(name, d)));
        return values;
    }

    /** A simple objective over any parameter values: the sum of their distances from 1. */
    protected static double objective(Map<String, Object> values) {
        return values.values().stream().mapToDouble(v -> Math.abs(number(v) - 1)).sum();
    }

    private List<Map<String, Object>> runMixed(long seed) {
        Study study = newStudy(MIXED, seed);
        study.optimize(trial -> objective(suggestAll(trial, MIXED)), trials(MIXED, 25));
        return study.trials().stream().map(TrialRecord::paramValues).toList();
    }

    private void applies(Check check) {
        Optional<String> reason = skipReason(check);
        assumeTrue(reason.isEmpty(), () -> check + " does not apply: " + reason.orElseThrow());
    }

    private static double number(Object value) {
        return switch (value) {
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1 : 0;
            case null -> -1;
            default -> value.hashCode() % 7;
        };
    }

    /** Whether a distribution has more than two values: a float range's high is excluded, as in Optuna. */
    private static boolean hasRoomToExplore(Distribution distribution) {
        return switch (distribution) {
            case FloatDistribution f -> f.step() == null ? Math.nextUp(f.low()) < Math.nextDown(f.high())
                    : f.high() - f.low() >= f.step();
            case IntDistribution i -> i.high() - i.low() >= i.step();
            case CategoricalDistribution c -> c.choices().size() > 1;
        };
    }

    private static double midpoint(Distribution distribution) {
        return switch (distribution) {
            case FloatDistribution f -> f.log() ? Math.sqrt(f.low() * f.high()) : (f.low() + f.high()) / 2;
            case IntDistribution i -> ((double) i.low() + i.high()) / 2;
            case CategoricalDistribution c -> 0;
        };
    }

    private static Map<String, Distribution> mixedSpace() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("x", Distribution.floats(-5, 5));
        space.put("lr", Distribution.logFloats(1e-5, 1));
        space.put("units", Distribution.logInts(1, 64));
        space.put("dropout", Distribution.steppedFloats(0, 0.5, 0.1));
        space.put("layers", new IntDistribution(0, 10, false, 2));
        space.put("optimizer", Distribution.choices(Arrays.asList("adam", "sgd", null, 3)));
        return Collections.unmodifiableMap(space);
    }
}
