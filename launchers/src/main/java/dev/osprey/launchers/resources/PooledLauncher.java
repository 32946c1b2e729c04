package dev.osprey.launchers.resources;

import dev.osprey.launchers.Resources;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local launcher with device pools: a job that needs GPUs or CPUs waits for them here, without
 * taking one of the launcher's slots, and is handed to the launcher with its devices in its
 * environment once it has them; they are given back when the job has ended, however it ended.
 */
final class PooledLauncher implements Launcher {

    private final Launcher inner;
    private final Optional<DevicePool> gpus;
    private final int gpusPerJob;
    private final DevicePool cpus;
    private final boolean pinCpus;
    private final Set<LeasedJob> waiting = ConcurrentHashMap.newKeySet();
    /** The preset of the launcher's own settings, for jobs that carry none. */
    private final Resources preset;

    PooledLauncher(Launcher inner, Resources preset, Optional<DevicePool> gpus, int gpusPerJob, DevicePool cpus,
                   boolean pinCpus) {
        this.inner = inner;
        this.preset = preset;
        this.gpus = gpus;
        this.gpusPerJob = gpusPerJob;
        this.cpus = cpus;
        this.pinCpus = pinCpus;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public OptionalInt slots() {
        return inner.slots();
    }

    @Override
    public Optional<String> cannotRun(Task.Program program) {
        return inner.cannotRun(program);
    }

    @Override
    public Optional<JobHandle> reattach(int number, Path directory) {
        return inner.reattach(number, directory);
    }

    /** Memory, time, partition and Slurm's options mean nothing here; GPUs need a pool, and a kind cannot be chosen. */
    @Override
    public List<String> cannotHonour(Resources resources) {
        List<String> out = new ArrayList<>();
        resources.memory().ifPresent(m -> out.add("mem=" + m + " (no memory limit on this launcher)"));
        resources.time().ifPresent(t -> out.add("time=" + t + " (use osprey.job.timeout_s for a time limit)"));
        resources.partition().ifPresent(p -> out.add("partition=" + p + " (a Slurm setting)"));
        if (!resources.slurmArguments().isEmpty()) {
            out.add("slurm_extra_args=" + resources.slurmArguments() + " (Slurm settings)");
        }
        resources.gpuKind().ifPresent(k -> out.add("gpu_kind=" + k + " (GPUs are taken from the pool, whatever their kind)"));
        int asked = resources.gpus().orElse(gpusPerJob);
        if (asked > 0 && gpus.isEmpty()) {
            out.add("gpus=" + asked + " (no GPU pool: set osprey.launcher.gpus, e.g. [0,1])");
        } else if (asked > 0 && asked > gpus.get().devices().size()) {
            out.add("gpus=" + asked + " (the pool has " + gpus.get().devices().size() + ": " + gpus.get().devices()
                    + "; such jobs fail)");
        }
        int cpuCount = resources.cpus().orElse(0);
        if (cpuCount > cpus.devices().size()) {
            out.add("cpus=" + cpuCount + " (the CPU pool has " + cpus.devices().size() + "; such jobs fail)");
        }
        return out;
    }

    @Override
    public JobHandle submit(Job job) {
        if (!(job.task() instanceof Task.Program)) {
            return inner.submit(job); // the launcher says what it runs
        }
        Resources resources = job.settings().has(Resources.SETTING) ? Resources.ofSettings(job.settings()) : preset;
        int gpuCount = gpus.isPresent() ? resources.gpus().orElse(gpusPerJob) : 0;
        int cpuCount = resources.cpus().orElse(0);
        if (gpuCount > 0 && gpuCount > gpus.get().devices().size()) {
            return refused(job, "job " + job.number() + " asks for " + gpuCount + " GPU(s), but the pool has "
                    + gpus.get().devices().size() + " " + gpus.get().devices() + " (osprey.launcher.gpus);"
                    + " ask for fewer or give the pool more devices");
        }
        if (cpuCount > cpus.devices().size()) {
            return refused(job, "job " + job.number() + " asks for " + cpuCount + " CPU(s), but the CPU pool has "
                    + cpus.devices().size() + " (osprey.launcher.cpu_pool); ask for fewer");
        }
        if (gpuCount == 0 && cpuCount == 0) {
            return inner.submit(job);
        }
        LeasedJob leased = new LeasedJob(job, inner, gpuCount > 0 ? gpus.get() : null, gpuCount, cpus, cpuCount,
                pinCpus);
        waiting.add(leased);
        leased.result().whenComplete((r, e) -> waiting.remove(leased));
        leased.start();
        return leased;
    }

    private static JobHandle refused(Job job, String why) {
        return JobHandle.ended(JobResult.ended(job.number(), JobStatus.FAILED, why, OptionalInt.empty(), Duration.ZERO,
                Optional.of(job.directory())));
    }

    @Override
    public void close() {
        waiting.forEach(LeasedJob::cancel);
        waiting.forEach(j -> j.result().join());
        inner.close();
    }
}
