package dev.osprey.launchers.process;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Task;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

/**
 * Runs each job's program as a local subprocess, at most {@code slots} at a time, in its job
 * directory (or the program's own working directory), with stdout and stderr in files in the job
 * directory. The program runs under a small wrapper that records its exit code
 * ({@link DurableCommand}), so that a job outlives a driver that is killed, and the next driver can
 * {@link #reattach} it.
 *
 * <p>With {@code python_workers} on, a job whose command is {@code python [flags] script.py ...}
 * runs instead in one of the launcher's {@link PythonWorkers}, an interpreter kept for the next
 * jobs; its result is decided by the same rules, from the same files. Such a job ends with its
 * driver and cannot be reattached.
 */
final class ProcessLauncher implements Launcher {

    private final Semaphore slots;
    private final int capacity;
    private final Duration killGrace;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers;
    private final Set<ProcessJob> live = ConcurrentHashMap.newKeySet();
    /** Jobs of a dead driver this launcher follows. */
    private final Set<JobHandle> adopted = ConcurrentHashMap.newKeySet();
    /** Jobs whose SIGKILL is still due, so that closing can send it at once (a job ends before its grace period does). */
    private final Set<ProcessJob> killing = ConcurrentHashMap.newKeySet();

    /** The reusable Python workers, when {@code python_workers} is on; null when off. */
    private final PythonWorkers pythonWorkers;

    ProcessLauncher(int slots, Duration killGrace, boolean pythonWorkers) {
        this.capacity = slots;
        if (slots < 1) {
            throw new LauncherException("process launcher: slots must be at least 1, got " + slots);
        }
        this.slots = new Semaphore(slots, true);
        this.killGrace = killGrace;
        this.pythonWorkers = pythonWorkers ? new PythonWorkers(slots) : null;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "osprey-process-timers");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public java.util.OptionalInt slots() {
        return java.util.OptionalInt.of(capacity);
    }

    /** Looks for the program on this machine, where its jobs run. */
    @Override
    public java.util.Optional<String> cannotRun(Task.Program program) {
        return dev.osprey.launchers.internal.Commands.cannotRunHere(program);
    }

    /** How many Python workers this launcher has started (0 with {@code python_workers} off). */
    int pythonWorkersStarted() {
        return pythonWorkers == null ? 0 : pythonWorkers.started();
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public JobHandle submit(Job job) {
        if (!(job.task() instanceof Task.Program program)) {
            throw new LauncherException("the process launcher runs programs, but job " + job.number()
                    + " is a Java objective; use the in-process launcher (osprey/launcher=in-process)");
        }
        if (!Files.isDirectory(job.directory()) || !Files.isWritable(job.directory())) {
            throw new LauncherException("job directory " + job.directory() + " is not a writable directory;"
                    + " check the output directory setting and its permissions");
        }
        dev.osprey.launchers.internal.JobWrapper.requireWorkingDirectory(job, program);
        // absolute, so that {config}, {result} and the variables name the job's files from any working directory
        Job absolute = dev.osprey.launchers.internal.JobWrapper.absolute(job);
        ProcessJob handle = new ProcessJob(absolute, program, slots, killGrace, timers, killing, pythonWorkers);
        live.add(handle);
        handle.result().whenComplete((r, e) -> live.remove(handle));
        workers.submit(handle::run);
        return handle;
    }

    /** Follows a job whose driver died, from the files its wrapper keeps (see {@link DurableCommand}). */
    @Override
    public java.util.Optional<JobHandle> reattach(int number, java.nio.file.Path directory) {
        java.util.Optional<JobHandle> handle = AdoptedJob.of(number, directory, timers, killGrace);
        handle.ifPresent(h -> {
            adopted.add(h);
            h.result().whenComplete((r, e) -> adopted.remove(h));
        });
        return handle;
    }

    @Override
    public void close() {
        live.forEach(ProcessJob::cancel);
        adopted.forEach(JobHandle::cancel);
        for (ProcessJob job : live) {
            job.result().join();
        }
        for (JobHandle job : adopted) {
            job.result().join();
        }
        killing.forEach(ProcessJob::killNow);
        if (pythonWorkers != null) {
            pythonWorkers.close();
        }
        workers.shutdown();
        timers.shutdownNow();
    }
}
