package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The launch suite's Markdown: targets, the cost of one job at a time per launcher, and throughput. */
final class LaunchReport {

    private LaunchReport() {
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(LaunchTargets.render(rows));
        out.append("### Per job, one job at a time\n\n");
        out.append("ms/job = median [q25, q75] from `submit` to the job's result (`await`), jobs run one after"
                + " another after an untimed warm-up; each job has its own directory, made before the clock starts."
                + " `direct` is the same program started with ProcessBuilder (stdout read, exit awaited),"
                + " alternating with the process launcher's jobs. The tsp rows alternate with each other: plain"
                + " task-spooler (`tsp sh -c 'echo 1'`, then `tsp -w ID`, on a queue of its own) and the tsp launcher"
                + " on its private queue with its default poll interval and with a short one. The Slurm rows:"
                + " plain `sbatch --parsable --wrap 'echo 1'` followed by `scontrol show job -o"
                + " ID` until the job has ended, and the slurm launcher, whose jobs also run Osprey's wrapper script"
                + " (which writes result.json where the job ran). overhead = ms/job minus the program's direct run"
                + " time (for Slurm: minus plain sbatch's ms/job; and \"after Slurm's end\": the median time from"
                + " the moment a watcher polling `scontrol show job` every " + LaunchSlurm.WATCH_MS + " ms saw the"
                + " launcher's job ended to the launcher's result, a figure free of the noise of slurmctld's"
                + " one-second scheduling tick). For Slurm, each launcher job is submitted together with a plain job (which"
                + " goes first alternates), after Slurm's queue has emptied, so that both wait for the same"
                + " scheduling pass. Hydra's rows are not measured here (see above).\n\n");
        out.append(perJob(rows)).append('\n');
        out.append("### Throughput: all jobs handed over at once, ").append(LaunchThroughput.SLOTS)
                .append(" at a time\n\n");
        out.append("jobs/s = jobs / wall time from the first submission to the last result; median [min, max] over the"
                + " runs, which alternate between the three ways. xargs runs `xargs -P"
                + LaunchThroughput.SLOTS + " -n 1 -a LIST sh -c SCRIPT` with its output in a pipe; `direct` starts"
                + " the same jobs from " + LaunchThroughput.SLOTS + " Java threads with ProcessBuilder (stdout read,"
                + " exit awaited) and no launcher, which shows what Java's own way of starting a process costs; the"
                + " launcher writes each job's stdout, stderr and result.json in the job's own directory.\n\n");
        out.append(throughput(rows));
        String batches = slurmBatches(rows);
        if (!batches.isEmpty()) {
            out.append("\n### Slurm: a batch as one job array against single submissions\n\n");
            out.append("Wall time from the first submission to the last result of a batch of trivial jobs (`sh -c"
                    + " 'echo 1'` under Osprey's wrapper), median [q25, q75] over the rounds, which alternate between"
                    + " the three ways: the launcher's batch submission (one `sbatch --array=0-(n-1)%K`, K the CPUs of"
                    + " the node), one `sbatch` per job all at once, and one `sbatch` per job with K in flight (a sweep"
                    + " without arrays). All three use the launcher's default poll interval.\n\n");
            out.append(batches);
        }
        return out.toString();
    }

    private static String slurmBatches(List<Map<String, Object>> rows) {
        List<List<String>> body = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if (!Row.is(r, "metric", LaunchSlurmArray.METRIC)) {
                continue;
            }
            body.add(List.of(Row.str(r, "method"), String.valueOf((long) Row.num(r, "jobs")),
                    Markdown.fixed(Row.num(r, "median") / 1000, 1) + " [" + Markdown.fixed(Row.num(r, "q25") / 1000, 1)
                            + ", " + Markdown.fixed(Row.num(r, "q75") / 1000, 1) + "]",
                    Markdown.fixed(Row.num(r, "median") / Row.num(r, "jobs"), 0),
                    String.valueOf((long) Row.num(r, "rounds"))));
        }
        return body.isEmpty() ? "" : Markdown.table(List.of("how", "jobs", "wall s to all results", "ms per job",
                "rounds"), body);
    }

    private static String perJob(List<Map<String, Object>> rows) {
        List<List<String>> body = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if (!Row.is(r, "metric", "ms_per_job")) {
                continue;
            }
            String system = Row.str(r, "system");
            String launcher = Row.str(r, "launcher");
            String cost = r.containsKey("q25") ? Markdown.fixed(Row.num(r, "median"), 2) + " [" + Markdown.fixed(
                    Row.num(r, "q25"), 2) + ", " + Markdown.fixed(Row.num(r, "q75"), 2) + "]"
                    : Markdown.fixed(Row.num(r, "median"), 0) + (system.equals("hydra") ? " (baseline)" : "");
            body.add(List.of(launcher, system, r.containsKey("method") ? Row.str(r, "method") : "-",
                    Row.str(r, "program"), cost, overhead(rows, r),
                    r.containsKey("jobs") ? String.valueOf((long) Row.num(r, "jobs")) : "-"));
        }
        return Markdown.table(List.of("launcher", "system", "how", "program", "ms/job", "overhead ms/job", "jobs"),
                body);
    }

    /** The overhead row that belongs to a latency row (same system, launcher and method), if any. */
    private static String overhead(List<Map<String, Object>> rows, Map<String, Object> latency) {
        if (Row.is(latency, "system", "hydra")) {
            return "≈ " + Markdown.fixed(Row.num(latency, "median"), 0) + " (per extra job)";
        }
        return rows.stream().filter(r -> (Row.is(r, "metric", "overhead_ms_per_job")
                        || Row.is(r, "metric", "ms_beyond_sbatch"))
                        && Row.is(r, "system", Row.str(latency, "system"))
                        && Row.is(r, "launcher", Row.str(latency, "launcher"))
                        && String.valueOf(r.get("method")).equals(String.valueOf(latency.get("method"))))
                .findFirst().map(r -> Markdown.fixed(Row.num(r, "median"), 2)
                        + (Row.is(r, "metric", "ms_beyond_sbatch") ? " beyond sbatch; "
                        + LaunchTargets.afterSlurmEnd(rows, r) + " after Slurm's end" : ""))
                .orElse(Row.is(latency, "launcher", "in-process") ? Markdown.fixed(Row.num(latency, "median"), 2)
                        + " (no-op)" : "-");
    }

    private static String throughput(List<Map<String, Object>> rows) {
        List<List<String>> body = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if (!Row.is(r, "metric", "jobs_per_s")) {
                continue;
            }
            body.add(List.of(Row.str(r, "program"), Row.str(r, "system"), Row.str(r, "launcher"),
                    Markdown.fixed(Row.num(r, "median"), 1) + " [" + Markdown.fixed(Row.num(r, "min"), 1) + ", "
                            + Markdown.fixed(Row.num(r, "max"), 1) + "]",
                    Markdown.fixed(Row.num(r, "wall_s"), 2), String.valueOf((long) Row.num(r, "jobs")),
                    String.valueOf((long) Row.num(r, "runs"))));
        }
        return Markdown.table(List.of("program", "system", "how", "jobs/s", "wall s", "jobs", "runs"), body);
    }
}
