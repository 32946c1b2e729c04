package dev.osprey.launchers;

import dev.osprey.launchers.protocol.JobFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract kit for launchers that run external programs ({@link Task.Program}): the jobs of
 * {@link LauncherContract} as small {@code sh -c} scripts that speak the external-program protocol
 * (the objective as the last line of numbers on stdout, {@code osprey:report STEP VALUE} lines for
 * intermediate values, {@code OSPREY_JOB_NUM} in the environment). A launcher's test extends it and
 * implements {@link #newLauncher(int)} only; the machine that runs the tests needs {@code sh},
 * {@code sleep}, {@code pwd} and {@code cat}.
 *
 * <p>Two checks of its own: a program given a working directory runs there while its files stay in
 * its job directory, and a failure file's reason starts a failed job's error.
 */
public abstract class ProgramLauncherContract extends LauncherContract {

    /** A job running {@code script} with {@code sh -c}. */
    public static Task sh(String script) {
        return Task.Program.of("sh", "-c", script);
    }

    @Override
    protected Task returning(double value) {
        return sh("echo training; echo " + value);
    }

    @Override
    protected Task returningItsNumber() {
        return sh("echo \"$OSPREY_JOB_NUM\"");
    }

    @Override
    protected Task failing() {
        return sh("echo 'CUDA out of memory' >&2; exit 3");
    }

    @Override
    protected Task returningNaN() {
        return sh("echo nan");
    }

    @Override
    protected Task runningLong() {
        return sh("sleep 600");
    }

    @Override
    protected Task reportingThenRunningLong() {
        return sh("for i in 0 1 2 3 4; do echo \"osprey:report $i $i\"; done; sleep 600");
    }

    /**
     * A program with a working directory of its own runs there, so its relative paths resolve from
     * it (as a Hydra application's do from where it was launched), while its output stays in the
     * job directory, and nothing of the job's is written where it runs.
     */
    @Test
    public void aProgramRunsInItsWorkingDirectoryWhileItsFilesStayInTheJobDirectory() throws IOException {
        Path launchedFrom = Files.createDirectories(work.resolve("launched-from"));
        Files.writeString(launchedFrom.resolve("data.txt"), "0.5\n");
        Task task = Task.Program.of("sh", "-c", "pwd -P > where.txt; echo reading >&2; cat data.txt")
                .withWorkingDirectory(launchedFrom);
        Job job = job(0, task);
        JobResult result = await(launcher(1).submit(job));
        assertEquals(JobStatus.COMPLETED, result.status(), result.error());
        assertEquals(List.of(0.5), result.values());
        assertEquals(List.of(launchedFrom.toRealPath().toString()), Files.readAllLines(launchedFrom.resolve("where.txt")));
        JobFiles files = new JobFiles(job.directory());
        assertEquals(List.of("0.5"), Files.readAllLines(files.stdout()));
        assertEquals(List.of("reading"), Files.readAllLines(files.stderr()));
        try (Stream<Path> there = Files.list(launchedFrom)) {
            assertEquals(List.of("data.txt", "where.txt"), there.map(p -> p.getFileName().toString()).sorted().toList(),
                    "only the program's own files are in its working directory");
        }
    }

    /**
     * The last line a program writes to {@code OSPREY_FAILURE_FILE} starts its failed job's error:
     * before the exit code of a non-zero exit, and alone for a program that exited 0 all the same.
     */
    @Test
    public void aFailureFileGivesTheReasonOfAFailedJob() {
        Launcher launcher = launcher(2);
        JobHandle exited = launcher.submit(job(0, sh("echo 'dataset not found: data/train.csv' > \"$OSPREY_FAILURE_FILE\";"
                + " echo Traceback >&2; exit 2")));
        JobHandle said = launcher.submit(job(1, sh("echo 'diverged at epoch 3' > \"$OSPREY_FAILURE_FILE\"; echo 0.5")));
        JobResult failed = await(exited);
        assertEquals(JobStatus.FAILED, failed.status(), failed.error());
        assertTrue(failed.error().startsWith("dataset not found: data/train.csv (exited with code 2); stderr ends with:"),
                failed.error());
        assertTrue(failed.error().contains("Traceback"), failed.error());
        JobResult saidSo = await(said);
        assertEquals(JobStatus.FAILED, saidSo.status(), "a program that wrote a reason failed, whatever it printed");
        assertEquals("diverged at epoch 3", saidSo.error());
        assertTrue(saidSo.values().isEmpty());
    }

    /**
     * Named objective lines and constraint lines reach the job's result, the objectives in the
     * order the program named them and the constraints in {@code <= 0} form; a malformed named
     * line fails the job with the line in its error.
     */
    @Test
    public void namedObjectivesAndConstraintsReachTheResult() {
        Launcher launcher = launcher(2);
        JobHandle named = launcher.submit(job(0, sh("echo 'osprey:objective accuracy 0.75';"
                + " echo 'osprey:constraint memory_gb 3.5 <= 16'; echo 'osprey:constraint recall 0.5 >= 0.75';"
                + " echo 'osprey:objective latency_ms 12'")));
        JobHandle malformed = launcher.submit(job(1, sh("echo 'osprey:constraint memory_gb 3.5 < 16'; echo 1")));
        JobResult result = await(named);
        assertEquals(JobStatus.COMPLETED, result.status(), result.error());
        assertEquals(List.of("accuracy", "latency_ms"), result.names());
        assertEquals(List.of(0.75, 12.0), result.values());
        assertEquals(java.util.Map.of("memory_gb", -12.5, "recall", 0.25), result.constraints());
        JobResult refused = await(malformed);
        assertEquals(JobStatus.FAILED, refused.status());
        assertTrue(refused.error().startsWith("the line 'osprey:constraint memory_gb 3.5 < 16' is neither"),
                refused.error());
    }

    /**
     * A result file written as JSON ({@code OSPREY_RESULT_FILE}) gives named values and constraints
     * in the forms of the named lines; a constraint without its limit fails the job naming it.
     */
    @Test
    public void aJsonResultFileGivesNamedValuesAndConstraints() {
        Launcher launcher = launcher(2);
        JobHandle named = launcher.submit(job(0, sh("echo '{\"values\": {\"loss\": 0.25, \"latency_ms\": 12},"
                + " \"constraints\": {\"memory_gb\": {\"value\": 3.5, \"limit\": 16}, \"recall\":"
                + " {\"value\": 0.5, \"at_least\": 0.75}}}' > \"$OSPREY_RESULT_FILE\"")));
        JobHandle bad = launcher.submit(job(1, sh("echo '{\"values\": [1], \"constraints\":"
                + " {\"memory_gb\": {\"value\": 3.5}}}' > \"$OSPREY_RESULT_FILE\"")));
        JobResult result = await(named);
        assertEquals(JobStatus.COMPLETED, result.status(), result.error());
        assertEquals(List.of("loss", "latency_ms"), result.names());
        assertEquals(List.of(0.25, 12.0), result.values());
        assertEquals(java.util.Map.of("memory_gb", -12.5, "recall", 0.25), result.constraints());
        JobResult refused = await(bad);
        assertEquals(JobStatus.FAILED, refused.status());
        assertTrue(refused.error().startsWith("the constraint 'memory_gb' in the result file objective.txt needs"),
                refused.error());
    }

    /**
     * Checks that a program whose working directory does not exist is refused before any job
     * starts: {@link Launcher#cannotRun} and {@link Launcher#submit} name the directory. Not a
     * contract check of its own (a launcher whose jobs run elsewhere may only find out there), so
     * the built-in launchers' tests call it.
     */
    /**
     * A program given by a path relative to its working directory ({@code ./train.sh}) is found there:
     * for launchers that look the program up before running it (not every launcher's tests call this).
     */
    protected final void assertARelativeProgramIsFoundInItsWorkingDirectory() throws java.io.IOException {
        Path launchedFrom = java.nio.file.Files.createDirectories(work.resolve("project"));
        Path script = java.nio.file.Files.writeString(launchedFrom.resolve("train.sh"), "#!/bin/sh\necho 0.25\n");
        script.toFile().setExecutable(true);
        Task.Program program = Task.Program.of("./train.sh").withWorkingDirectory(launchedFrom);
        Launcher launcher = launcher(1);
        assertEquals(java.util.Optional.empty(), launcher.cannotRun(program));
        JobResult result = await(launcher.submit(job(0, program)));
        assertEquals(java.util.List.of(0.25), result.values(), result.error());
    }

    protected final void assertAMissingWorkingDirectoryIsRefusedBeforeAnyJobStarts() {
        Path missing = work.resolve("no-such-directory");
        Task.Program program = Task.Program.of("sh", "-c", "echo ran > ran.txt; echo 1").withWorkingDirectory(missing);
        Launcher launcher = launcher(1);
        String why = launcher.cannotRun(program).orElseThrow(
                () -> new AssertionError("cannotRun accepts the missing working directory " + missing));
        assertTrue(why.contains(missing.toString()) && why.contains("does not exist"), why);
        LauncherException e = assertThrows(LauncherException.class, () -> launcher.submit(job(0, program)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(Files.notExists(missing), "nothing made the directory");
    }

    /**
     * Checks that a job's program gets none of the study database's secrets
     * ({@code OSPREY_STORAGE_PASSWORD}, {@code PGPASSWORD}, an {@code OSPREY_STORAGE} holding a
     * password) and keeps its other variables. Not a contract check of its own: a launcher written
     * outside this project need not withhold them, so the built-in launchers' tests call it.
     */
    protected final void assertTheJobGetsNoStoragePassword() throws java.io.IOException {
        Task task = new Task.Program(java.util.List.of("sh", "-c", "env > env.txt; echo 1"), java.util.Map.of(
                "OSPREY_STORAGE_PASSWORD", "s3cret-variable", "PGPASSWORD", "s3cret-libpq",
                "OSPREY_STORAGE", "jdbc:postgresql://db/hpo?password=s3cret-location", "KEPT", "yes"));
        JobResult result = await(launcher(1).submit(job(0, task)));
        org.junit.jupiter.api.Assertions.assertEquals(JobStatus.COMPLETED, result.status(), result.error());
        String env = java.nio.file.Files.readString(work.resolve("jobs/0/env.txt"));
        org.junit.jupiter.api.Assertions.assertTrue(env.contains("KEPT=yes"), env);
        org.junit.jupiter.api.Assertions.assertFalse(env.contains("s3cret"), env);
    }
}
