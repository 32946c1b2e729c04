package dev.osprey.cli;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.importance.ImportanceEvaluator;
import dev.osprey.optimizer.importance.Importances;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code osprey importance STUDY}: how much each parameter matters to an objective. */
@Command(name = "importance", mixinStandardHelpOptions = true,
        description = "Rank a study's parameters by importance for one objective (PED-ANOVA or fANOVA).")
final class ImportanceCommand implements Callable<Integer> {

    private final OspreyCli.Context context;
    @Mixin
    StorageOption storage;
    @Option(names = "--evaluator", paramLabel = "ped-anova|fanova",
            description = "ped-anova (default, Optuna's current default) or fanova (a random forest, seed 0).")
    String evaluator = "ped-anova";
    @Option(names = "--objective", paramLabel = "N", description = "The objective's index (default 0).")
    int objective;
    @Parameters(paramLabel = "STUDY")
    String study;

    ImportanceCommand(OspreyCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ImportanceEvaluator chosen = switch (evaluator.toLowerCase(Locale.ROOT)) {
            case "ped-anova", "pedanova" -> Importances.pedAnova();
            case "fanova" -> Importances.fanova(0);
            default -> throw new IllegalArgumentException(
                    "--evaluator takes ped-anova or fanova, not '" + evaluator + "'");
        };
        try (Storage s = storage.openExisting(); Study loaded = StudyCommands.load(s, study)) {
            List<Direction> directions = loaded.directions();
            if (objective < 0 || objective >= directions.size()) {
                throw new IllegalArgumentException("--objective " + objective + " does not exist: study '" + study
                        + "' has " + directions.size() + " objective(s), numbered from 0");
            }
            Map<String, Double> importances = chosen.evaluate(loaded.trials(), objective, directions.get(objective));
            Table table = new Table(List.of("param", "importance"));
            importances.forEach((name, value) -> table.row(name, value));
            table.print(context.out(), storage.format);
        }
        return OspreyCli.OK;
    }
}
