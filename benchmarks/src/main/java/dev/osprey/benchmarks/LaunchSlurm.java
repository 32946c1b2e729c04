package dev.osprey.benchmarks;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slurm launcher's latency per job, submit to final state, one job at a time, against Slurm's own:
 * {@code sbatch --parsable --wrap 'echo 1'}, then {@code scontrol show job -o ID} every short poll
 * interval until the job has ended. The launcher runs with that same short poll interval and with its
 * default (2 s, gentle on a shared controller). Runs of the three alternate. The cluster is the one
 * {@code SLURM_CONF} names, else the test cluster of {@code scripts/slurm-single-node.sh}, which is
 * started if it is not running and then stopped again afterwards.
 */
final class LaunchSlurm {

    static final int DEFAULT_POLL_MS = 1000;
    static final long SETTLE_LIMIT_MS = 10_000;
    /** How often the watcher of a launcher job asks Slurm whether the job has ended. */
    static final int WATCH_MS = 20;
    private static final Path START = Path.of("scripts", "slurm-single-node.sh");
    private static final Path TEARDOWN = Path.of("scripts", "slurm-teardown.sh");
    private static final Pattern STATE = Pattern.compile("\\bJobState=(\\S+)");
    private static final Pattern CONF = Pattern.compile("SLURM_CONF='([^']+)'");
    private static final Pattern ENV_FILE = Pattern.compile("env in (\\S+)/env\\.sh");
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
            "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED");

    /** A cluster to measure on, and whether this run started it (and so stops it). */
    private record Cluster(Path conf, String status, Optional<Path> startedDirectory) {
    }

    private LaunchSlurm() {
    }

    static List<Map<String, Object>> run(LaunchSuite.Plan plan, LaunchJobs jobs, Map<String, String> peers,
                                         List<String> notes, Consumer<String> progress) {
        if (!Installed.onPath("sbatch")) {
            progress.accept("Slurm's sbatch is not on PATH: no Slurm rows");
            notes.add("**Slurm is not installed** (no `sbatch` on PATH): the Slurm rows are missing and its target is"
                    + " not evaluated. `apt-get install slurmctld slurmd slurm-client munge`, then"
                    + " `scripts/slurm-single-node.sh`, give a test cluster.");
            return List.of();
        }
        Cluster cluster;
        try {
            cluster = cluster(progress);
        } catch (RuntimeException e) {
            progress.accept("no Slurm cluster: " + e.getMessage());
            notes.add("**No Slurm cluster was available**: SLURM_CONF is not set and " + START + " could not start"
                    + " one (" + lastLine(e.getMessage()) + "). The Slurm rows are missing.");
            return List.of();
        }
        try {
            return measure(plan, jobs, cluster, peers, notes, progress);
        } finally {
            cluster.startedDirectory().ifPresent(dir -> {
                progress.accept("stopping the Slurm test cluster started for this run");
                try {
                    LaunchJobs.run(List.of("bash", TEARDOWN.toString()), Map.of("SLURM_TEST_DIR", dir.toString()),
                            null);
                } catch (RuntimeException e) {
                    progress.accept("could not stop the Slurm test cluster: " + e.getMessage());
                }
            });
        }
    }

    private static Cluster cluster(Consumer<String> progress) {
        String given = System.getenv("SLURM_CONF");
        if (given != null && Files.isRegularFile(Path.of(given))) {
            return new Cluster(Path.of(given), "the cluster SLURM_CONF names", Optional.empty());
        }
        if (!Files.isRegularFile(START)) {
            throw new IllegalStateException(START + " is missing");
        }
        String said = LaunchJobs.run(List.of("bash", START.toString()), Map.of(), null);
        Matcher envFile = ENV_FILE.matcher(said);
        if (!envFile.find()) {
            throw new IllegalStateException("it did not say where its env.sh is: " + said.strip());
        }
        Path dir = Path.of(envFile.group(1));
        Matcher conf;
        try {
            conf = CONF.matcher(Files.readString(dir.resolve("env.sh")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read its env.sh: " + e.getMessage(), e);
        }
        if (!conf.find()) {
            throw new IllegalStateException("its env.sh names no SLURM_CONF");
        }
        boolean running = said.contains("already running");
        progress.accept("Slurm: " + lastLine(said));
        return new Cluster(Path.of(conf.group(1)), running ? "the test cluster of " + START + ", already running"
                : "the test cluster of " + START + ", started for this run and stopped after it",
                running ? Optional.empty() : Optional.of(dir));
    }

    private static List<Map<String, Object>> measure(LaunchSuite.Plan plan, LaunchJobs jobs, Cluster cluster,
                                                     Map<String, String> peers, List<String> notes,
                                                     Consumer<String> progress) {
        Map<String, String> env = Map.of("SLURM_CONF", cluster.conf().toString());
        Path scratch = jobs.scratch("sbatch");
        peers.put("slurm", LaunchJobs.run(List.of("sbatch", "--version"), env, null).strip());
        long othersQueued = LaunchJobs.run(List.of("squeue", "-h"), env, null).lines().count();
        Task echo = new Task.Program(LaunchJobs.ECHO, Map.of());
        int n = plan.slurmJobs();
        double[][] plain = new double[2][n];
        double[][] shortPoll = new double[2][n];
        double[][] byDefault = new double[2][n];
        String conf = cluster.conf().toString();
        try (Launcher quick = Launchers.create("slurm", Config.of(Map.of("slurm_conf", conf,
                "poll_interval_ms", plan.shortPollMs())));
             Launcher defaults = Launchers.create("slurm", Config.of(Map.of("slurm_conf", conf)))) {
            // the first job after a cluster's start waits for a scheduling pass: not counted
            plainJob(env, scratch, plan.shortPollMs());
            LaunchJobs.sequential(quick, jobs.jobs(1, echo));
            List<Job> first = jobs.jobs(n, echo);
            List<Job> second = jobs.jobs(n, echo);
            for (int i = 0; i < n; i++) {
                settle(env);
                pair(quick, first.get(i), env, scratch, plan.shortPollMs(), i % 2 == 0, plain[0], shortPoll, i);
                settle(env);
                pair(defaults, second.get(i), env, scratch, plan.shortPollMs(), i % 2 == 1, plain[1], byDefault, i);
            }
        }
        double[] allPlain = DoubleStream.concat(Arrays.stream(plain[0]),
                Arrays.stream(plain[1])).toArray();
        progress.accept("slurm: sbatch + scontrol " + Markdown.fixed(Stats.median(allPlain), 0) + " ms/job, launcher"
                + " (poll " + plan.shortPollMs() + " ms) " + Markdown.fixed(Stats.median(shortPoll[0]), 0)
                + " ms/job, launcher (poll " + DEFAULT_POLL_MS + " ms) " + Markdown.fixed(Stats.median(byDefault[0]), 0)
                + " ms/job");
        notes.add("Slurm: " + cluster.status() + " (" + peers.get("slurm") + ", one node, CPUs as on this machine);"
                + " jobs of other users in its queue when the part started: " + othersQueued + ".");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(rows("sbatch", "sbatch --wrap, then scontrol show job every " + plan.shortPollMs() + " ms",
                plan.shortPollMs(), new double[][] {allPlain}, null));
        rows.addAll(rows("osprey", "launcher, poll_interval_ms=" + plan.shortPollMs(), plan.shortPollMs(), shortPoll,
                plain[0]));
        rows.addAll(rows("osprey", "launcher, default settings", DEFAULT_POLL_MS, byDefault, plain[1]));
        settle(env);
        rows.addAll(LaunchSlurmArray.run(plan.slurmBatchJobs(), plan.slurmBatchRounds(), conf, DEFAULT_POLL_MS, jobs,
                progress));
        return rows;
    }

    /**
     * A plain job and a launcher job submitted together (which one first alternates), so that both meet the
     * same scheduling pass: slurmctld starts jobs on a one-second tick, which would otherwise add up to a
     * second of noise to any difference. The node has room for both at once.
     */
    private static void pair(Launcher launcher, Job job, Map<String, String> env, Path scratch, int pollMs,
                             boolean plainFirst, double[] plainInto, double[][] into, int i) {
        try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
            Callable<Void> plainTask = () -> {
                plainInto[i] = plainJob(env, scratch, pollMs);
                return null;
            };
            Callable<Void> launcherTask = () -> {
                launcherJob(launcher, job, env, into, i);
                return null;
            };
            List<Future<Void>> done = plainFirst
                    ? List.of(both.submit(plainTask), both.submit(launcherTask))
                    : List.of(both.submit(launcherTask), both.submit(plainTask));
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running Slurm jobs", e);
        }
    }

    /**
     * One launcher job, submit to result, into {@code into[0][i]}; a watcher polling {@code scontrol} every
     * {@link #WATCH_MS} ms notes when Slurm says the job has ended, and {@code into[1][i]} gets the time from
     * then to the launcher's result: what the launcher adds, free of the scheduler tick's noise.
     */
    private static void launcherJob(Launcher launcher, Job job, Map<String, String> env, double[][] into, int i) {
        long t0 = System.nanoTime();
        JobHandle handle = launcher.submit(job);
        AtomicLong endedAt = new AtomicLong(-1);
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (!handle.result().isDone()) {
                Matcher state = STATE.matcher(LaunchJobs.run(List.of("scontrol", "show", "job", "-o", handle.id()),
                        env, null));
                if (state.find() && ENDED.contains(state.group(1))) {
                    endedAt.set(System.nanoTime());
                    return;
                }
                pause(WATCH_MS);
            }
        });
        JobResult result = handle.await();
        long done = System.nanoTime();
        try {
            watcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (!result.isCompleted()) {
            throw new IllegalStateException("slurm launcher job " + job.number() + " ended " + result.status() + ": "
                    + result.error());
        }
        into[0][i] = (done - t0) / 1e6;
        into[1][i] = endedAt.get() < 0 ? Double.NaN : (done - endedAt.get()) / 1e6;
    }

    /**
     * Waits until Slurm's queue is empty (a job just ended may still be completing on the node, which would
     * delay the next job's start to the next scheduling pass), for at most {@link #SETTLE_LIMIT_MS}.
     */
    private static void settle(Map<String, String> env) {
        long deadline = System.nanoTime() + SETTLE_LIMIT_MS * 1_000_000L;
        while (!LaunchJobs.run(List.of("squeue", "-h"), env, null).isBlank() && System.nanoTime() < deadline) {
            pause(50);
        }
    }

    private static void pause(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Slurm", e);
        }
    }

    /** One plain batch job, submit to the final state seen by polling; milliseconds. */
    private static double plainJob(Map<String, String> env, Path dir, int pollMs) {
        long t0 = System.nanoTime();
        String id = LaunchJobs.run(List.of("sbatch", "--parsable", "--job-name=osprey-bench-plain",
                "--chdir=" + dir, "--output=" + dir + "/slurm-%j.out", "--wrap", "echo 1"), env, dir).strip();
        id = id.contains(";") ? id.substring(0, id.indexOf(';')) : id;
        while (true) {
            Matcher state = STATE.matcher(LaunchJobs.run(List.of("scontrol", "show", "job", "-o", id), env, null));
            if (state.find() && ENDED.contains(state.group(1))) {
                double ms = (System.nanoTime() - t0) / 1e6;
                if (!state.group(1).equals("COMPLETED")) {
                    throw new IllegalStateException("the plain Slurm job " + id + " ended " + state.group(1));
                }
                return ms;
            }
            pause(pollMs);
        }
    }

    /**
     * Rows of one variant: {@code ms[0]} submit to final state; for the launcher also {@code ms[1]}, the time
     * after Slurm's end, and the difference to the plain jobs it was paired with ({@code pairedPlain}).
     */
    private static List<Map<String, Object>> rows(String system, String method, int pollMs, double[][] ms,
                                                  double[] pairedPlain) {
        Map<String, Object> keys = Row.of("system", system, "launcher", "slurm", "method", method,
                "poll_interval_ms", pollMs, "program", LaunchSuite.ECHO_LABEL);
        Map<String, Object> latency = new LinkedHashMap<>(keys);
        latency.put("metric", "ms_per_job");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Row.withQuartiles(latency, ms[0], "jobs"));
        if (pairedPlain != null) {
            double[] differences = new double[ms[0].length];
            for (int i = 0; i < differences.length; i++) {
                differences[i] = ms[0][i] - pairedPlain[i];
            }
            Map<String, Object> extra = new LinkedHashMap<>(keys);
            extra.put("metric", "ms_beyond_sbatch");
            extra.put("sbatch_ms", Stats.median(pairedPlain));
            extra.put("difference_of_medians", Stats.median(ms[0]) - Stats.median(pairedPlain));
            rows.add(Row.withQuartiles(extra, differences, "pairs"));
            double[] after = Arrays.stream(ms[1]).filter(x -> !Double.isNaN(x)).toArray();
            if (after.length > 0) {
                Map<String, Object> tail = new LinkedHashMap<>(keys);
                tail.put("metric", "ms_after_slurm_end");
                tail.put("watch_ms", WATCH_MS);
                rows.add(Row.withQuartiles(tail, after, "jobs"));
            }
        }
        return rows;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
