package dev.osprey.launchers.tsp;

import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.LauncherSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The tsp launcher's settings ({@code osprey.launcher.*}).
 *
 * @param command      the task-spooler executable ({@code tsp}; {@code ts} on some systems)
 * @param socket       the queue's socket (TS_SOCKET); empty for a private queue
 * @param slots        jobs the queue runs at once ({@code tsp -S}); empty keeps a given queue's own
 *                     setting and gives a private queue one slot per CPU
 * @param killGrace    time between SIGTERM and SIGKILL when a job is stopped
 * @param pollInterval time between two looks at the queue
 */
record TspOptions(String command, Optional<Path> socket, OptionalInt slots, Duration killGrace,
                  Duration pollInterval) {

    TspOptions {
        if (command.isBlank()) {
            throw new LauncherException("tsp launcher: osprey.launcher.command must name the task-spooler"
                    + " executable, got an empty value");
        }
        if (slots.isPresent() && slots.getAsInt() < 1) {
            throw new LauncherException("tsp launcher: osprey.launcher.slots must be at least 1, got "
                    + slots.getAsInt());
        }
        if (pollInterval.isZero() || pollInterval.isNegative()) {
            throw new LauncherException("tsp launcher: osprey.launcher.poll_interval_ms must be at least 1, got "
                    + pollInterval.toMillis());
        }
    }

    static TspOptions from(LauncherSettings s) {
        int slots = s.intValue("slots", -1);
        return new TspOptions(
                s.string("command").orElse("tsp"),
                s.string("socket").filter(v -> !v.isBlank()).map(Path::of),
                slots == -1 && s.value("slots").isEmpty() ? OptionalInt.empty() : OptionalInt.of(slots),
                s.seconds("kill_grace_s", 5),
                Duration.ofMillis(s.intValue("poll_interval_ms", 200)));
    }
}
