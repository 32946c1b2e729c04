package dev.osprey.launchers.docs;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles the Java programs of a documentation page against the test class path, and runs them in a
 * JVM of their own, in a directory of their own, as a reader would.
 */
public final class JavaPrograms {

    private JavaPrograms() {
    }

    /** Compiles {@code source} (a whole compilation unit) as {@code className} into {@code dir}. */
    public static void compile(Path dir, String className, String source) throws IOException {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-proc:none", "-cp",
                System.getProperty("java.class.path"), "-d", dir.toString(), file.toString());
        assertEquals(0, status, className + " as shown in the documentation compiles: "
                + diagnostics.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code className}'s main in a new JVM with {@code dir} as its working directory; returns its stdout. */
    public static String run(Path dir, String className) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp",
                dir + File.pathSeparator + System.getProperty("java.class.path"), className))
                .directory(dir.toFile())
                .redirectError(dir.resolve(className + ".stderr").toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), className + " ends");
        assertEquals(0, process.exitValue(), className + " exits 0; stdout: " + out + "; stderr: "
                + Files.readString(dir.resolve(className + ".stderr")));
        return out;
    }
}
