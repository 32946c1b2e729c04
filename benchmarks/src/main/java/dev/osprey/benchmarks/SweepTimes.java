package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One sweep's timings, computed the same way for every system from the app's own task records and
 * the sweep command's wall time, so that no figure depends on what a system chooses to log.
 *
 * <ul>
 *   <li><b>job</b>: a trial's span as the app sees it. A task that had its process to itself (Osprey's
 *   launchers start one per trial) spans from the moment the app's script began in that process to the
 *   task function's end: the process's start is part of the job. Tasks that share a process (Hydra's
 *   basic launcher runs every job of a sweep in its own process, one after another) span their task
 *   function only.</li>
 *   <li><b>parallelism</b>: how many jobs actually ran at the same time, at most (the largest overlap
 *   of their spans). It is measured rather than taken from the settings because a system may not run
 *   what it is asked to: Hydra's basic launcher runs the Optuna sweeper's batches of {@code n_jobs}
 *   one job after another.</li>
 *   <li><b>overhead per trial</b>: {@code (parallelism × wall − Σ task seconds) / trials}, the slot time
 *   each trial costs beyond the app's own work. Everything the system does is in it: its own start,
 *   the sampler, starting and ending jobs, composing configs, the end of the sweep.</li>
 *   <li><b>gaps</b>: per slot, the time from the end of one task function to the start of the next one,
 *   the steady-state cost of a trial, without the system's start and the sweep's end. Jobs go to slots
 *   in order of their start, each to the slot that has been free the longest, as a queue of
 *   {@code parallelism} workers hands them out.</li>
 * </ul>
 *
 * @param wallSeconds the sweep command's wall time, from its start to its exit
 * @param startToFirstTask seconds from the command's start to the first task function's start
 * @param trials      how many task records there were
 * @param parallelism the largest number of jobs running at once
 * @param taskSeconds the mean of the task functions' own durations
 * @param overheadPerTrial slot seconds per trial beyond the task's own, as defined above
 * @param gaps        every gap between consecutive tasks of a slot, seconds, in order of the jobs' starts
 * @param best        the smallest value a task returned
 */
record SweepTimes(double wallSeconds, double startToFirstTask, int trials, int parallelism, double taskSeconds,
                  double overheadPerTrial, double[] gaps, double best) {

    /** A job's span and the task function in it. */
    record Job(double start, TaskRecord task) {
    }

    /**
     * The timings of a sweep that started at {@code commandStart} (epoch seconds, the clock of the
     * records) and took {@code wallSeconds}.
     */
    static SweepTimes of(List<TaskRecord> records, double commandStart, double wallSeconds) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a sweep without task records has no timings");
        }
        List<Job> jobs = jobs(records);
        int parallelism = parallelism(jobs);
        double work = records.stream().mapToDouble(TaskRecord::seconds).sum();
        double best = records.stream().mapToDouble(TaskRecord::value).min().orElseThrow();
        double firstTask = records.stream().mapToDouble(TaskRecord::start).min().orElseThrow();
        return new SweepTimes(wallSeconds, firstTask - commandStart, records.size(), parallelism,
                work / records.size(), (parallelism * wallSeconds - work) / records.size(), gaps(jobs, parallelism),
                best);
    }

    /** The jobs of the records, in order of their start: a process's start belongs to its only task. */
    static List<Job> jobs(List<TaskRecord> records) {
        Map<Long, Long> perProcess = records.stream()
                .collect(Collectors.groupingBy(TaskRecord::pid, Collectors.counting()));
        return records.stream()
                .map(t -> new Job(perProcess.get(t.pid()) == 1 ? t.loaded() : t.start(), t))
                .sorted(Comparator.comparingDouble(Job::start).thenComparingDouble(j -> j.task().start()))
                .toList();
    }

    /** The largest number of jobs open at once; a job that ends when another starts does not overlap it. */
    static int parallelism(List<Job> jobs) {
        double[] starts = jobs.stream().mapToDouble(Job::start).sorted().toArray();
        double[] ends = jobs.stream().mapToDouble(j -> j.task().end()).sorted().toArray();
        int open = 0;
        int most = 0;
        int e = 0;
        for (double start : starts) {
            while (e < ends.length && ends[e] <= start) {
                e++;
                open--;
            }
            open++;
            most = Math.max(most, open);
        }
        return most;
    }

    /** The gaps of {@code jobs} (sorted by start) handed out to {@code slots} slots, longest-free first. */
    static double[] gaps(List<Job> jobs, int slots) {
        double[] freeSince = new double[slots];
        Arrays.fill(freeSince, Double.NEGATIVE_INFINITY);
        List<Double> gaps = new ArrayList<>();
        for (Job job : jobs) {
            int slot = -1;
            for (int s = 0; s < slots; s++) {
                if (freeSince[s] <= job.start() && (slot < 0 || freeSince[s] < freeSince[slot])) {
                    slot = s;
                }
            }
            if (slot < 0) {
                throw new IllegalStateException("more jobs overlap than " + slots + " slots hold");
            }
            if (freeSince[slot] != Double.NEGATIVE_INFINITY) {
                gaps.add(job.task().start() - freeSince[slot]);
            }
            freeSince[slot] = job.task().end();
        }
        return gaps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The median gap, or NaN when no slot ran two tasks. */
    double medianGap() {
        return gaps.length == 0 ? Double.NaN : Stats.median(gaps);
    }
}
