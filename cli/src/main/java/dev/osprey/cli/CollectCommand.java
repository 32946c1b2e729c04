package dev.osprey.cli;

import dev.osprey.sweeper.Collector;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code osprey collect STUDY}: reads the results of a detached sweep's finished jobs into the study. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Tell the study the results of finished jobs of a sweep run with --detach.")
final class CollectCommand implements Callable<Integer> {

    private final OspreyCli.Context context;
    @Mixin
    StorageOption storage;
    @Parameters(paramLabel = "STUDY")
    String study;

    CollectCommand(OspreyCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Storage s = storage.open(); Study loaded = StudyCommands.load(s, study)) {
            Collector.Collected collected = Collector.collect(loaded);
            collected.told().forEach(t -> context.out().println("trial " + t.number() + " " + t.state()
                    + (t.values().isEmpty() ? "" : " " + t.values())));
            collected.problems().forEach(p -> context.err().println("osprey: " + p));
            context.err().println("collected " + collected.told().size() + " result(s); " + collected.stillRunning()
                    + " job(s) still running");
            return collected.problems().isEmpty() ? OspreyCli.OK : OspreyCli.FAILED;
        }
    }
}
