package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launch suite's targets, evaluated from the rows: the process launcher's overhead per job, its
 * throughput with 2 slots against {@code xargs -P2}, the tsp launcher's overhead per job, and the slurm
 * launcher's latency against {@code sbatch}'s own.
 */
final class LaunchTargets {

    static final double PROCESS_OVERHEAD_MS = 5;
    static final double THROUGHPUT_SHARE = 0.9;
    static final double TSP_OVERHEAD_MS = 30;
    /** "Close" to sbatch: at most this much slower, in milliseconds or as a share, whichever allows more. */
    static final double SLURM_CLOSE_MS = 100;
    static final double SLURM_CLOSE_SHARE = 0.10;

    private LaunchTargets() {
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder("### Targets\n\n");
        out.append("Overhead = the launcher's median time per job (submit to result, one job at a time) minus the"
                + " median run time of the same program started directly with ProcessBuilder in the same run."
                + " Throughput = jobs / wall time, median over the runs. Slurm is \"close\" to sbatch when a launcher"
                + " job's submit-to-result time is at most " + (long) SLURM_CLOSE_MS + " ms or "
                + (long) (SLURM_CLOSE_SHARE * 100) + "% (whichever is larger) above the submit-to-final-state time"
                + " of a plain `sbatch` job polled with `scontrol`, judged on the median of pairs of such jobs"
                + " submitted together (so that both wait for the same tick of slurmctld's one-second scheduling"
                + " loop). The queued launchers are judged with their default settings and, separately, with the"
                + " short poll interval the plain baselines use.\n\n");
        List<List<String>> body = new ArrayList<>();
        body.add(process(rows));
        for (int sleepMs : LaunchThroughput.SLEEPS_MS) {
            body.add(throughput(rows, sleepMs));
        }
        for (Map<String, Object> r : select(rows, "osprey", "tsp", "overhead_ms_per_job")) {
            body.add(tsp(rows, r));
        }
        if (select(rows, "osprey", "tsp", "overhead_ms_per_job").isEmpty()) {
            body.add(List.of(tspTarget("-"), "not measured in this run (no task-spooler)", "not evaluated", "-"));
        }
        for (Map<String, Object> r : select(rows, "osprey", "slurm", "ms_beyond_sbatch")) {
            body.add(slurm(rows, r));
        }
        if (select(rows, "osprey", "slurm", "ms_beyond_sbatch").isEmpty()) {
            body.add(List.of("the slurm launcher's latency per job is close to sbatch's own",
                    "not measured in this run (no Slurm cluster)", "not evaluated", "-"));
        }
        out.append(Markdown.table(List.of("target", "osprey", "verdict", "compared with"), body));
        return out.append('\n').toString();
    }

    private static List<String> process(List<Map<String, Object>> rows) {
        String target = "the process launcher's overhead is at most " + (long) PROCESS_OVERHEAD_MS + " ms per job"
                + " beyond the program's own run time";
        Optional<Map<String, Object>> overhead = select(rows, "osprey", "process", "overhead_ms_per_job").stream()
                .findFirst();
        String hydra = "Hydra's basic launcher: " + Markdown.fixed(LaunchSuite.HYDRA_MS_PER_JOB, 0) + " ms per extra"
                + " job (baseline file, not measured here)";
        if (overhead.isEmpty()) {
            return List.of(target, "not measured in this run", "not evaluated", hydra);
        }
        Map<String, Object> r = overhead.get();
        double ms = Row.num(r, "median");
        double launched = median(rows, "osprey", "process");
        double direct = median(rows, "direct", "ProcessBuilder");
        return List.of(target, Markdown.fixed(ms, 2) + " ms (" + Markdown.fixed(launched, 2) + " ms per job, "
                        + Markdown.fixed(direct, 2) + " ms run directly; median of paired differences "
                        + Markdown.fixed(Row.num(r, "paired_median"), 2) + " ms)",
                ms <= PROCESS_OVERHEAD_MS ? "met" : "**missed**", hydra);
    }

    private static List<String> throughput(List<Map<String, Object>> rows, int sleepMs) {
        String target = "the process launcher with " + LaunchThroughput.SLOTS + " slots is within "
                + Math.round((1 - THROUGHPUT_SHARE) * 100) + "% of `xargs -P" + LaunchThroughput.SLOTS + "` (jobs of `sh"
                + " -c '" + LaunchThroughput.program(sleepMs) + "'`)";
        Optional<Map<String, Object>> osprey = rate(rows, "osprey", sleepMs);
        Optional<Map<String, Object>> xargs = rate(rows, "xargs", sleepMs);
        if (osprey.isEmpty() || xargs.isEmpty()) {
            return List.of(target, "not measured in this run", "not evaluated", "-");
        }
        double share = Row.num(osprey.get(), "median") / Row.num(xargs.get(), "median");
        String direct = rate(rows, "direct", sleepMs).map(d -> "; " + LaunchThroughput.SLOTS + " Java threads with"
                + " ProcessBuilder, no launcher: " + rateCell(d) + ", " + Markdown.fixed(Row.num(d, "median")
                / Row.num(xargs.get(), "median") * 100, 1) + "% of xargs").orElse("");
        return List.of(target, rateCell(osprey.get()) + ", " + Markdown.fixed(share * 100, 1) + "% of xargs",
                share >= THROUGHPUT_SHARE ? "met" : "**missed**", "xargs: " + rateCell(xargs.get()) + direct);
    }

    private static String tspTarget(String settings) {
        return "the tsp launcher's overhead is at most " + (long) TSP_OVERHEAD_MS + " ms per job (" + settings + ")";
    }

    private static List<String> tsp(List<Map<String, Object>> rows, Map<String, Object> r) {
        double ms = Row.num(r, "median");
        String plain = rows.stream().filter(p -> Row.is(p, "system", "tsp") && Row.is(p, "metric", "overhead_ms_per_job"))
                .findFirst().map(p -> "plain `tsp` + `tsp -w`: " + Markdown.fixed(Row.num(p, "median"), 1)
                        + " ms overhead per job").orElse("-");
        return List.of(tspTarget(Row.str(r, "method").replace("launcher, ", "")), Markdown.fixed(ms, 1) + " ms ("
                        + Markdown.fixed(ms + Row.num(r, "program_ms"), 1) + " ms per job, program alone "
                        + Markdown.fixed(Row.num(r, "program_ms"), 2) + " ms)",
                ms <= TSP_OVERHEAD_MS ? "met" : "**missed**", plain);
    }

    private static List<String> slurm(List<Map<String, Object>> rows, Map<String, Object> r) {
        double sbatch = Row.num(r, "sbatch_ms");
        double beyond = Row.num(r, "median");
        double allowed = Math.max(SLURM_CLOSE_MS, SLURM_CLOSE_SHARE * sbatch);
        String target = "the slurm launcher's latency per job is close to sbatch's own ("
                + Row.str(r, "method").replace("launcher, ", "") + ")";
        return List.of(target, signed(beyond) + " ms per job beyond plain sbatch (median of "
                        + (long) Row.num(r, "pairs") + " pairs; allowed " + Markdown.fixed(allowed, 0)
                        + "; difference of the medians " + signed(Row.num(r, "difference_of_medians"))
                        + "); its result came " + afterSlurmEnd(rows, r) + " ms after Slurm's end",
                beyond <= allowed ? "met" : "**missed**", "sbatch + scontrol polling: " + Markdown.fixed(sbatch, 0)
                        + " ms per job (the jobs paired with these)");
    }

    /** The median ms from Slurm's end of a job to the launcher's result, for the variant of {@code r}. */
    static String afterSlurmEnd(List<Map<String, Object>> rows, Map<String, Object> r) {
        return select(rows, "osprey", "slurm", "ms_after_slurm_end").stream()
                .filter(t -> Row.is(t, "method", Row.str(r, "method"))).findFirst()
                .map(t -> Markdown.fixed(Row.num(t, "median"), 0)).orElse("-");
    }

    private static String signed(double ms) {
        return (ms >= 0 ? "+" : "") + Markdown.fixed(ms, 0);
    }

    private static String rateCell(Map<String, Object> r) {
        return Markdown.fixed(Row.num(r, "median"), 1) + " jobs/s (" + (long) Row.num(r, "jobs") + " jobs in "
                + Markdown.fixed(Row.num(r, "wall_s"), 2) + " s)";
    }

    static List<Map<String, Object>> select(List<Map<String, Object>> rows, String system, String launcher,
                                            String metric) {
        return rows.stream().filter(r -> Row.is(r, "system", system) && Row.is(r, "launcher", launcher)
                && Row.is(r, "metric", metric)).toList();
    }

    private static double median(List<Map<String, Object>> rows, String system, String launcher) {
        return select(rows, system, launcher, "ms_per_job").stream().mapToDouble(r -> Row.num(r, "median"))
                .findFirst().orElse(Double.NaN);
    }

    private static Optional<Map<String, Object>> rate(List<Map<String, Object>> rows, String system, int sleepMs) {
        return rows.stream().filter(r -> Row.is(r, "system", system) && Row.is(r, "metric", "jobs_per_s")
                && Row.is(r, "sleep_ms", sleepMs)).findFirst();
    }
}
