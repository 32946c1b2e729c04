package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every {@link Pruner} keeps, as JUnit 5 checks: a kit for pruners written here or in a
 * project of their own. It is published in the optimizer module's test-jar,
 * {@code dev.osprey:osprey-optimizer} with {@code <type>test-jar</type>} at test scope.
 *
 * <p>A pruner's test extends this class and implements {@link #pruner()}. It states what the pruner
 * documents it waits for with {@link #completeTrialsNeeded()} and {@link #firstPrunableStep()}; a
 * pruner of absolute bounds also gives {@link #mirroredPruner()}, and one that judges a trial
 * against a group of trials only may raise {@link #peers()}.
 *
 * <p>The checks play {@link ScriptedStudy scripted studies}: {@link #peers()} COMPLETE trials with
 * improving learning curves (below 1, lower is better), then, side by side, a hopeless trial (1000
 * and up, worse at every step), a trial ahead of every peer (below 0.05, better at every step) and
 * a hopeless trial that reports NaN at steps 0, 3, 6, ... Trials report {@value #STEPS} steps from
 * step 0, the pruner is asked after every report, as a study asks it, and a trial it stops ends
 * PRUNED. Under MAXIMIZE every value is negated and {@link #mirroredPruner()} judges. They check that:
 * <ul>
 *   <li>a trial that reported nothing (RUNNING or WAITING) is never pruned;</li>
 *   <li>nothing is pruned before the COMPLETE trials and the steps the pruner waits for;</li>
 *   <li>a hopeless trial is pruned, NaN reports or not; a trial ahead of every peer never is, also
 *       when peers reported NaN or when it reports at steps no peer reported;</li>
 *   <li>a finished trial (COMPLETE, PRUNED, FAIL) is never pruned, and asking about it writes nothing;</li>
 *   <li>the same history gives the same decisions, and so does its mirror image under MAXIMIZE;
 *       the trials' parameters, attributes and times change none; a pruner shared by two studies
 *       decides for each as a fresh one would.</li>
 * </ul>
 *
 * <p>The checks are public methods: a pruner that by design cannot keep one (a pruner that never
 * prunes) overrides it with {@code @Disabled("why")} beside its test annotations, so that the gap
 * shows in test reports.
 */
public abstract class PrunerContract {

    /** The name of every scripted study (Hyperband, for one, assigns brackets by it). */
    protected static final String STUDY = "pruner-contract";
    /** How many steps each scripted trial reports: 0, 1, 2, ... */
    protected static final int STEPS = 32;
    /** The steps of the history played before the check that a shared pruner keeps studies apart. */
    private static final int LONG_STEPS = 201;

    private static final IntToDoubleFunction HOPELESS = step -> 1000 + step;
    private static final IntToDoubleFunction HOPELESS_WITH_NAN = step -> step % 3 == 0 ? Double.NaN : 1000.0 + step;
    private static final IntToDoubleFunction AHEAD = step -> 0.05 / (1 + step);

    /** A new instance of the pruner under test; the kit asks for one per scripted study. */
    protected abstract Pruner pruner();

    /**
     * The pruner that, on values negated under MAXIMIZE, decides as {@link #pruner()} does under
     * MINIMIZE. A pruner that reads the study's direction needs nothing else, hence the default; a
     * pruner of absolute bounds returns one with its bounds negated and swapped.
     */
    protected Pruner mirroredPruner() {
        return pruner();
    }

    /** How many COMPLETE trials the pruner documents it waits for before it prunes anything; 0 if none. */
    protected int completeTrialsNeeded() {
        return 0;
    }

    /**
     * The first step at which the pruner documents it may prune a trial that reports every step from
     * 0, in histories of {@value #STEPS} steps (its warm-up, or the first rung); 0 if any step.
     */
    protected int firstPrunableStep() {
        return 0;
    }

    /**
     * How many COMPLETE trials run before the trials under check (at least
     * {@link #completeTrialsNeeded()}). A pruner that judges a trial only against a group of trials,
     * as Hyperband does within a bracket, raises it until the groups of the trials under check have
     * peers.
     */
    protected int peers() {
        return 10;
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    public void aTrialThatReportedNothingIsNeverPruned(Direction direction) {
        ScriptedStudy empty = study(direction);
        assertFalse(empty.ask(empty.start()), "the first trial of an empty study, before it reported");
        ScriptedStudy played = study(direction);
        playPeersThenTheTrialsUnderCheck(played, direction);
        assertFalse(played.ask(played.start()), "a new trial after a whole history, before it reported");
        assertFalse(played.ask(played.enqueue()), "a WAITING trial");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    public void nothingIsPrunedBeforeTheCompleteTrialsItWaitsFor(Direction direction) {
        int needed = completeTrialsNeeded();
        assumeTrue(needed > 0, "the pruner waits for no COMPLETE trials");
        ScriptedStudy study = study(direction);
        for (int i = 0; i < needed - 1; i++) {
            play(study, direction, List.of(peer(i, STEPS)), false, true);
        }
        // trials that reported every step but are still running are no COMPLETE trials
        play(study, direction, List.of(peer(needed - 1, STEPS), peer(needed, STEPS)), false, false);
        play(study, direction, List.of(everyStep(STEPS, HOPELESS), everyStep(STEPS, HOPELESS_WITH_NAN)),
                false, true);
        assertEquals(List.of(), pruned(study), "with " + (needed - 1) + " of the " + needed
                + " COMPLETE trials the pruner waits for");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    public void nothingIsPrunedBeforeItsFirstPrunableStep(Direction direction) {
        int first = firstPrunableStep();
        assumeTrue(first > 0, "the pruner may prune from step 0");
        ScriptedStudy study = study(direction);
        playPeersThenTheTrialsUnderCheck(study, direction);
        assertEquals(List.of(), pruned(study).stream().filter(d -> d.step() < first).toList(),
                "the pruner documents it prunes from step " + first);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    public void aHopelessTrialIsPruned(Direction direction) {
        assertPrunedInTime(playPeersThenTheTrialsUnderCheck(study(direction), direction).get(0),
                "a trial reporting 1000 and up, worse at every step");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    public void nanReportsDoNotSaveAHopelessTrial(Direction direction) {
        assertPrunedInTime(playPeersThenTheTrialsUnderCheck(study(direction), direction).get(2),
                "a trial reporting NaN at steps 0, 3, 6, ... and between them 1000 and up, worse at every step");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    public void aTrialAheadOfEveryPeerIsNeverPruned(Direction direction) {
        assertNeverPruned(playPeersThenTheTrialsUnderCheck(study(direction), direction).get(1),
                "a trial better than every peer at every step, reporting beside hopeless ones");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    public void peersThatReportedNaNDoNotCountAgainstATrial(Direction direction) {
        ScriptedStudy study = study(direction);
        for (int i = 0; i < peerCount(); i++) {
            IntToDoubleFunction curve = peerCurve(i);
            IntToDoubleFunction reported = i % 2 == 0 ? curve
                    : step -> step % 2 == 1 ? Double.NaN : curve.applyAsDouble(step);
            play(study, direction, List.of(everyStep(STEPS, reported)), false, true);
        }
        play(study, direction, List.of(everyStep(STEPS, step -> Double.NaN)), false, true);
        assertNeverPruned(play(study, direction, List.of(everyStep(STEPS, AHEAD)), true, true).get(0),
                "a trial better than every finite value of its peers (half reported NaN at odd steps, one at all)");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    public void stepsNoPeerReportedDoNotCountAgainstATrial(Direction direction) {
        ScriptedStudy study = study(direction);
        int[] even = IntStream.range(0, STEPS).filter(step -> step % 2 == 0).toArray();
        for (int i = 0; i < peerCount(); i++) {
            play(study, direction, List.of(new Script(even, peerCurve(i))), false, true);
        }
        int[] oddAndBeyond = IntStream.range(0, 2 * STEPS).filter(step -> step % 2 == 1).toArray();
        assertNeverPruned(play(study, direction, List.of(new Script(oddAndBeyond, AHEAD)), true, true).get(0),
                "a trial better than every peer, reporting odd steps (the peers reported even ones) and steps past"
                        + " the peers' last");
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    public void finishedTrialsAreNeverPruned(Direction direction) {
        ScriptedStudy study = study(direction);
        playPeers(study, direction);
        for (TrialState state : List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)) {
            TrialRecord trial = study.start();
            for (int step = 0; step < STEPS; step++) {
                trial = study.report(trial, step, signed(direction, HOPELESS.applyAsDouble(step)));
            }
            TrialRecord finished = study.finish(trial, state, signed(direction, HOPELESS.applyAsDouble(STEPS - 1)));
            assertFalse(study.ask(finished), "a hopeless trial that is already " + state);
            assertEquals(finished, study.stored(finished), "asking about a " + state + " trial writes nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    public void theSameHistoryGivesTheSameDecisions(Direction direction) {
        ScriptedStudy first = study(direction);
        playPeersThenTheTrialsUnderCheck(first, direction);
        ScriptedStudy again = study(direction);
        playPeersThenTheTrialsUnderCheck(again, direction);
        assertSameDecisions(first, again, "the same history played twice");
    }

    @Test
    public void maximisingMirrorsMinimising() {
        ScriptedStudy minimising = study(Direction.MINIMIZE);
        playPeersThenTheTrialsUnderCheck(minimising, Direction.MINIMIZE);
        ScriptedStudy maximising = study(Direction.MAXIMIZE);
        playPeersThenTheTrialsUnderCheck(maximising, Direction.MAXIMIZE);
        assertSameDecisions(minimising, maximising, "the history with every value negated, maximised");
    }

    @Test
    public void parametersAttributesAndTimesChangeNoDecision() {
        ScriptedStudy plain = study(Direction.MINIMIZE);
        playPeersThenTheTrialsUnderCheck(plain, Direction.MINIMIZE);
        ScriptedStudy dressed = study(Direction.MINIMIZE);
        SplittableRandom random = new SplittableRandom(7);
        Distribution lr = Distribution.logFloats(1e-5, 1);
        dressed.onEveryStart(k -> ScriptedStudy.T0.plusSeconds(random.nextInt(1, 100_000)), trial -> {
            dressed.storage().setParam(trial.id(), "lr", new Param(lr, random.nextDouble(1e-5, 1)));
            dressed.storage().setTrialUserAttr(trial.id(), "note", "run " + random.nextInt());
            dressed.storage().recordHeartbeat(trial.id(),
                    ScriptedStudy.T0.plusSeconds(random.nextInt(100_000, 200_000)));
        });
        playPeersThenTheTrialsUnderCheck(dressed, Direction.MINIMIZE);
        assertSameDecisions(plain, dressed, "the history with parameters, user attributes and other times");
    }

    @Test
    public void aPrunerSharedByTwoStudiesDecidesForEachAsAFreshOneWould() {
        Pruner shared = pruner();
        // first a study unlike the second: maximised, with longer trials
        ScriptedStudy other = new ScriptedStudy(STUDY, Direction.MAXIMIZE, shared);
        for (int i = 0; i < 3; i++) {
            play(other, Direction.MAXIMIZE, List.of(peer(i, LONG_STEPS)), false, true);
        }
        play(other, Direction.MAXIMIZE, List.of(everyStep(LONG_STEPS, HOPELESS), everyStep(LONG_STEPS, AHEAD)),
                true, true);
        ScriptedStudy second = new ScriptedStudy(STUDY, Direction.MINIMIZE, shared);
        playPeersThenTheTrialsUnderCheck(second, Direction.MINIMIZE);
        ScriptedStudy alone = new ScriptedStudy(STUDY, Direction.MINIMIZE, pruner());
        playPeersThenTheTrialsUnderCheck(alone, Direction.MINIMIZE);
        assertSameDecisions(alone, second, "the history played by a pruner that judged another study before");
    }

    // ------------------------------------------------------------------ scripts

    /** What a scripted trial reports: a value (NaN included) at each of its steps, in order. */
    private record Script(int[] steps, IntToDoubleFunction value) {
    }

    private static Script everyStep(int steps, IntToDoubleFunction value) {
        return new Script(IntStream.range(0, steps).toArray(), value);
    }

    /** The {@code i}-th peer's learning curve: improving at every step, and each peer a little worse than the last. */
    private static IntToDoubleFunction peerCurve(int i) {
        return step -> 0.1 + 0.02 * i + 0.5 / (1 + step);
    }

    private static Script peer(int i, int steps) {
        return everyStep(steps, peerCurve(i));
    }

    private ScriptedStudy study(Direction direction) {
        return new ScriptedStudy(STUDY, direction, direction == Direction.MINIMIZE ? pruner() : mirroredPruner());
    }

    private int peerCount() {
        return Math.max(peers(), completeTrialsNeeded());
    }

    private void playPeers(ScriptedStudy study, Direction direction) {
        for (int i = 0; i < peerCount(); i++) {
            play(study, direction, List.of(peer(i, STEPS)), false, true);
        }
    }

    /** Plays peers, then the hopeless trial, the trial ahead and the NaN one: returns when each was pruned. */
    private List<OptionalInt> playPeersThenTheTrialsUnderCheck(ScriptedStudy study, Direction direction) {
        playPeers(study, direction);
        return play(study, direction, List.of(everyStep(STEPS, HOPELESS), everyStep(STEPS, AHEAD),
                everyStep(STEPS, HOPELESS_WITH_NAN)), true, true);
    }

    /**
     * Plays trials side by side: in each round every trial still running reports its next step,
     * then the pruner is asked about each, so that it judges a trial while its neighbours have
     * reported as far. When {@code obey}, a trial the pruner stops ends PRUNED; the others end
     * COMPLETE with their last finite value, or stay RUNNING unless {@code finish}. Returns when
     * each trial was first pruned.
     */
    private static List<OptionalInt> play(ScriptedStudy study, Direction direction, List<Script> scripts,
                                          boolean obey, boolean finish) {
        List<TrialRecord> trials = new ArrayList<>();
        List<OptionalInt> firstPruned = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            trials.add(study.start());
            firstPruned.add(OptionalInt.empty());
        }
        boolean[] stopped = new boolean[scripts.size()];
        int longest = scripts.stream().mapToInt(s -> s.steps().length).max().orElse(0);
        for (int k = 0; k < longest; k++) {
            List<Integer> reporting = new ArrayList<>();
            for (int i = 0; i < scripts.size(); i++) {
                Script script = scripts.get(i);
                if (!stopped[i] && k < script.steps().length) {
                    int step = script.steps()[k];
                    study.report(trials.get(i), step, signed(direction, script.value().applyAsDouble(step)));
                    reporting.add(i);
                }
            }
            for (int i : reporting) {
                if (study.ask(trials.get(i)) && firstPruned.get(i).isEmpty()) {
                    firstPruned.set(i, OptionalInt.of(scripts.get(i).steps()[k]));
                    if (obey) {
                        study.finish(trials.get(i), TrialState.PRUNED, 0);
                        stopped[i] = true;
                    }
                }
            }
        }
        for (int i = 0; i < scripts.size(); i++) {
            if (finish && !stopped[i]) {
                study.finish(trials.get(i), TrialState.COMPLETE, signed(direction, lastFinite(scripts.get(i))));
            }
        }
        return firstPruned;
    }

    private static double lastFinite(Script script) {
        return IntStream.of(script.steps()).mapToDouble(script.value()).filter(Double::isFinite)
                .reduce((earlier, later) -> later).orElse(0);
    }

    private static double signed(Direction direction, double value) {
        return direction == Direction.MAXIMIZE ? -value : value;
    }

    private static List<ScriptedStudy.Decision> pruned(ScriptedStudy study) {
        return study.decisions().stream().filter(ScriptedStudy.Decision::prune).toList();
    }

    private static void assertNeverPruned(OptionalInt firstPruned, String trial) {
        assertTrue(firstPruned.isEmpty(), () -> trial + " was pruned at step " + firstPruned.getAsInt());
    }

    /** Fails at the first answer that differs from the one {@code expected} gave. */
    private static void assertSameDecisions(ScriptedStudy expected, ScriptedStudy actual, String history) {
        List<ScriptedStudy.Decision> want = expected.decisions();
        List<ScriptedStudy.Decision> got = actual.decisions();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertEquals(want.get(i), got.get(i), history + ": answer " + (i + 1) + " of " + want.size() + " differs");
        }
        assertEquals(want.size(), got.size(), history + ": the number of answers");
    }

    private void assertPrunedInTime(OptionalInt firstPruned, String trial) {
        assertTrue(firstPruned.isPresent(), trial + ", among " + peerCount() + " peers below 2, was never pruned");
        assertTrue(firstPruned.getAsInt() >= firstPrunableStep(), trial + " was pruned at step "
                + firstPruned.getAsInt() + ", before step " + firstPrunableStep());
    }
}
