package dev.osprey.launchers.docs;

import dev.osprey.launchers.*;
import dev.osprey.launchers.protocol.*;
import java.io.IOException;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;

/** Runs the jobs' programs one at a time on a background thread: a starting point for a launcher. */
public final class SerialLauncher implements Launcher {
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Set<Handle> live = ConcurrentHashMap.newKeySet();
    @Override public String name() { return "serial"; }
    @Override public JobHandle submit(Job job) {
        if (!(job.task() instanceof Task.Program program)) throw new LauncherException("serial runs programs only");
        Handle handle = new Handle(job, new JobFiles(job.directory()));
        live.add(handle);
        thread.execute(() -> { handle.result.complete(handle.run(program)); live.remove(handle); });
        return handle;
    }
    @Override public void close() { live.forEach(Handle::cancel); thread.shutdown(); }

    private static final class Handle implements JobHandle {
        final Job job; final JobFiles files; final CompletableFuture<JobResult> result = new CompletableFuture<>();
        Process process; JobResult stopped; // how Osprey stopped the job: cancelled or timed out
        Handle(Job job, JobFiles files) { this.job = job; this.files = files; }
        JobResult run(Task.Program program) {
            Path cwd = program.workingDirectory().orElse(job.directory()); // the job directory unless told otherwise
            var pb = new ProcessBuilder(ProgramCommand.arguments(program, job)).directory(cwd.toFile())
                    .redirectOutput(files.stdout().toFile()).redirectError(files.stderr().toFile());
            pb.environment().putAll(ProgramCommand.environment(program, job)); long start = System.nanoTime();
            try {
                for (Path old : List.of(files.objective(), files.failure())) Files.deleteIfExists(old); // left by an earlier run
                synchronized (this) { if (stopped == null) process = pb.start(); else return stopped; }
                long limit = job.timeout().map(Duration::toMillis).orElse(Long.MAX_VALUE);
                if (!process.waitFor(limit, TimeUnit.MILLISECONDS)) stop(JobStatus.TIMED_OUT, "timed out after " + limit + " ms");
                int exit = process.waitFor();
                synchronized (this) { if (stopped != null) return stopped; }
                Optional<List<Double>> last = Files.readAllLines(files.stdout()).stream().map(ObjectiveLines::numbers)
                        .flatMap(Optional::stream).reduce((earlier, later) -> later); // the last line of numbers
                return ProgramOutcome.decide(job.number(), exit, last, files, Duration.ofNanos(System.nanoTime() - start));
            } catch (IOException | InterruptedException e) {
                return JobResult.ended(job.number(), JobStatus.FAILED, "cannot run it: " + e.getMessage(),
                        OptionalInt.empty(), Duration.ZERO, logs());
            }
        }
        synchronized void stop(JobStatus status, String why) {
            if (stopped == null) stopped = JobResult.ended(number(), status, why, OptionalInt.empty(), Duration.ZERO, logs());
            if (process != null) { process.descendants().forEach(ProcessHandle::destroy); process.destroy(); } // SIGTERM
        }
        @Override public int number() { return job.number(); }
        @Override public String id() { return "serial-" + job.number(); }
        @Override public Optional<Path> logs() { return Optional.of(files.stdout()); }
        @Override public CompletableFuture<JobResult> result() { return result; }
        @Override public void cancel() { stop(JobStatus.CANCELLED, "cancelled"); }
    }
}
