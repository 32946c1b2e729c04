package dev.osprey.launchers.inprocess;

import dev.osprey.launchers.JobPrunedException;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobContext;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs Java objectives in this JVM on virtual threads, at most {@code slots} at once. A job that
 * times out or is cancelled ends at once with that status; its thread is interrupted and its
 * eventual return value ignored (Java cannot kill a thread, so objectives that run long should
 * check {@link JobContext#stopRequested()}).
 */
final class InProcessLauncher implements Launcher {

    private final Semaphore slots;
    private final int capacity;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "osprey-in-process-timers");
        t.setDaemon(true);
        return t;
    });
    private final Set<InProcessJob> live = ConcurrentHashMap.newKeySet();

    InProcessLauncher(int slots) {
        this.capacity = slots;
        if (slots < 1) {
            throw new LauncherException("in-process launcher: slots must be at least 1, got " + slots);
        }
        this.slots = new Semaphore(slots, true);
    }

    @Override
    public java.util.OptionalInt slots() {
        return java.util.OptionalInt.of(capacity);
    }

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public JobHandle submit(Job job) {
        if (!(job.task() instanceof Task.JavaTask task)) {
            throw new LauncherException("the in-process launcher runs Java objectives, but job " + job.number()
                    + " is a program; use the process launcher (osprey/launcher=process)");
        }
        InProcessJob handle = new InProcessJob(job, task.function());
        live.add(handle);
        handle.result.whenComplete((r, e) -> live.remove(handle));
        handle.future = workers.submit(handle::run);
        job.timeout().ifPresent(limit -> timers.schedule(
                () -> handle.stop(JobStatus.TIMED_OUT, "timed out after " + limit.toMillis() / 1000.0 + " s"),
                limit.toNanos(), TimeUnit.NANOSECONDS));
        return handle;
    }

    @Override
    public void close() {
        live.forEach(InProcessJob::cancel);
        workers.shutdown();
        timers.shutdownNow();
    }

    private final class InProcessJob implements JobHandle, JobContext {
        private final Job job;
        private final Task.JobFunction function;
        private final CompletableFuture<JobResult> result = new CompletableFuture<>();
        private final long submitted = System.nanoTime();
        private volatile boolean stopRequested;
        private volatile Future<?> future;
        private final java.util.Map<String, Double> constraints = new java.util.LinkedHashMap<>();

        InProcessJob(Job job, Task.JobFunction function) {
            this.job = job;
            this.function = function;
        }

        void run() {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (result.isDone()) {
                    return;
                }
                double[] values = function.run(this);
                List<Double> boxed = Arrays.stream(values == null ? new double[0] : values).boxed().toList();
                String problem = boxed.isEmpty() ? "the objective returned no value"
                        : dev.osprey.launchers.protocol.ObjectiveLines.problem(boxed);
                java.util.Map<String, Double> reported;
                synchronized (constraints) {
                    reported = new java.util.LinkedHashMap<>(constraints);
                }
                for (var c : reported.entrySet()) {
                    if (problem == null && !Double.isFinite(c.getValue())) {
                        problem = "the constraint '" + c.getKey() + "' is " + c.getValue();
                    }
                }
                result.complete(problem == null
                        ? JobResult.completed(job.number(), boxed, OptionalInt.empty(), elapsed(), logs())
                                .withConstraints(reported)
                        : ended(JobStatus.FAILED, problem));
            } catch (JobPrunedException e) {
                result.complete(ended(JobStatus.PRUNED, e.getMessage() == null ? "pruned" : e.getMessage()));
            } catch (InterruptedException e) {
                result.complete(ended(JobStatus.CANCELLED, "interrupted"));
            } catch (Exception | Error e) {
                result.complete(ended(JobStatus.FAILED, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            } finally {
                slots.release();
            }
        }

        @Override
        public void constraint(String name, double value) {
            java.util.Objects.requireNonNull(name, "name");
            synchronized (constraints) {
                constraints.put(name, value);
            }
        }

        void stop(JobStatus status, String why) {
            stopRequested = true;
            if (result.complete(ended(status, why)) && future != null) {
                future.cancel(true);
            }
        }

        private JobResult ended(JobStatus status, String why) {
            return JobResult.ended(job.number(), status, why, OptionalInt.empty(), elapsed(), logs());
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - submitted);
        }

        @Override
        public Job job() {
            return job;
        }

        @Override
        public boolean report(int step, double value) {
            return job.pruning().report(step, value);
        }

        @Override
        public boolean stopRequested() {
            return stopRequested;
        }

        @Override
        public int number() {
            return job.number();
        }

        @Override
        public String id() {
            return "in-process-" + job.number();
        }

        @Override
        public Optional<Path> logs() {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<JobResult> result() {
            return result;
        }

        @Override
        public void cancel() {
            stop(JobStatus.CANCELLED, "cancelled");
        }
    }
}
