package dev.osprey.optimizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compiles and runs the embedded example of the README, so that it cannot rot. */
class ReadmeExampleTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void theEmbeddedExampleCompilesRunsAndFindsAGoodValue(@TempDir Path dir) throws Exception {
        String readme = Files.readString(README);
        Matcher block = Pattern.compile("```java\\n(.*?public class Quickstart.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "README.md has a ```java block with class Quickstart");
        String source = block.group(1);
        long lines = source.lines().filter(l -> !l.isBlank()).count();
        assertTrue(lines <= 15, "the example stays short, but has " + lines + " lines");

        Path file = dir.resolve("Quickstart.java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-cp", System.getProperty("java.class.path"),
                "-d", dir.toString(), file.toString());
        assertEquals(0, status, "the README example compiles: " + diagnostics);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("Quickstart").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        Matcher best = Pattern.compile("best value ([0-9.Ee-]+) with \\{lr=").matcher(output);
        assertTrue(best.find(), "the example prints its best trial, but printed: " + output);
        double value = Double.parseDouble(best.group(1));
        // the optimum is 0 (lr = 1e-3, 4 layers, adam); 100 TPE trials get well within 0.2 of it
        assertTrue(value < 0.2, "best value after 100 trials should be below 0.2, but was " + value);
    }
}
