package dev.osprey.launchers.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The file that tells one task of a Slurm job array which job it runs, read by
 * {@code osprey-array.sh}: the job wrapper's path, the job's environment variables and the
 * wrapper's arguments. Each value is written as its number of lines followed by those lines, so
 * that the script reads it back line by line, newlines included, without the shell evaluating it.
 */
final class ArrayTaskFile {

    static final String HEADER = "osprey-array-task 1";

    private ArrayTaskFile() {
    }

    /** The text of a task file. */
    static String text(Path wrapper, Map<String, String> environment, List<String> arguments) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        value(out, wrapper.toString());
        out.append(environment.size()).append('\n');
        environment.forEach((name, v) -> {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("the environment variable name '" + name + "' is not one a shell can"
                        + " set (letters, digits and _, not starting with a digit); rename it in the program's environment");
            }
            value(out, name + "=" + v);
        });
        out.append(arguments.size()).append('\n');
        arguments.forEach(a -> value(out, a));
        return out.toString();
    }

    /** Writes the task file atomically, so that a task never reads half of it. */
    static void write(Path file, Path wrapper, Map<String, String> environment, List<String> arguments)
            throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text(wrapper, environment, arguments), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void value(StringBuilder out, String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a job's argument or variable holds a NUL character, which no program"
                    + " can receive: " + value.replace('\0', '?'));
        }
        // split(-1) keeps a trailing empty line, so "a\n" reads back as "a\n"
        String[] lines = value.split("\n", -1);
        out.append(lines.length).append('\n');
        for (String line : lines) {
            out.append(line).append('\n');
        }
    }
}
