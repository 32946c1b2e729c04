package dev.osprey.launchers;

/**
 * The contract kit for launchers that run external programs ({@link Task.Program}): the jobs of
 * {@link LauncherContract} as small {@code sh -c} scripts that speak the external-program protocol
 * (the objective as the last line of numbers on stdout, {@code osprey:report STEP VALUE} lines for
 * intermediate values, {@code OSPREY_JOB_NUM} in the environment). A launcher's test extends it and
 * implements {@link #newLauncher(int)} only; the machine that runs the tests needs {@code sh} and
 * {@code sleep}.
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
