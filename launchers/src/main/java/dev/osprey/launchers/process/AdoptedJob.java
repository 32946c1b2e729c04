package dev.osprey.launchers.process;

import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.LocalProcess;
import dev.osprey.launchers.protocol.ProgramOutcome;
import dev.osprey.launchers.protocol.ResultJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A job an earlier driver started with the process launcher and lost when it died: its wrapper may
 * still run (it is not this JVM's child, so it is watched, not waited for) or have ended, and its
 * result is decided from the files it left: the exit code its wrapper wrote, its output and its
 * objective file, by the same rules as a job watched from its start. Intermediate values are not
 * followed: an adopted job runs to its end.
 */
final class AdoptedJob implements JobHandle {

    /** How often the wrapper is looked at. */
    private static final Duration WATCH = Duration.ofMillis(200);

    private final int number;
    private final JobFiles files;
    private final LocalProcess wrapper;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private volatile ScheduledFuture<?> watch;
    private final ScheduledExecutorService timers;
    private final Duration killGrace;
    private volatile boolean cancelled;

    private AdoptedJob(int number, JobFiles files, LocalProcess wrapper, ScheduledExecutorService timers,
                       Duration killGrace) {
        this.number = number;
        this.files = files;
        this.wrapper = wrapper;
        this.timers = timers;
        this.killGrace = killGrace;
    }

    private AdoptedJob watched() {
        look();
        if (!result.isDone()) {
            watch = timers.scheduleWithFixedDelay(this::look, WATCH.toMillis(), WATCH.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /**
     * A handle on the job in {@code directory}, or empty when nothing there says how to follow it:
     * no result, no exit code, and no wrapper on this machine.
     */
    static Optional<JobHandle> of(int number, Path directory, ScheduledExecutorService timers, Duration killGrace) {
        JobFiles files = new JobFiles(directory);
        if (Files.exists(files.result())) {
            try {
                return Optional.of(JobHandle.ended(ResultJson.read(files.result(), number)));
            } catch (IOException e) {
                return Optional.empty(); // a torn or foreign file: the caller fails the trial, saying so
            }
        }
        Optional<LocalProcess> wrapper = LocalProcess.read(files.process());
        if (wrapper.isEmpty()) {
            return files.recordedExitCode().map(code -> JobHandle.ended(
                    recorded(decided(number, code, files, Duration.ZERO), files)));
        }
        if (!wrapper.get().isOnThisHost()) {
            return Optional.empty();
        }
        return Optional.of(new AdoptedJob(number, files, wrapper.get(), timers, killGrace).watched());
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String id() {
        return "pid " + wrapper.pid() + " (adopted)";
    }

    @Override
    public Optional<Path> logs() {
        return Optional.of(files.stdout());
    }

    @Override
    public CompletableFuture<JobResult> result() {
        return result;
    }

    /**
     * SIGTERM to the wrapper and what it runs, SIGKILL to what is left after the grace period; the
     * job ends as cancelled once they are gone.
     */
    @Override
    public void cancel() {
        if (result.isDone()) {
            return;
        }
        cancelled = true;
        ProcessHandle.of(wrapper.pid()).filter(h -> wrapper.isRunning()).ifPresent(h -> {
            java.util.List<ProcessHandle> family = h.descendants().toList();
            family.forEach(ProcessHandle::destroy);
            h.destroy();
            timers.schedule(() -> {
                family.forEach(ProcessHandle::destroyForcibly);
                if (wrapper.isRunning()) {
                    h.destroyForcibly();
                }
            }, killGrace.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private synchronized void look() {
        if (result.isDone()) {
            if (watch != null) {
                watch.cancel(false);
            }
            return;
        }
        if (wrapper.isRunning()) {
            return;
        }
        Duration ran = ranFor();
        JobResult outcome = cancelled
                ? JobResult.ended(number, JobStatus.CANCELLED, "cancelled", OptionalInt.empty(), ran,
                        Optional.of(files.directory()))
                : files.recordedExitCode().map(code -> decided(number, code, files, ran))
                        .orElseGet(() -> JobResult.ended(number, JobStatus.FAILED, "the job's wrapper (pid "
                                + wrapper.pid() + ") ended without recording the program's exit code: it was"
                                + " killed, or its disk is full", OptionalInt.empty(), ran,
                                Optional.of(files.directory())));
        result.complete(recorded(outcome, files));
        if (watch != null) {
            watch.cancel(false);
        }
    }

    /** From the wrapper's record (written as it started) to now. */
    private Duration ranFor() {
        try {
            return Duration.between(Files.getLastModifiedTime(files.process()).toInstant(), Instant.now());
        } catch (IOException e) {
            return Duration.ZERO;
        }
    }

    /** Writes the result where later readers ({@code osprey collect}) look, and forgets the wrapper. */
    private static JobResult recorded(JobResult outcome, JobFiles files) {
        try {
            ResultJson.write(outcome, files.result());
            Files.deleteIfExists(files.process());
        } catch (IOException e) {
            // the result is told to the study all the same
        }
        return outcome;
    }

    private static JobResult decided(int number, int exitCode, JobFiles files, Duration ran) {
        return ProgramOutcome.decide(number, exitCode, files, ran);
    }
}
