package dev.osprey.launchers.process;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.Pruning;
import dev.osprey.launchers.internal.ReportTail;
import dev.osprey.launchers.internal.WithheldVariables;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.LocalProcess;
import dev.osprey.launchers.protocol.ObjectiveLines;
import dev.osprey.launchers.protocol.ProgramCommand;
import dev.osprey.launchers.protocol.ProgramOutcome;
import dev.osprey.launchers.protocol.ResultJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One subprocess job: waits for a slot, runs the program under its {@link DurableCommand wrapper}
 * with its output in files, follows the output for intermediate values, decides the result.
 */
final class ProcessJob implements JobHandle {

    private final Job job;
    private final Task.Program program;
    private final Semaphore slots;
    private final Duration killGrace;
    private final ScheduledExecutorService timers;
    private final JobFiles files;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    /** Why the job was stopped from outside, if it was; the first reason wins. */
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private volatile RunningProgram running;
    private volatile long pid = -1;
    /** Whether the program has ended and its result is decided: a stop then changes nothing. */
    private boolean over;
    /** The launcher's Python workers, when {@code python_workers} is on; null when off. */
    private final PythonWorkers workers;

    private record Stop(JobStatus status, String why) {
    }

    ProcessJob(Job job, Task.Program program, Semaphore slots, Duration killGrace, ScheduledExecutorService timers,
               java.util.Set<ProcessJob> killing, PythonWorkers workers) {
        this.killing = killing;
        this.workers = workers;
        this.job = job;
        this.program = program;
        this.slots = slots;
        this.killGrace = killGrace;
        this.timers = timers;
        this.files = new JobFiles(job.directory());
    }

    @Override
    public int number() {
        return job.number();
    }

    @Override
    public String id() {
        if (pid < 0) {
            return "local-" + job.number();
        }
        return running instanceof WorkerRun ? "python worker pid " + pid : "pid " + pid;
    }

    @Override
    public Optional<Path> logs() {
        return Optional.of(files.stdout());
    }

    @Override
    public CompletableFuture<JobResult> result() {
        return result;
    }

    @Override
    public void cancel() {
        stopWith(JobStatus.CANCELLED, "cancelled");
    }

    void run() {
        long submitted = System.nanoTime();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(JobResult.ended(job.number(), JobStatus.CANCELLED, "interrupted while queued", OptionalInt.empty(),
                    elapsed(submitted), Optional.empty()));
            return;
        }
        try {
            finish(execute());
        } catch (IOException e) {
            // a full disk, a folder made read-only: say what, where, and what to check
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : rootMessage(e);
            finish(JobResult.ended(job.number(), JobStatus.FAILED, "cannot write the job's files in " + job.directory()
                    + ": " + reason + "; check the free space and permissions of the output directory",
                    OptionalInt.empty(), elapsed(submitted), Optional.of(job.directory())));
        } catch (RuntimeException e) {
            finish(JobResult.ended(job.number(), JobStatus.FAILED, "the process launcher failed: " + e,
                    OptionalInt.empty(), elapsed(submitted), Optional.of(job.directory())));
        } finally {
            slots.release();
        }
    }

    private JobResult execute() throws IOException {
        List<String> command = ProgramCommand.arguments(program, job);
        Optional<PythonScript> python = workerScript(command);
        // only the program's own relative paths see its working directory: the job's files are named absolutely
        Path workingDirectory = program.workingDirectory().orElse(job.directory());
        ProcessBuilder builder = new ProcessBuilder(DurableCommand.wrap(command, files.exitCode()))
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                // files, not pipes: the program's output outlives this JVM if the driver is killed
                .redirectOutput(files.stdout().toFile())
                .redirectError(files.stderr().toFile());
        builder.environment().putAll(ProgramCommand.environment(program, job));
        WithheldVariables.removeFrom(builder.environment());
        long start = System.nanoTime();
        Optional<String> missing = dev.osprey.launchers.internal.Commands.missingWorkingDirectory(program);
        if (missing.isPresent()) {
            // it was there when the job was submitted, and went while the job waited for a slot
            return JobResult.ended(job.number(), JobStatus.FAILED, "cannot start the program: " + missing.get(),
                    OptionalInt.empty(), elapsed(start), Optional.of(job.directory()));
        }
        Optional<String> cannotRun = dev.osprey.launchers.internal.Commands.whyNotRunnable(command.get(0), builder.environment().get("PATH"),
                workingDirectory);
        if (cannotRun.isPresent()) {
            return JobResult.ended(job.number(), JobStatus.FAILED, "cannot run program '" + command.get(0) + "': "
                    + cannotRun.get() + "; check that it is installed and on PATH, or give its full path",
                    OptionalInt.empty(), elapsed(start), Optional.of(job.directory()));
        }
        synchronized (this) {
            Stop early = stop.get();
            if (early != null) {
                return stoppedBeforeStart(early);
            }
            // files from an earlier run in this directory must not be taken for this run's (and a
            // job stopped before it started has ended: it writes nothing)
            Files.deleteIfExists(files.objective());
            Files.deleteIfExists(files.result());
            Files.deleteIfExists(files.failure());
            Files.createDirectories(files.exitCode().getParent());
            Files.deleteIfExists(files.exitCode());
            try {
                running = python.isPresent()
                        ? inWorker(python.get(), builder.environment(), workingDirectory)
                        : new Subprocess(builder.start());
            } catch (IOException e) {
                return JobResult.ended(job.number(), JobStatus.FAILED, "cannot run program '" + command.get(0) + "': "
                        + rootMessage(e) + "; check that it is installed and on PATH, or give its full path",
                        OptionalInt.empty(), elapsed(start), Optional.of(job.directory()));
            }
            pid = running.pid();
        }
        if (running instanceof Subprocess) {
            // who runs the job, for a driver that takes it over after this one died
            LocalProcess.of(pid).ifPresent(wrapper -> DurableCommand.record(wrapper, files.process()));
        }
        boolean reusable = false;
        try {
            ScheduledFuture<?> timeout = job.timeout().map(limit -> timers.schedule(
                    () -> stopWith(JobStatus.TIMED_OUT, "timed out after " + limit.toMillis() / 1000.0 + " s"),
                    limit.toNanos(), TimeUnit.NANOSECONDS)).orElse(null);
            int exitCode = job.pruning() == Pruning.NEVER ? waitFor() : waitForWithReports();
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (running instanceof WorkerRun) {
                // what the wrapper of a process of its own writes
                Files.writeString(files.exitCode(), exitCode + "\n", java.nio.charset.StandardCharsets.US_ASCII);
            }
            Stop stopped = stop.get();
            JobResult outcome = stopped != null
                    ? JobResult.ended(job.number(), stopped.status(), stopped.why(), OptionalInt.of(exitCode), elapsed(start),
                            Optional.of(job.directory()))
                    : ProgramOutcome.decide(job.number(), exitCode, files, elapsed(start));
            ResultJson.write(outcome, files.result());
            Files.deleteIfExists(files.process());
            reusable = stopped == null;
            return outcome;
        } finally {
            boolean again;
            synchronized (this) {
                // a stop that comes now finds the job over: it cannot signal a worker that serves the next job
                over = true;
                again = reusable && stop.get() == null;
            }
            running.release(!again);
        }
    }

    /**
     * Starts the job in one of the launcher's Python workers: the job's output files are made
     * empty first (as a process's redirection would), then the worker gets the script, its
     * arguments, the working directory and the job's whole environment.
     */
    private RunningProgram inWorker(PythonScript python, Map<String, String> environment, Path workingDirectory)
            throws IOException {
        Files.write(files.stdout(), new byte[0]);
        Files.write(files.stderr(), new byte[0]);
        Map<String, String> startEnvironment = new HashMap<>(System.getenv());
        startEnvironment.putAll(program.environment());
        WithheldVariables.removeFrom(startEnvironment);
        PythonWorker worker = workers.take(new WorkerSpec(python.interpreter(), startEnvironment), workingDirectory);
        String request = PythonWorker.request(job.directory(), workingDirectory, python.argv(), environment);
        return WorkerRun.start(worker, workers, request, files.stderr());
    }

    /** The job's program as a Python script a worker can run, when workers are on and it is one. */
    private Optional<PythonScript> workerScript(List<String> command) {
        if (workers == null) {
            return Optional.empty();
        }
        Optional<PythonScript> python = PythonScript.of(command);
        if (python.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "python_workers: job " + job.number() + " runs as a process of"
                    + " its own, since its command " + command.subList(0, Math.min(2, command.size()))
                    + "... is not 'python [flags] script.py'");
        }
        return python;
    }

    private static final System.Logger LOG = System.getLogger(ProcessJob.class.getName());

    /**
     * Waits for the program's end while following its {@code stdout.log}, passing intermediate
     * values on as they are written, and stopping the job when its pruner says so.
     */
    private int waitForWithReports() {
        ReportTail tail = new ReportTail(files.stdout());
        while (true) {
            boolean ended = waitFor(REPORT_POLL);
            for (ObjectiveLines.Report r : tail.read(ended)) {
                if (stop.get() == null && job.pruning().report(r.step(), r.value())) {
                    stopWith(JobStatus.PRUNED, "pruned at step " + r.step() + " (value " + r.value() + ")");
                }
            }
            if (ended) {
                return running.exitCode();
            }
        }
    }

    /** How often a running job's output is read for intermediate values. */
    private static final Duration REPORT_POLL = Duration.ofMillis(50);

    private boolean waitFor(Duration limit) {
        try {
            return running.waitFor(limit);
        } catch (InterruptedException e) {
            // the launcher closing interrupts no one; keep waiting so the result stays honest
            Thread.interrupted();
            return false;
        }
    }

    private int waitFor() {
        while (true) {
            try {
                if (running.waitFor(Duration.ofDays(1))) {
                    return running.exitCode();
                }
            } catch (InterruptedException e) {
                // the launcher closing interrupts no one; keep waiting so the result stays honest
                Thread.interrupted();
            }
        }
    }

    private synchronized void stopWith(JobStatus status, String why) {
        if (result.isDone() || over || !stop.compareAndSet(null, new Stop(status, why))) {
            return;
        }
        if (running != null) {
            kill();
        } else {
            // still queued for a slot: the job ends now, and will not start
            finish(stoppedBeforeStart(stop.get()));
        }
    }

    private JobResult stoppedBeforeStart(Stop early) {
        return JobResult.ended(job.number(), early.status(), early.why() + " before it started", OptionalInt.empty(),
                Duration.ZERO, Optional.empty());
    }

    /** SIGTERM to the process and its descendants, SIGKILL to what is left after the grace period. */
    private void kill() {
        RunningProgram p = running;
        p.terminate();
        Runnable forceKill = p::forceKill;
        pendingKills.add(forceKill);
        killing.add(this);
        // not on the launcher's timers: closing the launcher runs the SIGKILL at once instead (see killNow)
        java.util.concurrent.CompletableFuture.delayedExecutor(killGrace.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            if (pendingKills.remove(forceKill)) {
                forceKill.run();
            }
            if (pendingKills.isEmpty()) {
                killing.remove(this);
            }
        });
    }

    /** SIGKILL now to what a stop signalled and its grace period has not yet ended (the launcher is closing). */
    void killNow() {
        for (Runnable kill : pendingKills) {
            if (pendingKills.remove(kill)) {
                kill.run();
            }
        }
        killing.remove(this);
    }

    private final java.util.Set<Runnable> pendingKills = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<ProcessJob> killing;

    private void finish(JobResult outcome) {
        result.complete(outcome);
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
