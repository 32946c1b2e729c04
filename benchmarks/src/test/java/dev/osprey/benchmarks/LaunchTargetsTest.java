package dev.osprey.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launch suite's target verdicts, computed from hand-made rows. */
class LaunchTargetsTest {

    private static Map<String, Object> rate(String system, int sleepMs, double jobsPerS) {
        return Row.of("system", system, "launcher", system.equals("osprey") ? "process" : "xargs -P2",
                "sleep_ms", sleepMs, "slots", 2, "metric", "jobs_per_s", "median", jobsPerS, "wall_s", 200 / jobsPerS,
                "jobs", 200, "runs", 3);
    }

    @Test
    void eachTargetIsJudgedFromItsRows() {
        List<Map<String, Object>> rows = List.of(
                Row.of("system", "direct", "launcher", "ProcessBuilder", "metric", "ms_per_job", "median", 2.0),
                Row.of("system", "osprey", "launcher", "process", "metric", "ms_per_job", "median", 3.2),
                Row.of("system", "osprey", "launcher", "process", "metric", "overhead_ms_per_job", "median", 1.2,
                        "paired_median", 1.1),
                rate("xargs", 50, 37), rate("osprey", 50, 35), rate("xargs", 0, 700), rate("osprey", 0, 500),
                Row.of("system", "osprey", "launcher", "tsp", "method", "launcher, default settings",
                        "metric", "overhead_ms_per_job", "median", 150.0, "program_ms", 2.0),
                Row.of("system", "osprey", "launcher", "tsp", "method", "launcher, poll_interval_ms=50",
                        "metric", "overhead_ms_per_job", "median", 25.0, "program_ms", 2.0),
                Row.of("system", "osprey", "launcher", "slurm", "method", "launcher, poll_interval_ms=50",
                        "metric", "ms_beyond_sbatch", "median", 20.0, "sbatch_ms", 900.0,
                        "difference_of_medians", 40.0, "pairs", 25),
                Row.of("system", "osprey", "launcher", "slurm", "method", "launcher, default settings",
                        "metric", "ms_beyond_sbatch", "median", 950.0, "sbatch_ms", 900.0,
                        "difference_of_medians", 900.0, "pairs", 25));
        String md = LaunchTargets.render(rows);
        assertTrue(md.contains("| 1.20 ms (3.20 ms per job, 2.00 ms run directly; median of paired differences 1.10"
                + " ms) | met |"), md);
        assertTrue(md.contains("35.0 jobs/s (200 jobs in 5.71 s), 94.6% of xargs | met |"), md);
        assertTrue(md.contains("500.0 jobs/s (200 jobs in 0.40 s), 71.4% of xargs | **missed** |"), md);
        assertTrue(md.contains("(default settings) | 150.0 ms (152.0 ms per job, program alone 2.00 ms) | **missed**"),
                md);
        assertTrue(md.contains("(poll_interval_ms=50) | 25.0 ms (27.0 ms per job, program alone 2.00 ms) | met"), md);
        assertTrue(md.contains("+20 ms per job beyond plain sbatch (median of 25 pairs; allowed 100;"), md);
        assertTrue(md.contains("+950 ms per job beyond plain sbatch (median of 25 pairs; allowed 100; difference of"
                + " the medians +900); its result came - ms after Slurm's end | **missed**"), md);
    }

    @Test
    void queuesThatWereNotThereAreNotEvaluated() {
        String md = LaunchTargets.render(List.of());
        assertTrue(md.contains("not measured in this run (no task-spooler) | not evaluated"), md);
        assertTrue(md.contains("not measured in this run (no Slurm cluster) | not evaluated"), md);
    }
}
