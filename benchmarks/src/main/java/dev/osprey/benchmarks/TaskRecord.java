package dev.osprey.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the hydra suite's app says about one of its task function calls, read from the {@code task.json}
 * it writes into Hydra's output folder of the job: the wall clock (epoch seconds) at the task
 * function's start and end, the function's own duration, the value it returned, the process's id,
 * and the wall clock when the app's script began to run in that process. The suite reads the same
 * file for both systems, so that their timings come from one clock and one definition.
 *
 * @param start   the wall clock at the task function's start, epoch seconds
 * @param end     the wall clock at its end, epoch seconds
 * @param seconds the task function's own duration, measured in the process with a monotonic clock
 * @param value   the objective the task returned
 * @param pid     the id of the process the task ran in
 * @param loaded  the wall clock when the app's script began in that process (before it imported
 *                Hydra), epoch seconds: close to the process's start
 */
record TaskRecord(double start, double end, double seconds, double value, long pid, double loaded) {

    /** The file name the app writes. */
    static final String FILE = "task.json";

    TaskRecord {
        if (!(loaded <= start) || !(end >= start) || !(seconds >= 0)) {
            throw new IllegalArgumentException("a task record needs loaded <= start <= end and seconds >= 0, got loaded "
                    + loaded + ", start " + start + ", end " + end + ", seconds " + seconds);
        }
    }

    /** One record from the text of a {@code task.json}. */
    static TaskRecord parse(String json) {
        if (!(BenchJson.parse(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a task record is a JSON object, got: " + json);
        }
        return new TaskRecord(number(map, "start", json), number(map, "end", json), number(map, "seconds", json),
                number(map, "value", json), (long) number(map, "pid", json), number(map, "loaded", json));
    }

    /** Every {@code task.json} under {@code folder}, at any depth, in no particular order. */
    static List<TaskRecord> readAll(Path folder) {
        List<TaskRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals(FILE)).toList()) {
                records.add(parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the task records under " + folder + ": " + e.getMessage(), e);
        }
        return records;
    }

    private static double number(Map<?, ?> map, String key, String json) {
        if (!(map.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("a task record needs a number '" + key + "': " + json);
        }
        return n.doubleValue();
    }
}
