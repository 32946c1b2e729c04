package dev.osprey.launchers.docs;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.JobWrapper;
import dev.osprey.launchers.internal.RemoteTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the examples of docs/launchers.md: the example program through the process launcher, the sweep
 * example, and the table of how a program's job ends (also on task-spooler where it is installed); and
 * checks the job directory layout against the code. {@link LaunchersDocReferenceTest} checks the tables
 * of settings, placeholders and environment variables.
 */
class LaunchersDocTest {

    static final DocBlocks DOC = DocBlocks.read("launchers.md");

    /** Every example the page marks as tested, each checked by a test of this class or the reference test. */
    private static final Set<String> CHECKED = new TreeSet<>(List.of("train.sh", "TrainJobs.java", "train-output",
            "result.json", "outcomes", "layout", "settings-error",
            "settings-in-process", "settings-process", "settings-tsp", "settings-slurm", "placeholders",
            "environment"));

    @TempDir
    Path work;

    @Test
    void everyExampleMarkedAsTestedIsChecked() {
        assertEquals(CHECKED, DOC.names());
    }

    @Test
    void theExampleProgramGivesTheDocumentedResults() throws Exception {
        Files.writeString(work.resolve("train.sh"), DOC.block("train.sh"));
        JavaPrograms.compile(work, "TrainJobs", DOC.block("TrainJobs.java"));
        assertEquals(DOC.block("train-output"), JavaPrograms.run(work, "TrainJobs"));
        String written = Files.readString(work.resolve("runs/0/result.json"));
        assertEquals(withoutDuration(DOC.block("result.json")), withoutDuration(written));
    }

    @Test
    void programsEndAsTheOutcomeTableSaysOnTheProcessLauncher() {
        try (Launcher launcher = Launchers.create("process", Config.of(Map.of("slots", 10, "kill_grace_s", 1)))) {
            checkOutcomes(launcher);
        }
    }

    @Test
    void programsEndAsTheOutcomeTableSaysOnTaskSpooler() {
        RemoteTesting.require(Commands.find("tsp").isPresent(),
                "task-spooler's tsp is not on PATH; the documented outcomes are checked on it too where it is installed");
        try (Launcher launcher = Launchers.create("tsp", Config.of(Map.of("slots", 4, "poll_interval_ms", 50,
                "kill_grace_s", 1)))) {
            checkOutcomes(launcher);
        }
    }

    @Test
    void theDocumentedJobDirectoryIsTheOneTheLaunchersUse() {
        Set<String> documented = new TreeSet<>();
        for (String line : DOC.block("layout").lines().skip(1).toList()) {
            documented.add(line.replaceFirst("^[├└]── ", "").split("\\s+")[0]);
        }
        assertTrue(documented.removeIf(name -> name.matches("slurm-\\d+\\.out")), "Slurm's own output is shown");
        JobFiles files = new JobFiles(Path.of("d"));
        Set<String> used = new TreeSet<>();
        for (Path file : List.of(files.config(), files.stdout(), files.stderr(), files.objective(), files.failure(), files.result(),
                files.process(), files.exitCode(), files.queuedWrapper())) {
            used.add(Path.of("d").relativize(file).toString());
        }
        JobWrapper.AWK_FILES.forEach(awk -> used.add(Path.of(".osprey", awk).toString()));
        assertEquals(files.queuedWrapper().getFileName().toString(), JobWrapper.FILE_NAME);
        assertEquals(used, documented);
    }

    /** Runs every row of the outcome table on {@code launcher} at once and checks status, values and error. */
    private void checkOutcomes(Launcher launcher) {
        List<List<String>> rows = DOC.table("outcomes");
        List<JobHandle> handles = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            Job job = job(i, Task.Program.of("sh", "-c", DocBlocks.code(row.get(1))));
            if (!row.get(2).equals("-")) {
                job = job.withTimeout(Duration.ofSeconds(Long.parseLong(row.get(2).replace(" s", ""))));
            }
            handles.add(launcher.submit(job));
        }
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            JobResult result = handles.get(i).await();
            String what = launcher.name() + ", row '" + row.get(0) + "': " + result;
            assertEquals(row.get(3), result.status().name(), what);
            String expected = DocBlocks.code(row.get(4));
            if (result.isCompleted()) {
                assertEquals(Arrays.stream(expected.split("[,\\s]+")).map(Double::valueOf).toList(), result.values(),
                        what);
            } else {
                assertTrue(result.error().startsWith(expected), what);
            }
        }
    }

    private Job job(int number, Task task) {
        try {
            Path dir = Files.createDirectories(work.resolve("jobs").resolve(Integer.toString(number)));
            return Job.of(number, task, Config.empty(), List.of(), dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String withoutDuration(String json) {
        return json.strip().replaceAll("\"duration_ms\":\\d+", "\"duration_ms\":N");
    }
}
