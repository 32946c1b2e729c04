package dev.osprey.optimizer.sampler.gp;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GP sampler on awkward histories: each falls back where it must, never throws, and says so once. */
class GpSamplerBehaviourTest {

    private static final Distribution X = Distribution.floats(-5, 10);
    private static final Distribution Y = Distribution.floats(0, 15);

    private final List<String> logged = new ArrayList<>();
    private final Logger logger = Logger.getLogger(GpSampler.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    private static Study study(Sampler sampler, long seed) {
        return Study.builder().sampler(sampler).pruner(Pruners.none()).seed(seed).create();
    }

    private static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    private static double braninRegret(Sampler sampler, long seed, int trials) {
        Study study = study(sampler, seed);
        study.optimize(t -> branin((Double) t.suggest("x", X), (Double) t.suggest("y", Y)), trials);
        return study.bestValue() - 0.397887357729738;
    }

    private long messagesContaining(String text) {
        synchronized (logged) {
            return logged.stream().filter(m -> m.contains(text)).count();
        }
    }

    private static List<TrialState> states(Study study) {
        return study.trials().stream().map(TrialRecord::state).toList();
    }

    @Test
    void beatsRandomSearchOnBraninAfterFortyTrials() {
        int gpWins = 0;
        double gpTotal = 0;
        double randomTotal = 0;
        for (long seed = 0; seed < 4; seed++) {
            double gp = braninRegret(Samplers.gp(), seed, 40);
            double random = braninRegret(Samplers.random(), seed, 40);
            gpWins += gp < random ? 1 : 0;
            gpTotal += gp;
            randomTotal += random;
        }
        assertTrue(gpWins >= 3, "the GP wins on " + gpWins + " of 4 seeds");
        assertTrue(gpTotal < randomTotal / 5, "mean regret " + gpTotal / 4 + " against random's " + randomTotal / 4);
    }

    @Test
    void aSeedAndAHistoryDetermineTheTrials() {
        List<Map<String, Object>> first = run(3);
        assertEquals(first, run(3));
        assertNotEquals(first, run(4));
    }

    private static List<Map<String, Object>> run(long seed) {
        Study study = study(Samplers.gpBuilder().nStartupTrials(5).build(), seed);
        study.optimize(t -> branin((Double) t.suggest("x", X), (Double) t.suggest("y", Y)), 15);
        return study.trials().stream().map(TrialRecord::paramValues).toList();
    }

    @Test
    void theModelledTrialsAreNotTheIndependentSamplersOnes() {
        // after startup the GP proposes, so trials differ from those random sampling draws for the same seed
        Study gp = study(Samplers.gpBuilder().nStartupTrials(3).build(), 1);
        Study random = study(Samplers.random(), 1);
        for (Study s : List.of(gp, random)) {
            s.optimize(t -> branin((Double) t.suggest("x", X), (Double) t.suggest("y", Y)), 6);
        }
        assertEquals(gp.trials().subList(0, 3).stream().map(TrialRecord::paramValues).toList(),
                random.trials().subList(0, 3).stream().map(TrialRecord::paramValues).toList(), "startup trials are random");
        assertNotEquals(gp.trials().get(5).paramValues(), random.trials().get(5).paramValues());
        assertTrue(gp.trials().get(5).systemAttrs().containsKey(GpSampler.RELATIVE_PARAMS), "modelled trials record their point");
    }

    @Test
    void aSpaceThatChangesBetweenTrialsModelsOnlyTheSharedParameters() {
        Study study = study(Samplers.gpBuilder().nStartupTrials(4).build(), 2);
        study.optimize(t -> {
            double v = branin((Double) t.suggest("x", X), 7.5);
            if (t.number() % 3 == 0) {
                v += (Integer) t.suggest("extra", Distribution.ints(0, 4));
            }
            // "y" is dropped halfway and "z" comes in
            return v + (t.number() < 10 ? (Double) t.suggest("y", Y) : (Double) t.suggest("z", Y)) * 0.01;
        }, 20);
        assertTrue(states(study).stream().allMatch(s -> s == TrialState.COMPLETE), states(study).toString());
        TrialRecord last = study.trials().get(19);
        @SuppressWarnings("unchecked")
        Map<String, Object> modelled = (Map<String, Object>) last.systemAttrs().get(GpSampler.RELATIVE_PARAMS);
        assertEquals(List.of("x"), List.copyOf(modelled.keySet()), "only x has one distribution in every trial");
        assertEquals(1, messagesContaining("parameter 'z' is outside the space"));
        assertEquals(1, messagesContaining("parameter 'extra' is outside the space"));
    }

    @Test
    void onlyCategoricalParametersAreModelledByTheirHammingKernel() {
        List<String> colours = List.of("red", "green", "blue", "cyan", "magenta");
        List<String> sizes = List.of("s", "m", "l");
        Study study = study(Samplers.gpBuilder().nStartupTrials(5).build(), 3);
        study.optimize(t -> ("blue".equals(t.suggestCategorical("colour", colours)) ? 0 : 1)
                + ("m".equals(t.suggestCategorical("size", sizes)) ? 0 : 1), 15);
        assertTrue(states(study).stream().allMatch(s -> s == TrialState.COMPLETE));
        assertEquals(0, study.bestValue(), "15 trials find the best of 15 combinations with the GP");
        assertTrue(study.trials().get(14).systemAttrs().containsKey(GpSampler.RELATIVE_PARAMS));
    }

    @Test
    void aSingleParameterAndAConstantObjectiveWork() {
        Study single = study(Samplers.gpBuilder().nStartupTrials(3).build(), 4);
        single.optimize(t -> Math.pow((Double) t.suggest("x", X) - 2, 2), 15);
        assertTrue(single.bestValue() < 0.05, "one parameter: best " + single.bestValue());

        Study constant = study(Samplers.gpBuilder().nStartupTrials(3).build(), 5);
        constant.optimize(t -> 1.0 + 0 * (Double) t.suggest("x", X) + 0 * (Double) t.suggest("y", Y), 12);
        assertTrue(states(constant).stream().allMatch(s -> s == TrialState.COMPLETE));
        assertEquals(12, constant.trials().stream().map(TrialRecord::paramValues).distinct().count(),
                "a flat model still proposes new points");
    }

    @Test
    void nanValuesAndFailedTrialsAreLeftOut() {
        Study study = study(Samplers.gpBuilder().nStartupTrials(3).build(), 6);
        for (int i = 0; i < 20; i++) {
            Trial trial = study.ask();
            double v = branin((Double) trial.suggest("x", X), (Double) trial.suggest("y", Y));
            switch (i % 4) {
                case 1 -> study.tellFailed(trial, "crashed");
                case 2 -> study.tell(trial, Double.NaN);
                case 3 -> study.tell(trial, i % 8 == 3 ? Double.POSITIVE_INFINITY : v);
                default -> study.tell(trial, v);
            }
        }
        assertEquals(20, study.trials().size());
        assertTrue(study.trials().stream().filter(t -> t.number() >= 8)
                .anyMatch(t -> t.systemAttrs().containsKey(GpSampler.RELATIVE_PARAMS)), "the GP modelled the rest");
    }

    @Test
    void aSmallGridWhosePointsAreAllTriedFallsBackToIndependentSampling() {
        Distribution a = Distribution.ints(0, 2);
        Distribution b = Distribution.ints(0, 2);
        Study study = study(Samplers.gpBuilder().nStartupTrials(2).deterministicObjective(true).build(), 7);
        study.optimize(t -> (Integer) t.suggest("a", a) + 0.5 * (Integer) t.suggest("b", b), 14);
        assertTrue(states(study).stream().allMatch(s -> s == TrialState.COMPLETE));
        assertEquals(9, study.trials().stream().map(TrialRecord::paramValues).distinct().count(),
                "every point of the 3×3 grid ran");
        assertEquals(1, messagesContaining("was tried already"));
    }

    @Test
    void runningTrialsKeepParallelProposalsApart() {
        Study study = study(Samplers.gpBuilder().nStartupTrials(5).build(), 8);
        study.optimize(t -> branin((Double) t.suggest("x", X), (Double) t.suggest("y", Y)), 10);
        List<Trial> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Trial trial = study.ask();
            trial.suggest("x", X);
            trial.suggest("y", Y);
            running.add(trial);
        }
        long distinct = running.stream().map(t -> t.params().toString()).distinct().count();
        assertEquals(4, distinct, "four asks while the others run propose four points");
        double minGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < i; j++) {
                double dx = ((Double) running.get(i).params().get("x") - (Double) running.get(j).params().get("x")) / 15;
                double dy = ((Double) running.get(i).params().get("y") - (Double) running.get(j).params().get("y")) / 15;
                minGap = Math.min(minGap, Math.hypot(dx, dy));
            }
        }
        assertTrue(minGap > 1e-3, "running points are spread apart, closest pair at " + minGap);
    }

    @Test
    void aMultiObjectiveStudyIsSampledAtRandomAndSaysSoOnce() {
        Study study = Study.builder().sampler(Samplers.gp()).pruner(Pruners.none()).seed(9)
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE).create();
        for (int i = 0; i < 15; i++) {
            Trial trial = study.ask();
            double x = (Double) trial.suggest("x", X);
            study.tell(trial, x, -x);
        }
        assertTrue(states(study).stream().allMatch(s -> s == TrialState.COMPLETE));
        assertEquals(1, messagesContaining("models one objective"));
    }

    @Test
    void aLongHistoryIsCappedAndSaidOnce() {
        Storage storage = Storages.inMemory();
        Study filled = Study.builder().storage(storage).name("long").sampler(Samplers.random())
                .pruner(Pruners.none()).seed(10).create();
        filled.optimize(t -> branin((Double) t.suggest("x", X), (Double) t.suggest("y", Y)), 10_000);
        Study resumed = Study.builder().storage(storage).name("long").sampler(Samplers.gp())
                .pruner(Pruners.none()).seed(10).load();
        for (int i = 0; i < 2; i++) {
            Trial trial = resumed.ask();
            resumed.tell(trial, branin((Double) trial.suggest("x", X), (Double) trial.suggest("y", Y)));
        }
        List<TrialRecord> trials = resumed.trials();
        assertEquals(10_002, trials.size());
        assertTrue(trials.subList(10_000, 10_002).stream().allMatch(t -> t.state() == TrialState.COMPLETE
                && t.systemAttrs().containsKey(GpSampler.RELATIVE_PARAMS)), "the GP proposed both");
        assertEquals(1, messagesContaining("is fitted to " + GpBuilder.DEFAULT_MAX_OBSERVATIONS));
    }
}
