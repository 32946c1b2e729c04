package dev.osprey.benchmarks.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded waits for conditions. The suite never sleeps in place of a condition: a fault is injected
 * when something observable has happened (a trial finished, jobs are in flight), and every wait
 * has a deadline so a hung process fails the scenario instead of the run.
 */
final class Waits {

    private static final long POLL_MS = 20;

    private Waits() {
    }

    /** Thrown when a condition did not come true in time. */
    static final class TimedOut extends Exception {
        TimedOut(String message) {
            super(message);
        }
    }

    /** Waits until the condition holds, or throws after the timeout naming what was awaited. */
    static void until(String what, Duration timeout, BooleanSupplier condition) throws TimedOut, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimedOut("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(POLL_MS);
        }
    }

    /**
     * Whether a process is still running: PID 1 here does not reap orphans, so a killed process that
     * is not our child stays a zombie, which {@code kill(pid, 0)} still finds. Its state in
     * {@code /proc/PID/stat} tells.
     */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the state follows the command name, which is in parentheses and may hold spaces
            String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
            char state = afterName.charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
