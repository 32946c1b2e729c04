package dev.osprey.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a peer's command is installed here: a suite measures only what it finds. */
final class Installed {

    private Installed() {
    }

    /** Whether an executable named {@code name} is on the {@code PATH}. */
    static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
