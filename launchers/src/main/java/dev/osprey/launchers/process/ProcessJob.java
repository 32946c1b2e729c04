package dev.osprey.launchers.process;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.ObjectiveLines;
import dev.osprey.launchers.internal.WithheldVariables;
import dev.osprey.launchers.protocol.ProgramCommand;
import dev.osprey.launchers.protocol.ProgramOutcome;
import dev.osprey.launchers.protocol.ResultJson;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** One subprocess job: waits for a slot, runs, reads stdout as it comes, decides the result. */
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
    private volatile Process process;
    private volatile long pid = -1;

    private record Stop(JobStatus status, String why) {
    }

    ProcessJob(Job job, Task.Program program, Semaphore slots, Duration killGrace, ScheduledExecutorService timers,
               java.util.Set<ProcessJob> killing) {
        this.killing = killing;
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
        return pid < 0 ? "local-" + job.number() : "pid " + pid;
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
        } catch (RuntimeException | IOException e) {
            finish(JobResult.ended(job.number(), JobStatus.FAILED, "the process launcher failed: " + e,
                    OptionalInt.empty(), elapsed(submitted), Optional.of(job.directory())));
        } finally {
            slots.release();
        }
    }

    private JobResult execute() throws IOException {
        List<String> command = ProgramCommand.arguments(program, job);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(job.directory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(files.stderr().toFile());
        builder.environment().putAll(ProgramCommand.environment(program, job));
        WithheldVariables.removeFrom(builder.environment());
        // a file from an earlier run in this directory must not be taken for this run's objective
        Files.deleteIfExists(files.objective());
        Files.deleteIfExists(files.result());
        long start = System.nanoTime();
        synchronized (this) {
            Stop early = stop.get();
            if (early != null) {
                return stoppedBeforeStart(early);
            }
            try {
                process = builder.start();
            } catch (IOException e) {
                return JobResult.ended(job.number(), JobStatus.FAILED, "cannot run program '" + command.get(0) + "': "
                        + rootMessage(e) + "; check that it is installed and on PATH, or give its full path",
                        OptionalInt.empty(), elapsed(start), Optional.of(job.directory()));
            }
            pid = process.pid();
        }
        ScheduledFuture<?> timeout = job.timeout().map(limit -> timers.schedule(
                () -> stopWith(JobStatus.TIMED_OUT, "timed out after " + limit.toMillis() / 1000.0 + " s"),
                limit.toNanos(), TimeUnit.NANOSECONDS)).orElse(null);
        CompletableFuture<Optional<List<Double>>> stdout = new CompletableFuture<>();
        Thread.ofVirtual().name("osprey-stdout-" + job.number()).start(() -> {
            try {
                stdout.complete(readStdout());
            } catch (IOException | RuntimeException e) {
                stdout.completeExceptionally(e);
            }
        });
        int exitCode = waitFor();
        if (timeout != null) {
            timeout.cancel(false);
        }
        Optional<List<Double>> lastNumbers = drain(stdout);
        Stop stopped = stop.get();
        JobResult outcome = stopped != null
                ? JobResult.ended(job.number(), stopped.status(), stopped.why(), OptionalInt.of(exitCode), elapsed(start),
                        Optional.of(job.directory()))
                : ProgramOutcome.decide(job.number(), exitCode, lastNumbers, files, elapsed(start));
        ResultJson.write(outcome, files.result());
        return outcome;
    }

    /**
     * The rest of stdout once the program has exited. A child the program left behind (orphaned
     * before it could be signalled) may hold the pipe open: then reading stops after a bounded
     * wait rather than holding the job's slot until that child ends.
     */
    private Optional<List<Double>> drain(CompletableFuture<Optional<List<Double>>> stdout) throws IOException {
        long waitMillis = stop.get() != null ? Math.max(1000, killGrace.toMillis()) : DRAIN_AFTER_EXIT_MS;
        try {
            return stdout.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.getInputStream().close();
            return lastNumbers;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lastNumbers;
        }
    }

    /** How long stdout may stay open after the program exited (held by a child it left running). */
    private static final long DRAIN_AFTER_EXIT_MS = 5000;

    /** The last line of numbers read so far, for a drain cut short. */
    private volatile Optional<List<Double>> lastNumbers = Optional.empty();

    /** Copies stdout to its file line by line, passing intermediate values on; returns the last line of numbers. */
    private Optional<List<Double>> readStdout() throws IOException {
        Optional<List<Double>> last = Optional.empty();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter log = Files.newBufferedWriter(files.stdout(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = nextLine(in)) != null) {
                log.write(line);
                log.newLine();
                Optional<ObjectiveLines.Report> report = ObjectiveLines.report(line);
                if (report.isPresent()) {
                    log.flush();
                    ObjectiveLines.Report r = report.get();
                    if (stop.get() == null && job.pruning().report(r.step(), r.value())) {
                        stopWith(JobStatus.PRUNED, "pruned at step " + r.step() + " (value " + r.value() + ")");
                    }
                    continue;
                }
                Optional<List<Double>> numbers = ObjectiveLines.numbers(line);
                if (numbers.isPresent()) {
                    last = numbers;
                    lastNumbers = numbers;
                }
            }
        }
        return last;
    }

    /** The next line, or null at the end; stopping the process closes its stream, which is an end too. */
    private String nextLine(BufferedReader in) throws IOException {
        try {
            return in.readLine();
        } catch (IOException e) {
            if (stop.get() != null) {
                return null;
            }
            throw e;
        }
    }

    private int waitFor() {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // the launcher closing interrupts no one; keep waiting so the result stays honest
                Thread.interrupted();
            }
        }
    }

    private synchronized void stopWith(JobStatus status, String why) {
        if (result.isDone() || !stop.compareAndSet(null, new Stop(status, why))) {
            return;
        }
        if (process != null) {
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
        Process p = process;
        List<ProcessHandle> family = p.descendants().toList();
        family.forEach(ProcessHandle::destroy);
        p.destroy();
        Runnable forceKill = () -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            family.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        };
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
