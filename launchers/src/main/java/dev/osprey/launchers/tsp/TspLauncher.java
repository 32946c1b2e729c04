package dev.osprey.launchers.tsp;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.ProgramCommand;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.WithheldVariables;
import dev.osprey.launchers.internal.JobPoller;
import dev.osprey.launchers.internal.JobWrapper;
import dev.osprey.launchers.internal.RemoteJob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Queues each job on a task-spooler queue as {@code sh osprey-job.sh JOBDIR PROGRAM ARGS...}. By
 * default the queue is private: its own server on a socket in a fresh temporary directory, so a
 * sweep neither waits behind nor disturbs the user's own {@code tsp} jobs; {@link #close()} stops
 * that server again.
 */
final class TspLauncher implements Launcher {

    private final TspOptions options;
    private final TspQueue queue;
    private final JobPoller poller;
    /** The temporary directory of a private queue, removed on close; null for a given socket. */
    private final Path privateDirectory;
    private final boolean ownServer;
    private boolean closed;

    TspLauncher(TspOptions options) {
        this.options = options;
        String tsp = Commands.find(options.command()).map(Path::toString).orElseThrow(() -> new LauncherException(
                "the tsp launcher needs the task-spooler command '" + options.command() + "', which is not on PATH;"
                        + " install it (Debian/Ubuntu: apt-get install task-spooler) or set osprey.launcher.command"
                        + " to its path (some systems call it ts)"));
        Path socket;
        try {
            if (options.socket().isPresent()) {
                privateDirectory = null;
                socket = options.socket().get().toAbsolutePath();
                Files.createDirectories(socket.getParent());
            } else {
                privateDirectory = Files.createTempDirectory("osprey-tsp-");
                socket = privateDirectory.resolve("socket");
            }
        } catch (IOException e) {
            throw new LauncherException("tsp launcher: cannot create the directory of its queue socket: " + e, e);
        }
        // any tsp call starts a server for a socket that has none; that server is then ours to stop
        ownServer = !Files.exists(socket);
        queue = new TspQueue(tsp, Map.of("TS_SOCKET", socket.toString(), "TMPDIR", socket.getParent().toString()));
        int slots = options.slots().orElse(privateDirectory != null ? Runtime.getRuntime().availableProcessors() : 0);
        try {
            Commands.Output out = slots > 0 ? queue.run("-S", Integer.toString(slots)) : queue.run("-S");
            if (!out.ok()) {
                throw new LauncherException("tsp launcher: '" + tsp + " -S' failed on the queue " + socket + ": "
                        + out.message());
            }
        } catch (IOException e) {
            throw new LauncherException("tsp launcher: cannot run '" + tsp + "': " + e.getMessage(), e);
        }
        // task-spooler answers in a few milliseconds: look at a new job early and often
        poller = new JobPoller(queue, options.pollInterval(), Duration.ofMillis(5));
    }

    /** Looks for the program on this machine, where its jobs run. */
    @Override
    public java.util.Optional<String> cannotRun(Task.Program program) {
        return dev.osprey.launchers.internal.Commands.cannotRunHere(program);
    }

    @Override
    public String name() {
        return "tsp";
    }

    @Override
    public synchronized JobHandle submit(Job job) {
        if (closed) {
            throw new LauncherException("the tsp launcher is closed; create a new one to submit job " + job.number());
        }
        if (!(job.task() instanceof Task.Program program)) {
            throw new LauncherException("the tsp launcher runs programs, but job " + job.number()
                    + " is a Java objective; use the in-process launcher (osprey/launcher=in-process)");
        }
        if (!Files.isDirectory(job.directory()) || !Files.isWritable(job.directory())) {
            throw new LauncherException("job directory " + job.directory() + " is not a writable directory;"
                    + " check the output directory setting and its permissions");
        }
        JobWrapper.requireWorkingDirectory(job, program);
        Job absolute = JobWrapper.absolute(job);
        Path wrapper = JobWrapper.install(absolute.directory());
        List<String> args = new ArrayList<>(List.of("-L", "osprey-" + job.number()));
        args.addAll(restoredEnvironment());
        args.add("sh");
        args.add(wrapper.toString());
        args.addAll(JobWrapper.arguments(absolute, program));
        Commands.Output out;
        try {
            RemoteJob.clearOutputs(absolute);
            out = queue.run(args, ProgramCommand.environment(program, absolute), absolute.directory());
        } catch (IOException e) {
            throw new LauncherException("tsp launcher: cannot queue job " + job.number() + ": " + e.getMessage(), e);
        }
        String id = out.stdout().strip();
        if (!out.ok() || !id.matches("\\d+")) {
            throw new LauncherException("tsp launcher: task-spooler did not accept job " + job.number() + ": "
                    + out.message());
        }
        RemoteJob handle = RemoteJob.submitted(absolute, id, queue, options.killGrace());
        poller.add(handle);
        return handle;
    }

    /**
     * {@code env -u TMPDIR -u TS_SOCKET [NAME=value...]}: the job gets this JVM's own TMPDIR and
     * TS_SOCKET back, not the queue's (tsp runs a job with the environment it was queued with).
     */
    private static List<String> restoredEnvironment() {
        List<String> env = new ArrayList<>(List.of("env", "-u", "TMPDIR", "-u", "TS_SOCKET"));
        // a queue started earlier may hold passwords in its own environment: the job gets none
        WithheldVariables.PASSWORDS.forEach(name -> env.addAll(List.of("-u", name)));
        for (String name : List.of("TMPDIR", "TS_SOCKET")) {
            String value = System.getenv(name);
            if (value != null) {
                env.add(name + "=" + value);
            }
        }
        return env;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        poller.close(options.killGrace().plusSeconds(10));
        if (ownServer) {
            try {
                queue.run("-K");
            } catch (IOException e) {
                // the server may be gone already
            }
        }
        if (privateDirectory != null) {
            deleteTree(privateDirectory);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a leftover temporary directory is harmless (the server may be removing its socket just now)
        }
    }
}
