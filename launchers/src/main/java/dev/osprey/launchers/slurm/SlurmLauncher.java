package dev.osprey.launchers.slurm;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.BatchSubmission;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.ProgramCommand;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.JobPoller;
import dev.osprey.launchers.internal.JobWrapper;
import dev.osprey.launchers.internal.RemoteJob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Submits each job with {@code sbatch}, or a batch known in advance as job arrays
 * ({@link SlurmArrays}), and watches them all with one {@link JobPoller}. A job
 * whose resources Slurm refuses ends {@code FAILED} with sbatch's words; only a missing command or
 * an unreachable controller, which no job could get past, is a {@link LauncherException}.
 */
final class SlurmLauncher implements Launcher {

    /** sbatch's errors that are about the cluster, not about the job. */
    private static final Pattern UNREACHABLE = Pattern.compile(
            "Unable to contact slurm controller|Socket timed out|Zero Bytes were transmitted|Connection refused"
                    + "|Unable to process configuration file|[Aa]uthentication|[Mm]unge",
            Pattern.CASE_INSENSITIVE);

    private final SlurmCommands commands;
    private final Config settings;
    private final Duration killGrace;
    private final SlurmQueue queue;
    private final JobPoller poller;
    private final SlurmArrays arrays;
    private boolean closed;

    SlurmLauncher(SlurmCommands commands, Config settings, Duration pollInterval, Duration killGrace,
                  boolean useArrays, int maxArraySize) {
        this.commands = commands;
        this.settings = settings;
        this.killGrace = killGrace;
        // wrong types in the launcher's own settings are a setup error, found before any job
        SlurmResources.arguments(settings, Config.empty(), Optional.empty());
        commands.ping();
        this.queue = new SlurmQueue(commands);
        this.poller = new JobPoller(queue, pollInterval);
        this.arrays = new SlurmArrays(this, useArrays, maxArraySize);
    }

    @Override
    public String name() {
        return "slurm";
    }

    /**
     * Checks the program's working directory only: the program is looked for on the compute node
     * that runs the job, but the directory must be on a file system shared with this machine, as
     * the job directory is.
     */
    @Override
    public Optional<String> cannotRun(Task.Program program) {
        return Commands.missingWorkingDirectory(program);
    }

    /** Every resource of a preset becomes an sbatch option; its variables go to the job's environment. */
    @Override
    public List<String> cannotHonour(dev.osprey.launchers.Resources resources) {
        return List.of();
    }

    @Override
    public synchronized JobHandle submit(Job job) {
        Prepared prepared = prepare(job);
        Job absolute = prepared.job();
        Path dir = absolute.directory();
        if (prepared.rejection() != null) {
            return RemoteJob.rejected(absolute, queue, prepared.rejection());
        }
        Path wrapper = JobWrapper.install(dir);
        List<String> args = new ArrayList<>(List.of("--parsable", "--job-name=osprey-" + job.number(),
                // sbatch expands %-patterns in the output path: a % of the directory's own must stay one
                "--output=" + dir.toString().replace("%", "%%") + "/slurm-%j.out", "--chdir=" + dir, "--export=ALL"));
        args.addAll(prepared.resources());
        args.add(wrapper.toString());
        args.addAll(JobWrapper.arguments(absolute, prepared.program()));
        Commands.Output out;
        try {
            RemoteJob.clearOutputs(absolute);
            out = commands.run("sbatch", args, ProgramCommand.environment(prepared.program(), absolute), dir);
        } catch (IOException e) {
            throw new LauncherException("slurm launcher: cannot submit job " + job.number() + ": " + e.getMessage(), e);
        }
        Optional<String> refused = refusal(out, "the job", prepared.resources());
        if (refused.isPresent()) {
            return RemoteJob.rejected(absolute, queue, refused.get());
        }
        return watch(absolute, jobId(out, "job " + job.number()));
    }

    /**
     * Job arrays, unless {@code osprey.launcher.arrays} is false or the cluster allows no arrays
     * ({@code MaxArraySize} below 2).
     */
    @Override
    public Optional<BatchSubmission> batches() {
        return arrays.usable() ? Optional.of(arrays) : Optional.empty();
    }

    /** A job checked for submission, or why it cannot be. */
    record Prepared(Job job, Task.Program program, List<String> resources, String rejection) {
    }

    /**
     * Checks a job and works out its sbatch options.
     *
     * @throws LauncherException when the job cannot be handed over at all (the launcher is closed, the
     *                           job is a Java objective, its directory is not writable)
     */
    synchronized Prepared prepare(Job job) {
        if (closed) {
            throw new LauncherException("the slurm launcher is closed; create a new one to submit job " + job.number());
        }
        if (!(job.task() instanceof Task.Program program)) {
            throw new LauncherException("the slurm launcher runs programs, but job " + job.number()
                    + " is a Java objective; use the in-process launcher (osprey/launcher=in-process)");
        }
        if (!Files.isDirectory(job.directory()) || !Files.isWritable(job.directory())) {
            throw new LauncherException("job directory " + job.directory() + " is not a writable directory;"
                    + " check the output directory setting and its permissions");
        }
        JobWrapper.requireWorkingDirectory(job, program);
        Job absolute = JobWrapper.absolute(job);
        try {
            return new Prepared(absolute, program, SlurmResources.arguments(settings, job.settings(), job.timeout()),
                    null);
        } catch (LauncherException e) {
            return new Prepared(absolute, program, List.of(), "not submitted: " + e.getMessage());
        }
    }

    /**
     * Why sbatch refused a submission, as the error of the jobs it held; empty when it accepted it.
     *
     * @throws LauncherException when the controller cannot be reached, which no job could get past
     */
    Optional<String> refusal(Commands.Output out, String what, List<String> resources) {
        if (out.ok()) {
            return Optional.empty();
        }
        if (UNREACHABLE.matcher(out.message()).find()) {
            throw commands.unreachable(out.message());
        }
        return Optional.of("sbatch refused " + what + ": " + out.message() + "; check its Slurm settings (sbatch "
                + String.join(" ", resources) + ")");
    }

    /** The job id sbatch --parsable printed (without a cluster name). */
    static String jobId(Commands.Output out, String what) {
        String id = out.stdout().strip();
        int cluster = id.indexOf(';');
        id = cluster >= 0 ? id.substring(0, cluster) : id;
        if (!id.matches("\\d+")) {
            throw new LauncherException("slurm launcher: sbatch accepted " + what + " but printed no job id: "
                    + out.message());
        }
        return id;
    }

    /** Follows a job Slurm accepted under {@code id} (a job id, or an array task's {@code ARRAY_TASK}). */
    synchronized RemoteJob watch(Job job, String id) {
        RemoteJob handle = RemoteJob.submitted(job, id, queue, killGrace);
        poller.add(handle);
        return handle;
    }

    /** A job that was not submitted, failed with {@code why}. */
    RemoteJob rejected(Job job, String why) {
        return RemoteJob.rejected(job, queue, why);
    }

    SlurmCommands commands() {
        return commands;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        poller.close(killGrace.plusSeconds(30));
    }
}
