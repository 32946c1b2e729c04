package dev.osprey.benchmarks;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Optuna, run side by side: the Python scripts in {@code benchmarks/python} follow the same
 * protocols and print one JSON row per line on stdout, which are merged into the report.
 * The interpreter is {@code /usr/bin/python3} (Debian's {@code python3-optuna}) unless the
 * system property {@code osprey.bench.python} names another; the scripts' folder is
 * {@code osprey.bench.scripts} (default {@code benchmarks/python}).
 */
final class OptunaPeer {

    private final String python;
    private final Path scripts;

    OptunaPeer(String python, Path scripts) {
        this.python = python;
        this.scripts = scripts;
    }

    static OptunaPeer fromSystemProperties() {
        return new OptunaPeer(System.getProperty("osprey.bench.python", "/usr/bin/python3"),
                Path.of(System.getProperty("osprey.bench.scripts", "benchmarks/python")));
    }

    String python() {
        return python;
    }

    /** Optuna's version if the interpreter can import it, else empty. */
    Optional<String> version() {
        if (!Files.isRegularFile(scripts.resolve("functions.py"))) {
            return Optional.empty();
        }
        return evaluate("import optuna; print(optuna.__version__)");
    }

    /** The last line {@code code} prints when the interpreter runs it, or empty if it fails. */
    Optional<String> evaluate(String code) {
        return evaluate(python, code, Map.of());
    }

    /**
     * The last line {@code code} prints when {@code python} runs it with {@code environment} added,
     * or empty if it fails.
     */
    static Optional<String> evaluate(String python, String code, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(python, "-c", code).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            String[] lines = out.split("\n");
            return Optional.of(lines[lines.length - 1].strip());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Runs one script with arguments; its stderr (progress) passes through, its JSON rows are returned. */
    List<Map<String, Object>> run(String script, List<String> args, Consumer<String> progress) {
        // -B: leave no __pycache__ next to the scripts
        List<String> command = new ArrayList<>(List.of(python, "-B", scripts.resolve(script).toString()));
        command.addAll(args);
        progress.accept("optuna: " + script + " " + String.join(" ", args));
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("{")) {
                        rows.add(asRow(BenchJson.parse(line)));
                    }
                }
            }
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(script + " exited with status " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asRow(Object parsed) {
        if (!(parsed instanceof Map<?, ?> map) || !"optuna".equals(map.get("system"))) {
            throw new IllegalStateException("an Optuna script printed a line that is not an optuna row: " + parsed);
        }
        return (Map<String, Object>) map;
    }
}
