package dev.osprey.launchers.slurm;

import dev.osprey.composer.config.Config;
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
 * Submits each job with {@code sbatch} and watches them all with one {@link JobPoller}. A job
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
    private boolean closed;

    SlurmLauncher(SlurmCommands commands, Config settings, Duration pollInterval, Duration killGrace) {
        this.commands = commands;
        this.settings = settings;
        this.killGrace = killGrace;
        // wrong types in the launcher's own settings are a setup error, found before any job
        SlurmResources.arguments(settings, Config.empty(), Optional.empty());
        commands.ping();
        this.queue = new SlurmQueue(commands);
        this.poller = new JobPoller(queue, pollInterval);
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
        Path dir = absolute.directory();
        List<String> resources;
        try {
            resources = SlurmResources.arguments(settings, job.settings(), job.timeout());
        } catch (LauncherException e) {
            return RemoteJob.rejected(absolute, queue, "not submitted: " + e.getMessage());
        }
        Path wrapper = JobWrapper.install(dir);
        List<String> args = new ArrayList<>(List.of("--parsable", "--job-name=osprey-" + job.number(),
                // sbatch expands %-patterns in the output path: a % of the directory's own must stay one
                "--output=" + dir.toString().replace("%", "%%") + "/slurm-%j.out", "--chdir=" + dir, "--export=ALL"));
        args.addAll(resources);
        args.add(wrapper.toString());
        args.addAll(JobWrapper.arguments(absolute, program));
        Commands.Output out;
        try {
            RemoteJob.clearOutputs(absolute);
            out = commands.run("sbatch", args, ProgramCommand.environment(program, absolute), dir);
        } catch (IOException e) {
            throw new LauncherException("slurm launcher: cannot submit job " + job.number() + ": " + e.getMessage(), e);
        }
        if (!out.ok()) {
            if (UNREACHABLE.matcher(out.message()).find()) {
                throw commands.unreachable(out.message());
            }
            return RemoteJob.rejected(absolute, queue, "sbatch refused the job: " + out.message()
                    + "; check its Slurm settings (sbatch " + String.join(" ", resources) + ")");
        }
        String id = out.stdout().strip();
        int cluster = id.indexOf(';');
        id = cluster >= 0 ? id.substring(0, cluster) : id;
        if (!id.matches("\\d+")) {
            throw new LauncherException("slurm launcher: sbatch accepted job " + job.number()
                    + " but printed no job id: " + out.message());
        }
        RemoteJob handle = RemoteJob.submitted(absolute, id, queue, killGrace);
        poller.add(handle);
        return handle;
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
