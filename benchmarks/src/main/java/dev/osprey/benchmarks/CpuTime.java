package dev.osprey.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The CPU time of a command and every process it waited for, as GNU time reports it
 * ({@code /usr/bin/time -f "%U %S" -o FILE COMMAND}): the kernel's accounting of the whole process
 * tree, a JVM driver and its Python children alike. Measured where GNU time is installed; the wrapper
 * costs both systems the same one extra process start.
 */
final class CpuTime {

    static final Path GNU_TIME = Path.of("/usr/bin/time");

    private CpuTime() {
    }

    /** Whether the command can be wrapped here. */
    static boolean available() {
        return Files.isExecutable(GNU_TIME);
    }

    /** {@code command} wrapped so that its user and system seconds are written to {@code out}. */
    static List<String> wrap(List<String> command, Path out) {
        List<String> wrapped = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%U %S", "-o", out.toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** User plus system seconds from GNU time's output file, or empty if it holds none. */
    static OptionalDouble read(Path out) throws IOException {
        return Files.exists(out) ? parse(Files.readString(out)) : OptionalDouble.empty();
    }

    /**
     * User plus system seconds from the text {@code "%U %S"} writes; its last line holds them (a line
     * before it may say that the command exited with a non-zero status).
     */
    static OptionalDouble parse(String text) {
        String[] lines = text.strip().split("\n");
        String[] parts = lines[lines.length - 1].strip().split("\\s+");
        if (parts.length != 2) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(parts[0]) + Double.parseDouble(parts[1]));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
