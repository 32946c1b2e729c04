package dev.osprey.examples;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;

/**
 * Embedding the study API: a study is created in an H2 file, optimised, closed; then re-opened
 * from the file and continued. Run it twice and the second run continues the first one's study.
 *
 * <pre>java -cp ... dev.osprey.examples.EmbeddedStudy [H2_FILE] [TRIALS_PER_SESSION]</pre>
 */
public final class EmbeddedStudy {

    private EmbeddedStudy() {
    }

    public static void main(String[] args) {
        String file = args.length > 0 ? args[0] : "osprey-studies/embedded";
        int perSession = args.length > 1 ? Integer.parseInt(args[1]) : 15;

        // first session: create (or resume) the study and run some trials
        try (Storage storage = Storages.open(file);
             Study study = Study.builder().name("rosenbrock").storage(storage).sampler(Samplers.tpe()).seed(42)
                     .createOrLoad()) {
            study.optimize(EmbeddedStudy::objective, study.trials().size() + perSession);
            System.out.printf("after the first session: %d trials, best %.5f%n", study.trials().size(), study.bestValue());
        }

        // second session: re-open the study from the file (load fails if it is not there) and continue
        try (Storage storage = Storages.open(file);
             Study study = Study.builder().name("rosenbrock").storage(storage).sampler(Samplers.tpe()).seed(42).load()) {
            int before = study.trials().size();
            study.optimize(EmbeddedStudy::objective, before + perSession);
            TrialRecord best = study.bestTrial();
            System.out.printf("after the second session: %d trials (numbers %d..%d), best %.5f at %s%n",
                    study.trials().size(), study.trials().get(0).number(),
                    study.trials().get(study.trials().size() - 1).number(), best.value(), best.paramValues());
        }
    }

    static double objective(Trial trial) {
        double x = trial.suggestFloat("x", -2, 2);
        double y = trial.suggestFloat("y", -1, 3);
        return Math.pow(1 - x, 2) + 100 * Math.pow(y - x * x, 2);
    }
}
