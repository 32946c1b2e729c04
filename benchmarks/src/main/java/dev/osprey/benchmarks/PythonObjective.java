package dev.osprey.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scikit-learn objective of {@code examples/scikit-learn}, served by one long-lived Python
 * process ({@code workload.py serve}) so that Osprey's samplers call the same function Optuna
 * calls, without a Python start per trial. One JSON line out, one back.
 */
final class PythonObjective implements AutoCloseable {

    /** The objective's value and its own time, as measured in Python. */
    record Evaluation(double value, double seconds) {
    }

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;

    PythonObjective(String python, Path scripts, Path example) {
        try {
            process = new ProcessBuilder(List.of(python, "-B", scripts.resolve("workload.py").toString(), "serve",
                    "--example", example.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + python + " for the scikit-learn objective", e);
        }
        in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    Evaluation evaluate(String model, Map<String, Object> params, int folds, long seed) {
        try {
            in.write(BenchJson.write(Map.of("model", model, "params", params, "folds", folds, "seed", seed)));
            in.newLine();
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the scikit-learn objective's Python process ended (exit "
                        + process.waitFor() + ")");
            }
            if (!(BenchJson.parse(line) instanceof Map<?, ?> answer)) {
                throw new IllegalStateException("the scikit-learn objective answered " + line);
            }
            if (answer.get("error") != null) {
                throw new IllegalStateException("the scikit-learn objective failed on " + model + " " + params + ": "
                        + answer.get("error"));
            }
            return new Evaluation(((Number) answer.get("value")).doubleValue(),
                    ((Number) answer.get("seconds")).doubleValue());
        } catch (IOException e) {
            throw new UncheckedIOException("could not talk to the scikit-learn objective's Python process", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
