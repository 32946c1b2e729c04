package dev.osprey.cli;

import dev.osprey.studydb.WithPostgres;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.studydb.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@code osprey run -m} processes sweep one grid study on PostgreSQL at the same time, and
 * between them every point of the grid runs exactly once. Each job waits until the other process
 * has started a job too, so the two sweeps certainly overlap.
 */
class GridSweepProcessesTest extends WithPostgres {

    private static final List<Integer> EPOCHS = List.of(1, 2, 3, 4, 5, 6, 7, 8);
    private static final List<Integer> BATCH_SIZES = List.of(16, 32, 64, 128, 256);
    /** A guard against a hung sweep, not a timing claim. */
    private static final long PATIENCE_SECONDS = 300;


    @TempDir
    Path work;


    @Test
    void twoProcessesSweepingOneGridStudyRunEveryPointExactlyOnce() throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.require(postgres);
        List<Process> sweeps = new ArrayList<>();
        try {
            sweeps.add(sweep(database, "first", "second"));
            sweeps.add(sweep(database, "second", "first"));
            for (Process sweep : sweeps) {
                assertTrue(sweep.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "the sweeps end: " + logs());
                assertEquals(0, sweep.exitValue(), logs());
            }
        } finally {
            sweeps.forEach(Process::destroyForcibly);
        }

        Map<String, List<String>> runsBySweep = new HashMap<>();
        List<String> runs = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            runsBySweep.put(name, pointsRun(work.resolve(name)));
            runs.addAll(runsBySweep.get(name));
        }
        assertTrue(!runsBySweep.get("first").isEmpty() && !runsBySweep.get("second").isEmpty(),
                "both sweeps ran jobs: " + runsBySweep);
        assertEquals(runs.size(), new HashSet<>(runs).size(), "no point ran twice: " + runsBySweep);
        assertEquals(grid(), new HashSet<>(runs), "the two sweeps ran the whole grid");

        List<TrialRecord> trials = trials(database);
        Set<Map<String, Object>> completed = new HashSet<>();
        for (TrialRecord trial : trials) {
            if (trial.state() == TrialState.COMPLETE) {
                assertTrue(completed.add(trial.paramValues()), "one COMPLETE trial per point: " + trial);
            } else {
                // a sweep that asked while the other claimed the last point gets a trial that ends at once
                assertEquals(TrialState.FAIL, trial.state(), trial::toString);
                assertTrue(trial.failReason().orElseThrow().contains("nothing left to propose"), trial::toString);
            }
        }
        assertEquals(grid().size(), completed.size());
    }

    /**
     * Starts an {@code osprey} JVM sweeping the grid into {@code work/NAME}; each job records its
     * overrides, then waits until the other sweep has started a job.
     */
    private Process sweep(PostgresTestDatabase database, String name, String other) throws IOException {
        String otherJobs = work.resolve(other).toAbsolutePath() + "/*/ran.txt";
        String job = "echo \"$*\" > ran.txt; "
                + "for i in $(seq 1200); do ls " + otherJobs + " >/dev/null 2>&1 && break; sleep 0.1; done; "
                + "echo 0.5";
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OspreyCli.class.getName(),
                "run", "-m", "-cp", RunCommandTest.EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "training.epochs=" + join(EPOCHS), "training.batch_size=" + join(BATCH_SIZES), "--n-jobs", "2",
                "--storage", database.url(), "--study", "grid", "osprey.sweep.dir=" + work.resolve(name),
                "--", "sh", "-c", job, "sh", "{overrides}");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        Properties credentials = database.credentials();
        builder.environment().put(Storages.USER_ENV, credentials.getProperty("user"));
        builder.environment().put(Storages.PASSWORD_ENV, credentials.getProperty("password"));
        return builder.start();
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    /** Every point as its job's overrides read, in the basic sweeper's order. */
    private static Set<String> grid() {
        Set<String> points = new HashSet<>();
        for (int epochs : EPOCHS) {
            for (int batchSize : BATCH_SIZES) {
                points.add("training.epochs=" + epochs + " training.batch_size=" + batchSize);
            }
        }
        return points;
    }

    /** The overrides of each job a sweep ran, from the files its jobs wrote. */
    private static List<String> pointsRun(Path sweepDir) throws IOException {
        if (!Files.isDirectory(sweepDir)) {
            return List.of();
        }
        List<String> points = new ArrayList<>();
        try (Stream<Path> jobs = Files.list(sweepDir)) {
            for (Path ran : jobs.map(job -> job.resolve("ran.txt")).filter(Files::exists).toList()) {
                points.add(Files.readString(ran).strip());
            }
        }
        return points;
    }

    private static List<TrialRecord> trials(PostgresTestDatabase database) {
        try (Storage storage = Storages.open(database.url(), database.credentials());
             Study study = Study.builder().name("grid").storage(storage).heartbeatOff().load()) {
            return study.trials();
        }
    }

    private String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("first", "second")) {
            Path log = work.resolve(name + ".log");
            out.append("\n--- ").append(name).append(":\n").append(Files.exists(log) ? Files.readString(log) : "");
        }
        return out.toString();
    }
}
