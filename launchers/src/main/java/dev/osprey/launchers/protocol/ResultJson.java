package dev.osprey.launchers.protocol;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code result.json} of a job: {@code {"status": "COMPLETED", "values": [0.12], "error": "",
 * "exit_code": 0, "duration_ms": 812}}. Written atomically (a temporary file renamed), so a reader
 * sees a whole file or none.
 *
 * @since 0.1
 */
public final class ResultJson {

    /** NaN and infinities are read as bare tokens, as Python's json module writes them. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ResultJson() {
    }

    public static void write(JobResult result, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("number", (long) result.number());
        root.put("status", result.status().name());
        if (result.names().isEmpty()) {
            root.put("values", new ArrayList<Object>(result.values()));
        } else {
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < result.values().size(); i++) {
                named.put(result.names().get(i), result.values().get(i));
            }
            root.put("values", named);
        }
        if (!result.constraints().isEmpty()) {
            root.put("constraints", new LinkedHashMap<String, Object>(result.constraints()));
        }
        root.put("error", result.error());
        root.put("exit_code", result.exitCode().isPresent() ? (Object) (long) result.exitCode().getAsInt() : null);
        root.put("duration_ms", result.duration().toMillis());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Reads a job's result file.
     *
     * @param number the job number to use when the file does not name one (the wrapper script's files)
     * @throws IOException when the file is missing, unreadable or not a result
     */
    public static JobResult read(Path file, int number) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.get("status") instanceof String status)) {
            throw new IOException(file + " is not a job result: it needs a \"status\" field");
        }
        JobStatus jobStatus;
        try {
            jobStatus = JobStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " has an unknown status '" + status + "'");
        }
        Map<String, Double> named = numbers(root.get("values"), file, "value");
        List<Double> values = new ArrayList<>(named.values());
        List<String> names = root.get("values") instanceof Map<?, ?> ? new ArrayList<>(named.keySet()) : List.of();
        Map<String, Double> constraints = numbers(root.get("constraints"), file, "constraint");
        int jobNumber = root.get("number") instanceof Number n ? n.intValue() : number;
        OptionalInt exit = root.get("exit_code") instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
        Duration duration = Duration.ofMillis(root.get("duration_ms") instanceof Number n ? n.longValue() : 0);
        String error = root.get("error") instanceof String s ? s : "";
        try {
            boolean completed = jobStatus == JobStatus.COMPLETED;
            return new JobResult(jobNumber, jobStatus, completed ? values : List.of(), error, exit, duration,
                    Optional.of(file.getParent()), completed ? names : List.of(), completed ? constraints : Map.of());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a consistent result: " + e.getMessage(), e);
        }
    }

    /**
     * A list of numbers ({@code [0.1, 12]}, named by position {@code 0, 1, ...}) or an object of
     * them ({@code {"loss": 0.1}}), in order; nothing for an absent field.
     */
    private static Map<String, Double> numbers(Object field, Path file, String what) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        if (field instanceof List<?> list) {
            for (Object v : list) {
                out.put(Integer.toString(out.size()), number(v, file, what));
            }
        } else if (field instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), number(e.getValue(), file, what + " '" + e.getKey() + "'"));
            }
        } else if (field != null) {
            throw new IOException(file + " has " + what + "s " + field + "; write a list of numbers or an object"
                    + " of named numbers");
        }
        return out;
    }

    private static double number(Object v, Path file, String what) throws IOException {
        if (!(v instanceof Number n)) {
            throw new IOException(file + " has a non-numeric " + what + " " + v);
        }
        return n.doubleValue();
    }
}
