package dev.osprey.benchmarks;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code SUITE.json} (the format of BENCHMARKS.md, one row per line) and {@code SUITE.md}. */
final class ResultWriter {

    private ResultWriter() {
    }

    /** This machine, as the JSON's {@code machine} object. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name"));
        return m;
    }

    static String json(String suite, Instant started, Map<String, String> peers, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"suite\": ").append(BenchJson.write(suite)).append(",\n");
        out.append("  \"started\": ").append(BenchJson.write(started.truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(",\n");
        out.append("  \"machine\": ").append(BenchJson.write(machine())).append(",\n");
        out.append("  \"peers\": ").append(BenchJson.write(peers)).append(",\n");
        out.append("  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            out.append(i == 0 ? "\n    " : ",\n    ").append(BenchJson.write(rows.get(i)));
        }
        out.append(rows.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return out.toString();
    }

    static void write(Path dir, String suite, String markdown, String json) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(suite + ".md"), markdown);
        Files.writeString(dir.resolve(suite + ".json"), json);
    }
}
