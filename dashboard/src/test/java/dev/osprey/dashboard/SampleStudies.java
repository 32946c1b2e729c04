package dev.osprey.dashboard;

import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Studies to look at, written straight through the storage API: x in [-10, 10], y log in [1e-3, 10],
 * c in {a, b, c}, n in 0..10, value x^2 + 0.1 y + 5 index(c). Every 10th trial is PRUNED after
 * reporting, every 25th FAILs, and the rest COMPLETE with three intermediate values.
 */
public final class SampleStudies {

    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private SampleStudies() {
    }

    public static StudyInfo singleObjective(Storage storage, String name, int trials, long seed) {
        StudyInfo study = storage.createStudy(name, List.of(Direction.MINIMIZE), Map.of());
        add(storage, study, trials, seed);
        return study;
    }

    public static StudyInfo twoObjectives(Storage storage, String name, int trials, long seed) {
        StudyInfo study = storage.createStudy(name, List.of(Direction.MINIMIZE, Direction.MINIMIZE), Map.of());
        add(storage, study, trials, seed);
        return study;
    }

    /** Adds trials to a study; returns the number of COMPLETE ones added. */
    public static int add(Storage storage, StudyInfo study, int trials, long seed) {
        Random random = new Random(seed);
        int complete = 0;
        for (int i = 0; i < trials; i++) {
            Instant start = START.plusSeconds(i * 10L);
            TrialRecord trial = storage.startTrial(study.id(), Integer.MAX_VALUE, start).orElseThrow();
            double x = -10 + 20 * random.nextDouble();
            double y = Math.pow(10, -3 + 4 * random.nextDouble());
            int c = random.nextInt(3);
            int n = random.nextInt(11);
            storage.setParam(trial.id(), "x", new Param(Distribution.floats(-10, 10), x));
            storage.setParam(trial.id(), "y", new Param(Distribution.logFloats(1e-3, 10), y));
            storage.setParam(trial.id(), "c", new Param(Distribution.choices(List.of("a", "b", "c")), c));
            storage.setParam(trial.id(), "n", new Param(Distribution.ints(0, 10), n));
            double value = x * x + 0.1 * y + 5 * c;
            int number = trial.number();
            Instant end = start.plusSeconds(5 + random.nextInt(10));
            if (number % 25 == 24) {
                storage.finishTrial(trial.id(), TrialState.FAIL, List.of(), "the sample fails every 25th trial", end);
                continue;
            }
            for (int step = 0; step < 3; step++) {
                storage.reportIntermediate(trial.id(), step, value * (3 - step));
            }
            if (number % 10 == 9) {
                storage.finishTrial(trial.id(), TrialState.PRUNED, List.of(), null, end);
                continue;
            }
            List<Double> values = study.directions().size() == 1 ? List.of(value) : List.of(value, 100 - x * x + n);
            storage.finishTrial(trial.id(), TrialState.COMPLETE, values, null, end);
            complete++;
        }
        return complete;
    }

    /**
     * A study of one finished trial whose job directory (made under {@code dir}) holds what the
     * sweeper's launchers write: the composed config, the overrides and the program's logs.
     */
    public static StudyInfo withJobDirectory(Storage storage, String name, java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path job = dir.resolve("multirun/0");
        java.nio.file.Files.createDirectories(job.resolve(".osprey"));
        java.nio.file.Files.writeString(job.resolve(".osprey/config.yaml"), "optimizer:\n  lr: 0.01\nmodel: resnet\n");
        java.nio.file.Files.writeString(job.resolve(".osprey/overrides.yaml"), "- optimizer.lr=0.01\n- model=resnet\n");
        StringBuilder log = new StringBuilder();
        for (int epoch = 1; epoch <= 2000; epoch++) {
            log.append("epoch ").append(epoch).append(" loss ").append(1.0 / epoch).append('\n');
        }
        java.nio.file.Files.writeString(job.resolve("stdout.log"), log + "validation loss 0.42\n");
        java.nio.file.Files.writeString(job.resolve("stderr.log"), "a warning from the program\n");
        StudyInfo study = storage.createStudy(name, List.of(Direction.MINIMIZE), Map.of());
        TrialRecord trial = storage.startTrial(study.id(), Integer.MAX_VALUE, START,
                Map.of("osprey.job_dir", job.toString())).orElseThrow();
        storage.setParam(trial.id(), "optimizer.lr", new Param(Distribution.logFloats(1e-4, 1), 0.01));
        storage.finishTrial(trial.id(), TrialState.COMPLETE, List.of(0.42), null, START.plusSeconds(60));
        return study;
    }

    /** How many of the first {@code trials} trials {@link #add} completes. */
    public static int completeOf(int trials) {
        int complete = 0;
        for (int number = 0; number < trials; number++) {
            if (number % 25 != 24 && number % 10 != 9) {
                complete++;
            }
        }
        return complete;
    }
}
