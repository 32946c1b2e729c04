package dev.osprey.cli;

import dev.osprey.sweeper.space.SearchSpaces;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code osprey ask} and {@code osprey tell}: trials driven from a shell loop. */
final class AskTellCommands {

    private AskTellCommands() {
    }

    @Command(name = "ask", mixinStandardHelpOptions = true,
            description = {"Start a trial and print its number and parameters as JSON.",
                    "The trial stays RUNNING (without a lease) until 'osprey tell' finishes it."},
            footer = {"", "Example:", "  osprey ask mystudy 'x=interval(-10,10)' 'n=range(1,5)' 'kind=choice(a,b)'",
                    "  {\"number\": 0, \"params\": {\"x\": 3.2, \"n\": 2, \"kind\": \"b\"}}"})
    static final class Ask implements Callable<Integer> {
        private final OspreyCli.Context context;
        @Mixin
        StorageOption storage;
        @Option(names = "--sampler", paramLabel = "NAME", description = "The sampler: auto, tpe (the default), tpe_optuna, random, gp, cmaes, qmc, nsga2 or nsga3.")
        String sampler = "tpe";
        @Option(names = "--seed", paramLabel = "N", description = "The seed of the study (default: the one it was created with).")
        Long seed;
        @Parameters(index = "0", paramLabel = "STUDY")
        String study;
        @Parameters(index = "1..*", paramLabel = "PARAM=SWEEP",
                description = "The search space as sweep overrides: x=interval(0,1), lr=tag(log,interval(1e-5,1)), n=range(1,9), k=choice(a,b).")
        List<String> space = new ArrayList<>();

        Ask(OspreyCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Map<String, Distribution> distributions = SearchSpaces.fromStrings(space).distributions();
            var chosen = Samplers.byName(sampler);
            try (Storage s = storage.open();
                 Study loaded = (seed == null ? Study.builder() : Study.builder().seed(seed))
                         .name(study).storage(s).sampler(chosen).load()) {
                Trial trial = loaded.ask(distributions);
                loaded.detach(trial);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("number", (long) trial.number());
                out.put("params", trial.record().paramValues());
                context.out().println(JsonOutput.write(out));
            }
            return OspreyCli.OK;
        }
    }

    @Command(name = "tell", mixinStandardHelpOptions = true, description = "Finish a trial with its value(s), or as pruned or failed.")
    static final class Tell implements Callable<Integer> {
        private final OspreyCli.Context context;
        @Mixin
        StorageOption storage;
        @Option(names = "--state", paramLabel = "complete|pruned|fail", description = "Default: complete when values are given.")
        String state;
        @Option(names = "--skip-if-finished", description = "Succeed when the trial is finished already.")
        boolean skipIfFinished;
        @Parameters(index = "0", paramLabel = "STUDY")
        String study;
        @Parameters(index = "1", paramLabel = "TRIAL")
        int trialNumber;
        @Parameters(index = "2..*", paramLabel = "VALUE", description = "One value per objective.")
        List<Double> values = new ArrayList<>();

        Tell(OspreyCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String chosen = state != null ? state.toLowerCase(Locale.ROOT) : values.isEmpty() ? "" : "complete";
            try (Storage s = storage.open(); Study loaded = StudyCommands.load(s, study)) {
                TrialRecord told;
                try {
                    told = switch (chosen) {
                        case "complete" -> {
                            if (values.isEmpty()) {
                                throw new IllegalArgumentException("tell " + study + " " + trialNumber
                                        + " needs the objective value(s) to complete the trial");
                            }
                            yield loaded.tell(trialNumber, values.stream().mapToDouble(Double::doubleValue).toArray());
                        }
                        case "pruned" -> loaded.tell(trialNumber, TrialState.PRUNED);
                        case "fail" -> loaded.tellFailed(trialNumber, "told FAIL from the command line");
                        default -> throw new IllegalArgumentException("give the trial's value(s), or --state pruned|fail");
                    };
                } catch (TrialFinishedException e) {
                    if (skipIfFinished) {
                        context.err().println("trial " + trialNumber + " is finished already; skipped");
                        return OspreyCli.OK;
                    }
                    throw e;
                }
                context.err().println("trial " + told.number() + " " + told.state());
            }
            return OspreyCli.OK;
        }
    }
}
