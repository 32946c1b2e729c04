package dev.osprey.launchers.process;

import dev.osprey.launchers.internal.Commands;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Python the worker tests run: /usr/bin/python3 when present, else python3 on PATH. */
final class Pythons {

    private Pythons() {
    }

    /** The interpreter's path; the test is skipped on a machine without Python 3. */
    static String python() {
        Path system = Path.of("/usr/bin/python3");
        if (Files.isExecutable(system)) {
            return system.toString();
        }
        Path found = Commands.find("python3").orElse(null);
        Assumptions.assumeTrue(found != null, "no python3 on this machine");
        return found.toString();
    }

    /** Writes {@code text} to {@code dir/name} and returns its path. */
    static Path script(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve(name);
            if (Files.isRegularFile(script) && Files.readString(script).equals(text)) {
                return script; // a worker may be running it: rewriting it in place could hand it half a file
            }
            // written whole, then moved into place, for the same reason
            Path part = Files.writeString(dir.resolve(name + ".part"), text);
            return Files.move(part, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
