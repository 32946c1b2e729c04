package dev.osprey.studydb;

import dev.osprey.optimizer.Objective;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A TPE study on an H2 file, stopped, reopened and continued, equals one run without a stop. */
class StudyResumeTest {

    private static final Objective OBJECTIVE = trial -> {
        double x = trial.suggestFloat("x", -5, 5);
        int layers = trial.suggestInt("layers", 1, 8);
        double lr = trial.suggestFloat("lr", 1e-5, 1, true);
        String optimizer = trial.suggestCategorical("optimizer", "adam", "sgd", "rmsprop");
        trial.report(0, x * x);
        return (x - 1.5) * (x - 1.5) + Math.abs(layers - 4) + Math.abs(Math.log10(lr) + 3)
                + (optimizer.equals("adam") ? 0 : 0.5);
    };

    @TempDir
    Path directory;

    @Test
    void aResumedStudyContinuesNumberingAndProposesWhatAnUninterruptedOneDoes() {
        String resumed = directory.resolve("resumed").toString();
        try (Storage storage = Storages.open(resumed)) {
            Study first = Study.builder().name("tuning").storage(storage).sampler(Samplers.tpe()).seed(2024).create();
            first.optimize(OBJECTIVE, 50);
        }
        List<TrialRecord> continued;
        try (Storage storage = Storages.open(resumed)) {
            Study again = Study.builder().name("tuning").storage(storage).load();
            assertEquals(50, again.trials().size());
            again.optimize(OBJECTIVE, 100);
            continued = again.trials();
        }

        List<TrialRecord> straight;
        try (Storage storage = Storages.open(directory.resolve("straight").toString())) {
            Study study = Study.builder().name("tuning").storage(storage).sampler(Samplers.tpe()).seed(2024).create();
            study.optimize(OBJECTIVE, 100);
            straight = study.trials();
        }

        assertEquals(IntStream.range(0, 100).boxed().toList(), continued.stream().map(TrialRecord::number).toList());
        assertEquals(100, continued.stream().filter(t -> t.state() == TrialState.COMPLETE).count());
        for (int i = 0; i < 100; i++) {
            assertEquals(straight.get(i).params(), continued.get(i).params(), "parameters of trial " + i);
            assertEquals(straight.get(i).values(), continued.get(i).values(), "value of trial " + i);
        }
    }
}
