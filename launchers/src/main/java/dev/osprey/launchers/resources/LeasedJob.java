package dev.osprey.launchers.resources;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * One job that first takes its devices, then runs on the launcher with them, and gives them back
 * when it has ended: completed, failed, pruned, timed out or cancelled, also while it waited.
 */
final class LeasedJob implements JobHandle {

    private final Job job;
    private final Launcher launcher;
    private final DevicePool gpus;
    private final int gpuCount;
    private final DevicePool cpus;
    private final int cpuCount;
    private final boolean pin;
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private final long created = System.nanoTime();
    /** Guarded by this: the running job once handed over, whether it was cancelled, the waiting thread. */
    private JobHandle running;
    private boolean cancelled;
    private Thread waiter;

    LeasedJob(Job job, Launcher launcher, DevicePool gpus, int gpuCount, DevicePool cpus, int cpuCount, boolean pin) {
        this.job = job;
        this.launcher = launcher;
        this.gpus = gpus;
        this.gpuCount = gpuCount;
        this.cpus = cpus;
        this.cpuCount = cpuCount;
        this.pin = pin;
    }

    void start() {
        Thread.ofVirtual().name("osprey-devices-" + job.number()).start(this::run);
    }

    private void run() {
        synchronized (this) {
            if (cancelled) {
                result.complete(ended(JobStatus.CANCELLED, "cancelled while waiting for devices"));
                return;
            }
            waiter = Thread.currentThread();
        }
        List<Runnable> releases = new ArrayList<>();
        try {
            Map<String, String> env = new LinkedHashMap<>();
            if (gpuCount > 0) {
                DevicePool.Lease lease = gpus.acquire(gpuCount);
                releases.add(() -> gpus.release(lease));
                env.put("CUDA_VISIBLE_DEVICES", lease.joined());
                env.put("OSPREY_GPUS", lease.joined());
            }
            String cpuList = "";
            if (cpuCount > 0) {
                DevicePool.Lease lease = cpus.acquire(cpuCount);
                releases.add(() -> cpus.release(lease));
                cpuList = lease.joined();
                env.put("OSPREY_CPUS", cpuList);
            }
            JobHandle handle;
            synchronized (this) {
                waiter = null;
                Thread.interrupted(); // a cancel that came after the devices were taken is seen below
                if (cancelled) {
                    throw new InterruptedException();
                }
                handle = launcher.submit(withDevices(env, cpuList));
                running = handle;
            }
            handle.result().whenComplete((r, e) -> {
                releases.forEach(Runnable::run);
                result.complete(r != null ? r : ended(JobStatus.FAILED, "the " + launcher.name() + " launcher failed: " + e));
            });
        } catch (InterruptedException e) {
            releases.forEach(Runnable::run);
            result.complete(ended(JobStatus.CANCELLED, "cancelled while waiting for devices"));
        } catch (LauncherException | IllegalArgumentException e) {
            releases.forEach(Runnable::run);
            result.complete(ended(JobStatus.FAILED, e.getMessage()));
        }
    }

    /** The job with its devices in its environment, and under {@code taskset} when its CPUs are pinned. */
    private Job withDevices(Map<String, String> devices, String cpuList) {
        Task.Program program = (Task.Program) job.task();
        Map<String, String> env = new LinkedHashMap<>(program.environment());
        env.putAll(devices);
        List<String> command = new ArrayList<>();
        if (pin && !cpuList.isEmpty()) {
            command.addAll(List.of("taskset", "-c", cpuList));
        }
        command.addAll(program.command());
        Task.Program placed = new Task.Program(command, env, program.workingDirectory());
        return new Job(job.number(), placed, job.config(), job.overrides(), job.directory(), job.settings(),
                job.timeout(), job.pruning());
    }

    private JobResult ended(JobStatus status, String why) {
        return JobResult.ended(job.number(), status, why, OptionalInt.empty(),
                Duration.ofNanos(System.nanoTime() - created), Optional.of(job.directory()));
    }

    @Override
    public int number() {
        return job.number();
    }

    @Override
    public synchronized String id() {
        return running != null ? running.id() : "waiting for devices";
    }

    @Override
    public synchronized Optional<Path> logs() {
        return running != null ? running.logs() : Optional.empty();
    }

    @Override
    public CompletableFuture<JobResult> result() {
        return result;
    }

    @Override
    public void cancel() {
        JobHandle handle;
        synchronized (this) {
            cancelled = true;
            handle = running;
            if (handle == null && waiter != null) {
                waiter.interrupt();
            }
        }
        if (handle != null) {
            handle.cancel();
        }
    }
}
