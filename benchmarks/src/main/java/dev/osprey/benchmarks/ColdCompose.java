package dev.osprey.benchmarks;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.config.Config;
import dev.osprey.optimizer.internal.Json;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The first composition in a fresh JVM. {@link #main} runs in a child process: it composes the
 * benchmark's training config twice (without resolving it, like Hydra's compose) and prints one JSON line with the time of each, measured from the
 * start of {@code main} (so the JVM's own start is left out, as Hydra's figure leaves out Python's
 * imports; the composer's class loading is included), and the JVM's uptime when {@code main} began.
 * The parent also times the whole process, from spawning it to its exit. The child's classpath holds
 * only what composing needs ({@link #childClasspath()}).
 */
public final class ColdCompose {

    private static final long TIMEOUT_S = 60;

    private ColdCompose() {
    }

    public static void main(String[] args) {
        long mainStart = System.nanoTime();
        Composer composer = ComposeSuite.composer();
        Config first = composer.compose(ComposeSuite.PRIMARY, ComposeSuite.OVERRIDES);
        long firstDone = System.nanoTime();
        Config second = composer.compose(ComposeSuite.PRIMARY, ComposeSuite.OVERRIDES);
        long secondDone = System.nanoTime();
        // read after the timed part: the management classes take a while to load
        double jvmStartMs = ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - mainStart) / 1e6;
        if (!first.equals(second) || !first.getString("model.name").equals("vit")) {
            throw new IllegalStateException("the two compositions differ or are wrong:\n" + first.toYaml());
        }
        System.out.println(Json.write(Map.of("first_ms", (firstDone - mainStart) / 1e6,
                "second_ms", (secondDone - firstDone) / 1e6, "jvm_start_ms", jvmStartMs)));
    }

    /** Runs {@link #main} in {@code runs} fresh JVMs with this classpath; returns the cold rows (medians). */
    static List<Map<String, Object>> runChildren(int runs, Consumer<String> progress) {
        double[] first = new double[runs];
        double[] second = new double[runs];
        double[] jvmStart = new double[runs];
        double[] process = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Map<?, ?> result = child();
            process[i] = (System.nanoTime() - start) / 1e6;
            first[i] = ((Number) result.get("first_ms")).doubleValue();
            second[i] = ((Number) result.get("second_ms")).doubleValue();
            jvmStart[i] = ((Number) result.get("jvm_start_ms")).doubleValue();
        }
        progress.accept("osprey cold compose: " + Markdown.fixed(Stats.median(first), 1) + " ms (median of " + runs
                + " fresh JVMs), whole process " + Markdown.fixed(Stats.median(process), 0) + " ms");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Row.withQuartiles(Row.of("system", "osprey", "case", "first_compose", "metric", "cold_compose_ms"),
                first, "runs"));
        rows.add(Row.withQuartiles(Row.of("system", "osprey", "case", "second_compose", "metric", "compose_ms"),
                second, "runs"));
        rows.add(Row.withQuartiles(Row.of("system", "osprey", "case", "jvm_start_to_main", "metric", "ms"),
                jvmStart, "runs"));
        rows.add(Row.withQuartiles(Row.of("system", "osprey", "case", "process_two_composes", "metric", "ms"),
                process, "runs"));
        return rows;
    }

    /**
     * The child's classpath: what composing needs (this module's classes and resources, the composer, the
     * optimizer, the YAML library), as an application that composes configs would have it; the
     * benchmarks' own classpath also holds database drivers whose jars a class lookup would open first.
     */
    static String childClasspath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(ColdCompose.class, Composer.class, Json.class,
                org.snakeyaml.engine.v2.api.LoadSettings.class)) {
            try {
                String entry = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (!entries.contains(entry)) {
                    entries.add(entry);
                }
            } catch (java.net.URISyntaxException | RuntimeException e) {
                return System.getProperty("java.class.path");
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Map<?, ?> child() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", childClasspath(), ColdCompose.class.getName());
        pb.redirectErrorStream(true);
        try {
            Path log = Files.createTempFile("osprey-coldcompose", ".out");
            try {
                pb.redirectOutput(log.toFile());
                Process p = pb.start();
                if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new IllegalStateException("the cold-compose child did not finish in " + TIMEOUT_S + " s");
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                for (String line : output.split("\n")) {
                    if (line.startsWith("{")) {
                        return (Map<?, ?>) Json.parse(line.trim());
                    }
                }
                throw new IllegalStateException("the cold-compose child (exit " + p.exitValue() + ") printed no"
                        + " result:\n" + output);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not run the cold-compose child: " + e, e);
        }
    }
}
