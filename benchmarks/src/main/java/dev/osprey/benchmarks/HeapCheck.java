package dev.osprey.benchmarks;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.sampler.Samplers;

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
 * Whether an in-memory TPE study of n trials fits in a 256 MB heap. {@link #main} runs in a child
 * JVM started with {@code -Xmx256m}: it grows the study, forces a full GC while the study is still
 * reachable, and prints the heap in use as one JSON line.
 */
public final class HeapCheck {

    static final String MAX_HEAP = "-Xmx256m";
    private static final long TIMEOUT_S = 300;

    private HeapCheck() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        long start = System.nanoTime();
        Study study = Study.builder().sampler(Samplers.tpe()).seed(0).create();
        for (int i = 0; i < n; i++) {
            OverheadSuite.oneTrial(study);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        System.gc();
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int trials = study.trials().size();
        System.out.println(BenchJson.write(Map.of("trials", trials, "heap_mb", used / 1048576.0, "wall_s", wall,
                "max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0)));
    }

    /** Runs {@link #main} in a child JVM with the same classpath; returns the fits and heap rows. */
    static List<Map<String, Object>> runChild(int n, Consumer<String> progress) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, MAX_HEAP, "-cp", System.getProperty("java.class.path"),
                HeapCheck.class.getName(), Integer.toString(n));
        pb.redirectErrorStream(true);
        String output;
        int exit;
        try {
            Path log = Files.createTempFile("osprey-heapcheck", ".out");
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            boolean finished = p.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            exit = finished ? p.exitValue() : -1;
            output = Files.readString(log, StandardCharsets.UTF_8)
                    + (finished ? "" : "\ntimed out after " + TIMEOUT_S + " s");
            Files.deleteIfExists(log);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not run the heap check: " + e, e);
        }
        Map<?, ?> result = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                result = (Map<?, ?>) BenchJson.parse(line.trim());
            }
        }
        boolean passed = exit == 0 && result != null && ((Number) result.get("trials")).intValue() == n;
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Row.of("system", "osprey", "sampler", "tpe", "storage", "inmemory", "n", n,
                "metric", "fits_256mb", "passed", passed, "median", passed ? 1 : 0,
                "error", passed ? null : lastLine(output)));
        if (result != null) {
            rows.add(Row.of("system", "osprey", "sampler", "tpe", "storage", "inmemory", "n", n,
                    "metric", "heap_mb", "median", result.get("heap_mb"),
                    "max_heap_mb", result.get("max_heap_mb"), "wall_s", result.get("wall_s")));
        }
        progress.accept("osprey heap check (" + MAX_HEAP + ", n=" + n + "): " + (passed ? "fits" : "FAILED")
                + (result == null ? "" : ", " + Markdown.fixed(((Number) result.get("heap_mb")).doubleValue(), 1)
                + " MB after full GC"));
        return rows;
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 ? "no output" : lines[lines.length - 1];
    }
}
