package dev.osprey.launchers;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.Overrides;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link Launcher} keeps, as JUnit 5 checks: a kit for launchers written here or in
 * a project of their own. It is published in the launchers module's test-jar,
 * {@code dev.osprey:osprey-launchers} with {@code <type>test-jar</type>} at test scope.
 *
 * <p>A launcher's test extends this class and implements {@link #newLauncher(int)} and the six job
 * hooks ({@link #returning}, {@link #returningItsNumber}, {@link #failing}, {@link #returningNaN},
 * {@link #runningLong}, {@link #reportingThenRunningLong}), which express trivial jobs as the
 * launcher's kind of {@link Task}. A launcher of external programs extends
 * {@link ProgramLauncherContract} instead, which already expresses them as {@code sh -c} scripts,
 * and implements {@link #newLauncher(int)} only. A queued launcher may lower {@link #manyJobs()}
 * and raise {@link #patience()}.
 *
 * <p>The checks: a job's value arrives in a {@code COMPLETED} result with its number; a failing job,
 * a NaN objective, a timeout, a cancellation and closing the launcher are results with their
 * status (never exceptions), and the launcher goes on working; {@link Launcher#submit} returns while
 * the job runs; many jobs each get their own result; intermediate values reach the job's
 * {@link Pruning} in order, none after it said stop, and the job then ends {@code PRUNED}.
 *
 * <p>The checks are public methods: a launcher that cannot keep one (say, it does not pass
 * intermediate values on) overrides it with {@code @Test @Disabled("why")}, so that the gap shows
 * in every test report. {@link #launcher}, {@link #job} and {@link #await} serve the subclass's
 * own tests too; each test gets a fresh directory in {@link #work}.
 */
public abstract class LauncherContract {

    /** A fresh directory for each test; the jobs of {@link #job} get their directories under it. */
    @TempDir
    protected Path work;

    private final List<Launcher> opened = new ArrayList<>();

    /** A new launcher running at most {@code slots} jobs at once. */
    protected abstract Launcher newLauncher(int slots);

    /** A job that ends at once with the given objective value. */
    protected abstract Task returning(double value);

    /** A job whose objective value is its own job number. */
    protected abstract Task returningItsNumber();

    /** A job that fails (non-zero exit, exception). */
    protected abstract Task failing();

    /** A job that ends normally but whose objective is NaN. */
    protected abstract Task returningNaN();

    /** A job that runs far longer than any test waits, unless stopped. */
    protected abstract Task runningLong();

    /** A job that reports intermediate values 0, 1, 2, ... at steps 0, 1, 2, ..., then runs long. */
    protected abstract Task reportingThenRunningLong();

    /** How many jobs the many-jobs case submits (schedulers with a 1 s tick use fewer). */
    protected int manyJobs() {
        return 20;
    }

    /** The longest a test waits for a result. */
    protected Duration patience() {
        return Duration.ofSeconds(60);
    }

    @AfterEach
    protected final void closeLaunchers() {
        opened.forEach(Launcher::close);
    }

    /** A new launcher from {@link #newLauncher}, closed after the test. */
    protected final Launcher launcher(int slots) {
        Launcher launcher = newLauncher(slots);
        opened.add(launcher);
        return launcher;
    }

    /** A job of that number with its own directory and config snapshot under the test's folder. */
    protected final Job job(int number, Task task) {
        try {
            Path dir = Files.createDirectories(work.resolve("jobs").resolve(Integer.toString(number)));
            Config config = Config.of(Map.of("job", Map.of("num", number), "lr", 0.01));
            Files.createDirectories(dir.resolve(".osprey"));
            Files.writeString(dir.resolve(".osprey").resolve("config.yaml"), config.toYaml());
            return Job.of(number, task, config, Overrides.parseAll(List.of("lr=0.01", "+job.num=" + number)), dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The job's result, failing the test if it takes longer than {@link #patience()}. */
    protected final JobResult await(JobHandle handle) {
        try {
            return handle.result().get(patience().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("job " + handle.number() + " (" + handle.id() + ") gave no result within "
                    + patience() + ": " + e, e);
        }
    }

    @Test
    public void aJobThatSucceedsGivesItsValue() {
        JobResult result = await(launcher(2).submit(job(0, returning(0.25))));
        assertEquals(JobStatus.COMPLETED, result.status(), result.error());
        assertEquals(List.of(0.25), result.values());
        assertEquals(0, result.number());
    }

    @Test
    public void aFailingJobIsAResultNotAnException() {
        Launcher launcher = launcher(2);
        JobResult failed = await(launcher.submit(job(0, failing())));
        assertEquals(JobStatus.FAILED, failed.status());
        assertTrue(failed.values().isEmpty());
        assertFalse(failed.error().isBlank(), "a failed job says why");
        // the launcher goes on working after a failure
        assertEquals(JobStatus.COMPLETED, await(launcher.submit(job(1, returning(1.5)))).status());
    }

    @Test
    public void aNaNObjectiveFailsTheJobAndSaysSo() {
        JobResult result = await(launcher(1).submit(job(0, returningNaN())));
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.error().contains("NaN"), result.error());
    }

    @Test
    public void manyJobsEachGetTheirOwnResult() {
        Launcher launcher = launcher(2);
        List<JobHandle> handles = new ArrayList<>();
        for (int i = 0; i < manyJobs(); i++) {
            handles.add(launcher.submit(job(i, returningItsNumber())));
        }
        for (JobHandle handle : handles) {
            JobResult result = await(handle);
            assertEquals(handle.number(), result.number());
            assertEquals(JobStatus.COMPLETED, result.status(), result.error());
            assertEquals(List.of((double) handle.number()), result.values());
        }
    }

    /** A launcher that takes batches ({@link Launcher#batches()}) gives one handle per job, in order, each its own result. */
    @Test
    public void aBatchGivesOneHandlePerJobInOrder() {
        Launcher launcher = launcher(2);
        org.junit.jupiter.api.Assumptions.assumeTrue(launcher.batches().isPresent(), "the launcher takes no batches");
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(job(i, returningItsNumber()));
        }
        List<JobHandle> handles = launcher.batches().get().submitAll(jobs, 2);
        assertEquals(3, handles.size());
        for (int i = 0; i < 3; i++) {
            JobResult result = await(handles.get(i));
            assertEquals(i, handles.get(i).number());
            assertEquals(JobStatus.COMPLETED, result.status(), result.error());
            assertEquals(List.of((double) i), result.values());
        }
    }

    @Test
    public void submitReturnsBeforeTheJobEnds() {
        JobHandle handle = launcher(1).submit(job(0, runningLong()));
        assertTrue(handle.poll().isEmpty(), "a long job cannot have ended at submission");
        handle.cancel();
        assertEquals(JobStatus.CANCELLED, await(handle).status());
    }

    @Test
    public void aJobPastItsTimeoutIsStoppedAndTimedOut() {
        JobResult result = await(launcher(1).submit(job(0, runningLong()).withTimeout(Duration.ofSeconds(1))));
        assertEquals(JobStatus.TIMED_OUT, result.status());
        assertTrue(result.values().isEmpty());
    }

    @Test
    public void cancellingQueuedAndRunningJobs() {
        Launcher launcher = launcher(1);
        JobHandle running = launcher.submit(job(0, runningLong()));
        JobHandle queued = launcher.submit(job(1, returning(2.0)));
        queued.cancel();
        running.cancel();
        assertEquals(JobStatus.CANCELLED, await(queued).status());
        assertEquals(JobStatus.CANCELLED, await(running).status());
        // the slot is free again
        assertEquals(JobStatus.COMPLETED, await(launcher.submit(job(2, returning(3.0)))).status());
    }

    @Test
    public void intermediateValuesReachThePrunerWhichCanStopTheJob() {
        List<Double> seen = new CopyOnWriteArrayList<>();
        Pruning pruneAtStepTwo = (step, value) -> {
            seen.add(value);
            return step >= 2;
        };
        JobResult result = await(launcher(1).submit(job(0, reportingThenRunningLong()).withPruning(pruneAtStepTwo)));
        assertEquals(JobStatus.PRUNED, result.status(), result.error());
        assertEquals(List.of(0.0, 1.0, 2.0), seen.subList(0, 3));
        assertEquals(3, seen.size(), "no value is reported after the prune decision: " + seen);
    }

    @Test
    public void closingTheLauncherCancelsWhatRuns() {
        Launcher launcher = newLauncher(1);
        JobHandle handle = launcher.submit(job(0, runningLong()));
        launcher.close();
        assertEquals(JobStatus.CANCELLED, await(handle).status());
    }
}
