package dev.osprey.cli;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code osprey demo}: a study kept in the study database (an H2 file by default; a second run
 * resumes it) on a training-shaped objective (learning rate, depth, width,
 * optimizer, dropout) whose minimum 0 lies at lr = 1e-3, 4 layers, 128 units, adam, dropout 0.2.
 */
@picocli.CommandLine.Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Optimise a built-in training-shaped objective until the study holds N trials, printing each",
                "trial and then the best one. The study is kept in the study database, so running it again resumes it."})
final class DemoCommand implements java.util.concurrent.Callable<Integer> {

    private final OspreyCli.Context context;

    @picocli.CommandLine.Option(names = "--trials", paramLabel = "N", description = "Study-level trial budget (default 60).")
    int trials = 60;

    @picocli.CommandLine.Option(names = "--sampler", paramLabel = "NAME", description = "The sampler: auto, tpe (the default), tpe_optuna, random, gp, cmaes, qmc, nsga2 or nsga3.")
    String samplerName = "tpe";

    @picocli.CommandLine.Option(names = "--seed", paramLabel = "S", description = "Default 0.")
    long seed;

    @picocli.CommandLine.Option(names = "--study", paramLabel = "NAME", description = "Default demo.")
    String studyName = "demo";

    @picocli.CommandLine.Option(names = "--storage", paramLabel = "LOCATION",
            description = "Default $OSPREY_STORAGE, else ./osprey-studies/studies (an H2 file).")
    String location;

    DemoCommand(OspreyCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintStream out = context.out();
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be a positive whole number, but got " + trials);
        }
        Sampler sampler = Samplers.byName(samplerName);
        String where = location != null ? location : Storages.defaultLocation(System.getenv());
        try (Storage storage = Storages.open(where);
             Study study = Study.builder().name(studyName).storage(storage).sampler(sampler).seed(seed)
                     .createOrLoad()) {
            int held = study.trials().size();
            out.printf(Locale.ROOT, "study '%s' in %s: %s, up to %d trials with the %s sampler, seed %d%n",
                    study.name(), Storages.describe(where), held == 0 ? "new" : "resumed with " + held + " trials",
                    trials, samplerName, study.seed());
            study.optimize(DemoCommand::objective, trials, (s, trial) -> print(out, trial));
            TrialRecord best = study.bestTrial();
            out.printf(Locale.ROOT, "best trial %d: value %.5f with %s%n", best.number(), best.value(),
                    best.paramValues());
        }
        return OspreyCli.OK;
    }

    static double objective(Trial trial) {
        double lr = trial.suggestFloat("lr", 1e-5, 1e-1, true);
        int layers = trial.suggestInt("n_layers", 1, 8);
        int units = trial.suggestInt("units", 16, 512, true);
        String optimizer = trial.suggestCategorical("optimizer", "sgd", "adam", "rmsprop");
        double dropout = trial.suggestFloat("dropout", 0.0, 0.5);
        double u = Math.log10(lr);
        double v = Math.log(units) / Math.log(2);
        double bestU = switch (optimizer) {
            case "sgd" -> -1.5;
            case "adam" -> -3.0;
            default -> -3.5;
        };
        double base = switch (optimizer) {
            case "sgd" -> 0.15;
            case "adam" -> 0.0;
            default -> 0.05;
        };
        double bestDropout = 0.2 * (layers / 4.0) * (v / 7);
        return base + 0.5 * square(u - bestU) + 0.08 * square(layers - 4) + 0.1 * square(v - 7)
                + 2.0 * square(dropout - bestDropout) + 0.3 * square(Math.max(0, u + 2.5 + 0.125 * layers));
    }

    private static void print(PrintStream out, TrialRecord trial) {
        String value = trial.state() == TrialState.COMPLETE
                ? String.format(Locale.ROOT, "%.5f", trial.value()) : trial.state().toString();
        out.printf(Locale.ROOT, "trial %3d  %-9s %s%n", trial.number(), value, trial.paramValues());
    }

    private static double square(double x) {
        return x * x;
    }
}
