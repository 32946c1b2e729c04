package dev.osprey.cli;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code osprey watch STUDY}: a live view of a study. On a terminal the view is redrawn in place;
 * piped, each view that differs from the previous one is appended under a time stamp. The database
 * is opened for each refresh and closed again, so that watching never holds a study file that a
 * sweep serves, nor keeps the sweep waiting when it ends.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Watch a study live: trials by state, best so far, throughput, running trials, last failures.")
final class WatchCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String CLEAR = "\033[H\033[2J";

    private final OspreyCli.Context context;
    @Mixin
    StorageOption storage;
    @Option(names = "--interval", paramLabel = "SECONDS", description = "Seconds between refreshes (default 2).")
    double interval = 2;
    @Option(names = "--until-done", description = "Exit once the study has trials and none is running or waiting.")
    boolean untilDone;
    @Parameters(paramLabel = "STUDY")
    String study;
    /** The time the view shows elapsed times against; the system clock unless a test sets another. */
    Clock clock = Clock.systemUTC();

    WatchCommand(OspreyCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!(interval > 0) || !Double.isFinite(interval)) {
            throw new IllegalArgumentException("--interval takes a positive number of seconds, not " + interval);
        }
        boolean terminal = Console.isInteractive();
        Duration pause = Duration.ofNanos((long) (interval * 1e9));
        List<String> shown = List.of();
        while (true) {
            List<TrialRecord> trials;
            List<Direction> directions;
            try (Storage s = storage.openExisting(); Study loaded = StudyCommands.load(s, study)) {
                trials = loaded.trials();
                directions = loaded.directions();
            }
            List<String> view = WatchView.render(study, directions, trials, clock.instant());
            if (terminal) {
                context.out().print(CLEAR + String.join("\n", view) + "\n");
                context.out().flush();
            } else if (!view.equals(shown)) {
                context.out().println("--- " + LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(TIME));
                view.forEach(context.out()::println);
                context.out().flush();
            }
            shown = view;
            boolean done = !trials.isEmpty() && trials.stream()
                    .noneMatch(t -> t.state() == TrialState.RUNNING || t.state() == TrialState.WAITING);
            if (untilDone && done) {
                return OspreyCli.OK;
            }
            Thread.sleep(pause.toMillis(), (int) (pause.toNanosPart() % 1_000_000));
        }
    }
}
