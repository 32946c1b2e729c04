package dev.osprey.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the hydra suite's project, unchanged, as a user would: {@code python app.py -m} for Hydra with
 * its Optuna sweeper, {@code osprey run -m -- python app.py} for Osprey (the built command-line jar
 * started as {@code bin/osprey} starts it, with its class-data archive). Both get the same overrides
 * (the sampler's seed, the number of trials), the same {@code PYTHONPATH}, and a fresh working folder
 * each, so that no run sees another's files or study. The folder is deleted after its records are read.
 */
final class HydraSweeps implements AutoCloseable {

    /** The two systems, each with its way of sweeping the project. */
    enum System {
        HYDRA("hydra"), OSPREY("osprey");

        final String label;

        System(String label) {
            this.label = label;
        }
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final HydraPeer hydra;
    private final Path app;
    private final Path ospreyJar;
    private final Path scratch;

    HydraSweeps(HydraPeer hydra, Path app, Path ospreyJar) {
        this.hydra = hydra;
        this.app = app.toAbsolutePath();
        this.ospreyJar = ospreyJar.toAbsolutePath();
        try {
            this.scratch = Files.createTempDirectory("osprey-bench-hydra");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch folder: " + e.getMessage(), e);
        }
    }

    /** The command-line jar built under {@code cli/target} of the repository at {@code root}. */
    static Path ospreyJar(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("cli").resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("osprey-cli-.*\\.jar")
                            && !p.getFileName().toString().contains("tests"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the command line first (mvn -pl cli -am package)"));
        }
    }

    /** The command that sweeps the project with {@code overrides}. */
    List<String> command(System system, List<String> overrides) {
        List<String> command = new ArrayList<>();
        if (system == System.OSPREY) {
            command.addAll(List.of(Path.of(java.lang.System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + scratch.resolve("osprey.jsa"),
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", ospreyJar.toString(), "dev.osprey.cli.OspreyCli",
                    "run", "-m"));
            command.addAll(overrides);
            command.addAll(List.of("--", hydra.python(), app.toString()));
        } else {
            command.addAll(List.of(hydra.python(), app.toString(), "-m"));
            command.addAll(overrides);
        }
        return command;
    }

    /**
     * One sweep's timings and the CPU seconds of its whole process tree (NaN where GNU time is not
     * installed).
     */
    record Measured(SweepTimes times, double cpuSeconds) {
    }

    /** Sweeps the project once with {@code overrides} and returns the timings read from its task records. */
    Measured sweep(System system, List<String> overrides) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(scratch, system.label);
        Path cpu = folder.resolve("cpu.txt");
        List<String> command = command(system, overrides);
        Run run = run(CpuTime.available() ? CpuTime.wrap(command, cpu) : command, folder);
        List<TaskRecord> records = TaskRecord.readAll(folder);
        if (records.isEmpty()) {
            throw new IllegalStateException(system.label + " ran no task: " + String.join(" ", command)
                    + "\n" + run.tail());
        }
        Measured measured = new Measured(SweepTimes.of(records, run.started(), run.seconds()),
                CpuTime.read(cpu).orElse(Double.NaN));
        delete(folder);
        return measured;
    }

    /**
     * Runs the app once in RUN mode with {@code overrides}, as Osprey runs each trial (without Osprey's
     * callback), and returns the whole process's seconds, the task function's own, and the process's
     * CPU seconds (NaN where GNU time is not installed).
     */
    double[] single(List<String> overrides) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(scratch, "single");
        List<String> command = new ArrayList<>(List.of(hydra.python(), app.toString()));
        command.addAll(overrides);
        command.add("hydra.run.dir=" + folder.resolve("job"));
        Path cpu = folder.resolve("cpu.txt");
        Run run = run(CpuTime.available() ? CpuTime.wrap(command, cpu) : command, folder);
        List<TaskRecord> records = TaskRecord.readAll(folder);
        if (records.size() != 1) {
            throw new IllegalStateException("the app's single run wrote " + records.size() + " task records\n" + run.tail());
        }
        double cpuSeconds = CpuTime.read(cpu).orElse(Double.NaN);
        delete(folder);
        return new double[] {run.seconds(), records.getFirst().seconds(), cpuSeconds};
    }

    private record Run(double started, double seconds, Path stderr) {

        String tail() {
            try {
                List<String> lines = Files.readAllLines(stderr);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            } catch (IOException e) {
                return "(no stderr: " + e.getMessage() + ")";
            }
        }
    }

    private Run run(List<String> command, Path folder) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(folder.resolve("stdout.txt").toFile())
                .redirectError(folder.resolve("stderr.txt").toFile());
        // a study database named by the caller's environment must not be what the sweeps use
        builder.environment().keySet().removeIf(k -> k.startsWith("OSPREY_STORAGE"));
        builder.environment().putAll(hydra.environment());
        double started = java.time.Instant.now().toEpochMilli() / 1e3;
        long t0 = java.lang.System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("did not end within " + TIMEOUT.toMinutes() + " minutes: "
                    + String.join(" ", command));
        }
        double seconds = (java.lang.System.nanoTime() - t0) / 1e9;
        Run run = new Run(started, seconds, folder.resolve("stderr.txt"));
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + " from " + String.join(" ", command)
                    + " (in " + folder + "):\n" + run.tail());
        }
        return run;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public void close() throws IOException {
        delete(scratch);
    }
}
