package dev.osprey.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How fast the {@code osprey} command starts once built: {@code bin/osprey --help} (with the
 * class-data archive it makes on first use) and {@code java -jar} on the command-line jar, each a
 * whole process, timed from spawn to exit.
 */
final class StartupSuite {

    static final double TARGET_SECONDS = 0.5;

    private StartupSuite() {
    }

    static List<Map<String, Object>> run(boolean quick, Consumer<String> progress) throws IOException, InterruptedException {
        int runs = quick ? 5 : 20;
        Path jar;
        try (var files = Files.list(Path.of("cli", "target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("osprey-cli-.*\\.jar")
                    && !p.getFileName().toString().contains("tests")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the command line first (mvn -pl cli -am package)"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(measure("bin/osprey --help", List.of("bin/osprey", "--help"), runs, progress));
        rows.add(measure("java -jar --help", List.of(java, "-jar", jar.toString(), "--help"), runs, progress));
        // osprey studies reads an existing database and creates none: an empty one is made first
        String empty = Files.createTempDirectory("osprey-startup").resolve("studies").toString();
        run(List.of("bin/osprey", "create-study", "--study", "empty", "--storage", empty));
        rows.add(measure("bin/osprey studies (H2 file, one empty study)", List.of("bin/osprey", "studies", "--storage",
                empty), runs, progress));
        return rows;
    }

    private static Map<String, Object> measure(String what, List<String> command, int runs, Consumer<String> progress)
            throws IOException, InterruptedException {
        run(command); // the first start builds the class-data archive; it is not counted
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            run(command);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        progress.accept(what + ": median " + Markdown.fixed(Stats.median(seconds), 3) + " s over " + runs + " runs");
        return Row.withQuartiles(Row.of("system", "osprey", "command", what, "metric", "seconds"), seconds, "runs");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end within 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue());
        }
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> help = rows.get(0);
        double median = Row.num(help, "median");
        out.append("\n### Targets\n\n").append(Markdown.table(List.of("target", "osprey", "verdict", "hydra (baseline)"),
                List.of(List.of("`osprey --help` starts in under 0.5 s once built",
                        Markdown.fixed(median, 3) + " s (median)", median < TARGET_SECONDS ? "met" : "**missed**",
                        "a `@hydra.main` app's whole single run: 283 ms"))));
        out.append("\n### Whole-process times\n\n");
        List<List<String>> table = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            table.add(List.of("`" + Row.str(row, "command") + "`", Markdown.quartiles(row)));
        }
        out.append(Markdown.table(List.of("command", "seconds, median [q25, q75]"), table));
        return out.toString();
    }
}
