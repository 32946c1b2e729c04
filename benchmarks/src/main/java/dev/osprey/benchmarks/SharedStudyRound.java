package dev.osprey.benchmarks;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One round of the storage suite's part B for Osprey: W worker JVMs ({@link StorageWorker}, on this
 * JVM's classpath) share one study created beforehand, {@code total} trials in all. Wall time runs
 * from just before the first worker is started to the exit of the last one (JVM start-up, opening
 * the storage and loading the study included). Then the trials in the database are checked against
 * the (number, value) pairs the workers wrote.
 */
final class SharedStudyRound {

    private SharedStudyRound() {
    }

    /** One told pair. */
    record Told(int number, double value) {
    }

    static Map<String, Object> run(String storageName, BenchDatabases.Fresh db, String sampler, int workers,
                                   int total, double timeoutSeconds) {
        return run(storageName, db, sampler, workers, total, timeoutSeconds, StorageWorkerJvm.plain());
    }

    /** One round, the workers started as {@code jvm} says; the row names it ({@code jvm}). */
    static Map<String, Object> run(String storageName, BenchDatabases.Fresh db, String sampler, int workers,
                                   int total, double timeoutSeconds, StorageWorkerJvm jvm) {
        // one H2 server database serves every round of a run: each round's study has a name of its own
        String name = "bench-" + storageName + "-" + sampler + "-w" + workers + "-"
                + jvm.name().replaceAll("[^a-z0-9]", "");
        Study created = Study.builder().name(name).storage(db.storage()).sampler(OverheadSuite.sampler(sampler))
                .seed(0).create();
        created.close();
        Path dir;
        try {
            dir = Files.createTempDirectory("osprey-bench-told-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a temporary directory: " + e, e);
        }
        try {
            Map<String, Object> row = new LinkedHashMap<>(runIn(dir, storageName, db, name, sampler, workers, total,
                    timeoutSeconds, jvm));
            row.put("jvm", jvm.name());
            row.put("jvm_options", jvm.shownOptions());
            return Collections.unmodifiableMap(row);
        } finally {
            BenchDatabases.deleteTree(dir);
        }
    }

    private static Map<String, Object> runIn(Path dir, String storageName, BenchDatabases.Fresh db, String name,
                                             String sampler, int workers, int total, double timeoutSeconds,
                                             StorageWorkerJvm jvm) {
        List<Path> outs = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < workers; i++) {
                Path out = dir.resolve("worker-" + i + ".txt");
                outs.add(out);
                ProcessBuilder pb = new ProcessBuilder(jvm.command(StorageWorker.class.getName(),
                        List.of(db.location(), name, sampler, Integer.toString(total), out.toString())));
                pb.environment().putAll(db.workerEnv());
                pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("worker-" + i + ".err")
                        .toFile());
                processes.add(pb.start());
            }
            long deadline = start + (long) (timeoutSeconds * 1e9);
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                if (!p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly().waitFor();
                    errors.add("worker " + i + " timed out after " + (long) timeoutSeconds + " s");
                }
            }
        } catch (IOException e) {
            errors.add("could not start a worker: " + e.getMessage());
            processes.forEach(Process::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processes.forEach(Process::destroyForcibly);
            throw new IllegalStateException("interrupted while waiting for the workers", e);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<Told> told = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            String error = readTold(outs.get(i), told, ready, cpu);
            String prefix = "worker " + i + " ";
            if (error != null && errors.stream().noneMatch(e -> e.startsWith(prefix))) {
                errors.add(prefix + "(exit " + exitOf(processes.get(i)) + "): " + error
                        + (error.startsWith("error ") ? "" : lastLine(dir.resolve("worker-" + i
                        + ".err"))));
            }
        }
        Storage storage = db.storage();
        StudyInfo study = storage.findStudy(name).orElseThrow();
        List<TrialRecord> trials = storage.trialsChangedSince(study.id(), 0).trials();
        Map<String, Object> row = new LinkedHashMap<>(analyse(storageName, sampler, workers, total, wall,
                trials, told, errors));
        if (!ready.isEmpty()) {
            row.put("ready_s", ready.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        }
        if (cpu.size() == workers) {
            row.put("worker_cpu_s", cpu.stream().mapToDouble(Double::doubleValue).sum());
        }
        return Collections.unmodifiableMap(row);
    }

    /** The last line a worker wrote to stderr, as " (stderr: ...)", or nothing. */
    private static String lastLine(Path err) {
        try {
            List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("SLF4J")).toList();
            return lines.isEmpty() ? "" : " (stderr: " + lines.get(lines.size() - 1).strip() + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static String exitOf(Process p) {
        return p.isAlive() ? "none" : Integer.toString(p.exitValue());
    }

    /** Adds a worker's told pairs, ready time and CPU time; returns its error, or null if it finished cleanly. */
    static String readTold(Path out, List<Told> told, List<Double> ready, List<Double> cpu) {
        List<String> lines;
        try {
            lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "no output (" + e.getMessage() + ")";
        }
        boolean done = false;
        String error = null;
        for (String line : lines) {
            if (line.equals("# done")) {
                done = true;
            } else if (line.startsWith("# error")) {
                error = line.substring(2);
            } else if (line.startsWith("# ready ")) {
                ready.add(Double.parseDouble(line.substring("# ready ".length()).strip()));
            } else if (line.startsWith("# cpu ")) {
                cpu.add(Double.parseDouble(line.substring("# cpu ".length()).strip()));
            } else if (!line.isBlank()) {
                String[] parts = line.strip().split(" ");
                told.add(new Told(Integer.parseInt(parts[0]), Double.parseDouble(parts[1])));
            }
        }
        return error != null ? error : done ? null : "ended without finishing its output";
    }

    /**
     * The round's row: trials/s = {@code total} / wall; lost = told pairs without a COMPLETE trial of that number
     * and value in the database; doubled = numbers told more than once plus trials sharing a number in the database.
     */
    static Map<String, Object> analyse(String storage, String sampler, int workers, int total, double wall,
                                       List<TrialRecord> trials, List<Told> told, List<String> errors) {
        Set<Integer> distinct = new HashSet<>();
        Map<Integer, Double> complete = new HashMap<>();
        Map<String, Integer> states = new TreeMap<>();
        Instant first = null;
        Instant last = null;
        for (TrialRecord t : trials) {
            distinct.add(t.number());
            if (t.state() == TrialState.COMPLETE) {
                complete.put(t.number(), t.value());
            }
            states.merge(t.state().name(), 1, Integer::sum);
            Instant s = t.start().orElse(null);
            Instant e = t.end().orElse(null);
            first = s != null && (first == null || s.isBefore(first)) ? s : first;
            last = e != null && (last == null || e.isAfter(last)) ? e : last;
        }
        long lost = told.stream().filter(p -> !Double.valueOf(p.value()).equals(complete.get(p.number()))).count();
        long toldNumbers = told.stream().map(Told::number).distinct().count();
        long doubled = (told.size() - toldNumbers) + (trials.size() - distinct.size());
        boolean sequential = !trials.isEmpty() && distinct.size() == trials.size()
                && distinct.stream().allMatch(n -> n >= 0 && n < trials.size());
        String stateList = states.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        Double span = first != null && last != null ? Duration.between(first, last).toNanos() / 1e9 : null;
        return Row.of("system", "osprey", "storage", storage, "sampler", sampler, "workers", workers,
                "method", "processes", "metric", "trials_per_s", "median", total / wall, "wall_s", wall,
                "budget", total, "trials", trials.size(), "distinct", distinct.size(), "sequential", sequential,
                "states", stateList.isEmpty() ? "none" : stateList, "told", told.size(), "lost", lost,
                "doubled", doubled, "errors", errors.isEmpty() ? "none" : String.join("; ", errors),
                "db_span_s", span);
    }
}
