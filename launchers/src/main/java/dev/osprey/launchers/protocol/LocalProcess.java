package dev.osprey.launchers.protocol;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process on one machine, named so that another process can later tell whether it still runs:
 * its host, its PID and its start time. A PID alone is not enough (PIDs are reused), nor is
 * {@link ProcessHandle#isAlive()}, which counts a zombie (a dead process that nobody reaped) as
 * alive.
 *
 * <p>Written as one line, {@code HOST PID START}, to a job's files and to a trial's attributes, so
 * that the next driver can prove that an earlier one is gone (same host, not running) and take
 * over its jobs at once instead of waiting for their leases to run out.
 *
 * @param host  the machine's name
 * @param pid   the process id
 * @param start when the process started, in the host's own units: clock ticks since boot from
 *              {@code /proc}, else milliseconds since the epoch; only compared with itself
 * @since 0.1
 */
public record LocalProcess(String host, long pid, long start) {

    private static final Path PROC = Path.of("/proc");
    private static final String HOST = hostName();

    public LocalProcess {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a host name must be non-empty, without spaces, got '" + host + "'");
        }
        if (pid <= 0) {
            throw new IllegalArgumentException("a process id must be positive, got " + pid);
        }
    }

    /** This JVM's process. */
    public static LocalProcess current() {
        return of(ProcessHandle.current().pid()).orElseThrow();
    }

    /** The process with this PID on this machine, if it runs now. */
    public static Optional<LocalProcess> of(long pid) {
        return startOf(pid).map(start -> new LocalProcess(HOST, pid, start));
    }

    /** Reads the line {@link #toString()} wrote; empty when it is not such a line. */
    public static Optional<LocalProcess> parse(String line) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LocalProcess(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Reads a file holding such a line; empty when it is missing or holds something else. */
    public static Optional<LocalProcess> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Whether this process is on this machine. */
    public boolean isOnThisHost() {
        return host.equals(HOST);
    }

    /**
     * Whether this process still runs: on this host, its PID taken by a process that started at
     * the same time, and not a zombie. A process on another host is never known to run here.
     */
    public boolean isRunning() {
        return isOnThisHost() && startOf(pid).map(s -> s == start).orElse(false);
    }

    /** Whether this process is provably gone: on this host and not running. */
    public boolean isGone() {
        return isOnThisHost() && !isRunning();
    }

    @Override
    public String toString() {
        return host + " " + pid + " " + start;
    }

    /** The start of a running process, or empty when it has ended (a zombie has ended). */
    private static Optional<Long> startOf(long pid) {
        Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
        if (Files.isDirectory(PROC)) {
            try {
                String text = Files.readString(stat, StandardCharsets.US_ASCII);
                // the command name is in parentheses and may hold spaces: fields count from its end
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                String state = fields[0];
                if (state.equals("Z") || state.equals("X")) {
                    return Optional.empty();
                }
                return Optional.of(Long.parseLong(fields[19]));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(h -> h.info().startInstant()).map(java.time.Instant::toEpochMilli);
    }

    private static String hostName() {
        try {
            String name = Files.readString(PROC.resolve("sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("\\s", "");
        } catch (IOException e) {
            return "localhost";
        }
    }
}
