package dev.osprey.benchmarks;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.config.Config;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * only what composing needs ({@link ChildClasspath}). A second series of children runs with an
 * application class-data archive, the JVM's own remedy for start-up time, to show what a launcher
 * that uses one gains.
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
        // the child's class path holds the composer alone: its one result line is formatted here
        System.out.println(String.format(java.util.Locale.ROOT, "{\"first_ms\": %s, \"second_ms\": %s, \"jvm_start_ms\": %s}",
                (firstDone - mainStart) / 1e6, (secondDone - firstDone) / 1e6, jvmStartMs));
    }

    /**
     * Runs {@link #main} in {@code runs} fresh JVMs with default settings, then in {@code runs} more that
     * use an application class-data archive made by one earlier, unmeasured run; returns the cold rows.
     */
    static List<Map<String, Object>> runChildren(int runs, Consumer<String> progress) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ChildClasspath classpath = ChildClasspath.create()) {
            double[][] plain = measure(classpath, List.of(), runs);
            progress.accept("osprey cold compose: " + Markdown.fixed(Stats.median(plain[0]), 1) + " ms (median of "
                    + runs + " fresh JVMs), whole process " + Markdown.fixed(Stats.median(plain[3]), 0) + " ms");
            rows.add(withMin(Row.withQuartiles(Row.of("system", "osprey", "case", "first_compose",
                    "metric", "cold_compose_ms"), plain[0], "runs"), plain[0]));
            rows.add(Row.withQuartiles(Row.of("system", "osprey", "case", "second_compose", "metric", "compose_ms"),
                    plain[1], "runs"));
            rows.add(Row.withQuartiles(Row.of("system", "osprey", "case", "jvm_start_to_main", "metric", "ms"),
                    plain[2], "runs"));
            rows.add(withMin(Row.withQuartiles(Row.of("system", "osprey", "case", "process_two_composes",
                    "metric", "ms"), plain[3], "runs"), plain[3]));
            List<String> archive = List.of("-XX:+AutoCreateSharedArchive",
                    "-XX:SharedArchiveFile=" + classpath.archive());
            child(classpath, archive);
            double[][] cds = measure(classpath, archive, runs);
            progress.accept("osprey cold compose with a class-data archive: " + Markdown.fixed(Stats.median(cds[0]), 1)
                    + " ms");
            rows.add(withMin(Row.withQuartiles(Row.of("system", "osprey", "case", "first_compose_appcds",
                    "metric", "cold_compose_ms", "jvm_options", String.join(" ", archive.getFirst(),
                            "-XX:SharedArchiveFile=<archive>")), cds[0], "runs"), cds[0]));
            rows.add(withMin(Row.withQuartiles(Row.of("system", "osprey", "case", "process_two_composes_appcds",
                    "metric", "ms"), cds[3], "runs"), cds[3]));
        }
        return rows;
    }

    /** First and second compose, JVM start and whole-process milliseconds of {@code runs} children. */
    private static double[][] measure(ChildClasspath classpath, List<String> options, int runs) {
        double[][] out = new double[4][runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Map<?, ?> result = child(classpath, options);
            out[3][i] = (System.nanoTime() - start) / 1e6;
            out[0][i] = ((Number) result.get("first_ms")).doubleValue();
            out[1][i] = ((Number) result.get("second_ms")).doubleValue();
            out[2][i] = ((Number) result.get("jvm_start_ms")).doubleValue();
        }
        return out;
    }

    /** The row with the smallest value added: on a shared machine, the run least disturbed by other work. */
    private static Map<String, Object> withMin(Map<String, Object> row, double[] xs) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        out.put("min", Arrays.stream(xs).min().orElse(Double.NaN));
        return Collections.unmodifiableMap(out);
    }

    private static Map<?, ?> child(ChildClasspath classpath, List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", classpath.classpath(), ColdCompose.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command);
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
                        return (Map<?, ?>) BenchJson.parse(line.trim());
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
