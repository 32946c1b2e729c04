package dev.osprey.launchers;

/**
 * Runs jobs somewhere: in this JVM, as local processes, on a task-spooler queue, on Slurm.
 *
 * <p>The contract, checked by the launcher contract-test kit:
 * <ul>
 *   <li>{@link #submit} returns at once; the job runs in the background.</li>
 *   <li>Every submitted job ends in exactly one {@link JobResult}, delivered through its handle's
 *       {@link JobHandle#result() future}. A job that fails, times out, is pruned or cancelled is a
 *       result with that {@link JobStatus}, never an exceptionally completed future.</li>
 *   <li>{@link JobHandle#cancel()} stops a queued or running job; its result is
 *       {@link JobStatus#CANCELLED} unless it had already finished.</li>
 *   <li>{@link #close()} cancels what is still running and releases what the launcher holds.</li>
 * </ul>
 * Only {@link #submit} may throw, and only when the job cannot even be handed over (the job
 * directory is not writable, the scheduler's command is missing): that is a setup error, not a
 * job result.
 *
 * @since 0.1
 */
public interface Launcher extends AutoCloseable {

    /** The name the launcher is selected by, e.g. {@code process}. */
    String name();

    /**
     * How many jobs this launcher runs at once when it limits that itself (the local launchers'
     * {@code slots}); empty when a scheduler decides (Slurm) or nothing limits it.
     */
    default java.util.OptionalInt slots() {
        return java.util.OptionalInt.empty();
    }

    /**
     * Why this launcher cannot run {@code program} at all, found before any job runs (a launcher
     * that runs jobs on this machine looks for the program here); empty when it can, or when only
     * the machine that runs a job can tell (Slurm's compute nodes). A sweep refuses to start
     * rather than fail every trial for it.
     */
    default java.util.Optional<String> cannotRun(Task.Program program) {
        return java.util.Optional.empty();
    }

    /**
     * What of a job's resource preset ({@link dev.osprey.launchers.Resources}) this
     * launcher cannot give the job, one line each, saying what it is and why; empty when it honours
     * all of it. A sweep says so before any job runs. By default, a launcher honours nothing.
     *
     * @since 0.2
     */
    default java.util.List<String> cannotHonour(dev.osprey.launchers.Resources resources) {
        return resources.requested().stream().map(key -> key + " (the " + name() + " launcher does not honour it)")
                .toList();
    }

    /** Hands the job over and returns without waiting for it. */
    JobHandle submit(Job job);

    /**
     * How this launcher takes a batch of jobs known in advance in one go (Slurm's job arrays), if
     * it has a better way than one {@link #submit} per job; empty by default.
     *
     * @since 0.3
     */
    default java.util.Optional<BatchSubmission> batches() {
        return java.util.Optional.empty();
    }

    /**
     * Follows a job that an earlier driver submitted and lost because it died: the job may still
     * run, or have ended while no one watched, and its result comes from its own files. Empty when
     * this launcher cannot follow such a job (an in-process job dies with its driver; a job that
     * left no record of where it runs); the caller then fails its trial at once.
     *
     * @param number    the job's number
     * @param directory the job's directory, as the earlier driver made it
     */
    default java.util.Optional<JobHandle> reattach(int number, java.nio.file.Path directory) {
        return java.util.Optional.empty();
    }

    /** Cancels the jobs still running and frees the launcher's resources. */
    @Override
    void close();
}
