package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hydra suite's Markdown: the target verdicts, each system's sweeps summarised, the per-seed
 * figures behind them, and the fixed cost of one Hydra process for reference. Everything is computed
 * from the rows, so a test can check the verdicts on hand-made ones.
 */
final class HydraReport {

    /** Osprey's overhead per trial may be at most this share of Hydra's. */
    static final double OVERHEAD_SHARE = 0.5;

    private HydraReport() {
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder("### Targets\n\n");
        out.append("Overhead per trial = (P × wall − Σ the app's own task seconds) / trials, where wall is the sweep"
                + " command's time from start to exit and P the number of trials the system actually ran at once"
                + " (the largest overlap of the jobs: a trial that had a process of its own spans from the moment"
                + " the app's script began in it to the end of its task function, trials that shared a process"
                + " span their task function): the slot time a trial costs beyond the app's own, everything the system does included (its start,"
                + " the sampler, starting jobs, composing, the sweep's end). Steady-state gap = per slot (jobs handed"
                + " out in order of their start to the slot free the longest), the time from one task function's"
                + " end to the next one's start (median over a sweep's gaps), which"
                + " leaves out the system's start and the sweep's end. Both come from the same `task.json` files,"
                + " written by the app for both systems (task start and end, its own duration, value, process id,"
                + " the time its script began). Figures are medians over the sweeps (one per seed).\n\n");
        List<List<String>> targets = new ArrayList<>();
        targets.add(overhead(rows, "overhead_s_per_trial", "Osprey's overhead per trial is at most half of"
                + " Hydra + hydra-optuna-sweeper's"));
        targets.add(overhead(rows, "gap_median_s", "the same, judged on the steady-state gap"));
        targets.add(best(rows));
        out.append(Markdown.table(List.of("target", "osprey", "hydra", "osprey / hydra", "verdict"), targets));
        out.append("\n### Sweeps\n\n");
        out.append("median [q25, q75] over the sweeps. \"at once\" is P above; Hydra's Optuna sweeper asks for"
                + " batches of n_jobs = 2 trials, and its basic launcher runs each batch's jobs one after another"
                + " in its own process, so P = 1 there. Osprey runs each trial in Hydra's RUN mode in the job's folder,"
                + " inside a reusable Python worker per slot (the process launcher's python_workers, on by default"
                + " for a Hydra app's sweep), 2 at a time, the next one starting as soon as one ends. CPU s/trial ="
                + " the user and system seconds of the sweep command's whole process tree (GNU time; the JVM and"
                + " every Python process for Osprey) / trials; the app's task itself sleeps and uses next to none."
                + " On a 2-core machine shared with other work, CPU time per trial bounds how much running 2 at a"
                + " time can save.\n\n");
        out.append(sweeps(rows));
        out.append("\n### Per seed\n\n");
        out.append(perSeed(rows));
        out.append("\n### One Hydra process, for reference\n\n");
        out.append("`python branin.py hydra.run.dir=...`: one RUN-mode run of the app, the way each of Osprey's"
                + " trials would start it without python workers (and without Osprey's result callback): the whole"
                + " process's seconds, and what is left after the task function's own time (starting Python,"
                + " importing Hydra, composing, writing `.hydra/`). A launcher that starts a process per trial pays"
                + " this per trial; Hydra's basic launcher and Osprey's python workers pay it once per process.\n\n");
        out.append(single(rows));
        return out.toString();
    }

    private static List<String> overhead(List<Map<String, Object>> rows, String metric, String target) {
        Optional<Double> osprey = median(rows, "osprey", metric);
        Optional<Double> hydra = median(rows, "hydra", metric);
        if (osprey.isEmpty() || hydra.isEmpty()) {
            return List.of(target, seconds(osprey), seconds(hydra), "-", "not evaluated");
        }
        double ratio = osprey.get() / hydra.get();
        return List.of(target, seconds(osprey), seconds(hydra), Markdown.fixed(ratio, 2),
                ratio <= OVERHEAD_SHARE && hydra.get() > 0 ? "met" : "**missed**");
    }

    private static List<String> best(List<Map<String, Object>> rows) {
        Optional<Double> osprey = median(rows, "osprey", "best_value");
        Optional<Double> hydra = median(rows, "hydra", "best_value");
        String target = "the best value after " + trials(rows) + " trials is no worse (median over seeds)";
        if (osprey.isEmpty() || hydra.isEmpty()) {
            return List.of(target, value(osprey), value(hydra), "-", "not evaluated");
        }
        return List.of(target, value(osprey) + " (lower than Hydra's on " + lowerOn(rows) + " seeds)", value(hydra),
                Markdown.fixed(osprey.get() / hydra.get(), 3), osprey.get() <= hydra.get() ? "met" : "**missed**");
    }

    /** On how many of the seeds both systems ran Osprey's best value was the lower one: "k of n". */
    static String lowerOn(List<Map<String, Object>> rows) {
        List<Long> seeds = rows.stream().filter(r -> Row.is(r, "metric", "sweep"))
                .map(r -> (long) Row.num(r, "seed")).distinct().toList();
        int both = 0;
        int lower = 0;
        for (long seed : seeds) {
            Optional<Map<String, Object>> hydra = sweep(rows, "hydra", seed);
            Optional<Map<String, Object>> osprey = sweep(rows, "osprey", seed);
            if (hydra.isPresent() && osprey.isPresent()) {
                both++;
                if (Row.num(osprey.get(), "best_value") < Row.num(hydra.get(), "best_value")) {
                    lower++;
                }
            }
        }
        return lower + " of " + both;
    }

    private static String sweeps(List<Map<String, Object>> rows) {
        List<List<String>> body = new ArrayList<>();
        for (String system : List.of("hydra", "osprey")) {
            Optional<Map<String, Object>> wall = summary(rows, system, "wall_s");
            if (wall.isEmpty()) {
                continue;
            }
            List<String> line = new ArrayList<>(List.of(system, Row.str(wall.get(), "runs"),
                    Row.str(wall.get(), "trials"), Row.str(wall.get(), "parallelism")));
            for (String metric : List.of("wall_s", "overhead_s_per_trial", "gap_median_s", "first_task_s",
                    "cpu_s_per_trial", "best_value")) {
                line.add(summary(rows, system, metric).map(Markdown::quartiles).orElse("-"));
            }
            body.add(line);
        }
        Optional<Double> ospreyWall = median(rows, "osprey", "wall_s");
        Optional<Double> hydraWall = median(rows, "hydra", "wall_s");
        String table = Markdown.table(List.of("system", "sweeps", "trials", "at once", "wall s", "overhead s/trial",
                "steady-state gap s", "first task after s", "CPU s/trial", "best value"), body);
        if (ospreyWall.isPresent() && hydraWall.isPresent()) {
            table += "\nWall time, Osprey / Hydra: " + Markdown.fixed(ospreyWall.get() / hydraWall.get(), 2)
                    + " (medians).\n";
        }
        Optional<Double> ospreyCpu = median(rows, "osprey", "cpu_s_per_trial");
        Optional<Double> hydraCpu = median(rows, "hydra", "cpu_s_per_trial");
        if (ospreyCpu.isPresent() && hydraCpu.isPresent()) {
            table += "\nCPU per trial, Osprey / Hydra: " + Markdown.fixed(ospreyCpu.get() / hydraCpu.get(), 2)
                    + " (medians; Osprey's includes its driver JVM, whose start is spread over the trials).\n";
        }
        return table;
    }

    private static String perSeed(List<Map<String, Object>> rows) {
        List<List<String>> body = new ArrayList<>();
        List<Long> seeds = rows.stream().filter(r -> Row.is(r, "metric", "sweep"))
                .map(r -> (long) Row.num(r, "seed")).distinct().sorted().toList();
        for (long seed : seeds) {
            Optional<Map<String, Object>> hydra = sweep(rows, "hydra", seed);
            Optional<Map<String, Object>> osprey = sweep(rows, "osprey", seed);
            List<String> line = new ArrayList<>(List.of(Long.toString(seed)));
            for (String key : List.of("best_value", "wall_s", "overhead_s_per_trial", "gap_median_s")) {
                for (Optional<Map<String, Object>> r : List.of(hydra, osprey)) {
                    double x = r.map(m -> Row.num(m, key)).orElse(Double.NaN);
                    line.add(key.equals("best_value") ? Markdown.num(x) : Markdown.fixed(x, key.equals("wall_s") ? 2 : 3));
                }
            }
            body.add(line);
        }
        return Markdown.table(List.of("seed", "hydra best", "osprey best", "hydra wall s", "osprey wall s",
                "hydra overhead s/trial", "osprey overhead s/trial", "hydra gap s", "osprey gap s"), body);
    }

    private static String single(List<Map<String, Object>> rows) {
        List<List<String>> body = new ArrayList<>();
        summary(rows, "hydra", "single_run_s").ifPresent(r -> body.add(List.of("whole process", Markdown.quartiles(r),
                Row.str(r, "runs"))));
        summary(rows, "hydra", "single_run_beyond_task_s").ifPresent(r -> body.add(List.of("beyond the task function",
                Markdown.quartiles(r), Row.str(r, "runs"))));
        summary(rows, "hydra", "single_run_cpu_s").ifPresent(r -> body.add(List.of("CPU (user + system)",
                Markdown.quartiles(r), Row.str(r, "runs"))));
        return Markdown.table(List.of("one RUN-mode run", "seconds, median [q25, q75]", "runs"), body);
    }

    private static String trials(List<Map<String, Object>> rows) {
        return rows.stream().filter(r -> Row.is(r, "metric", "sweep")).map(r -> Long.toString((long) Row.num(r, "trials")))
                .distinct().reduce((a, b) -> a + "/" + b).orElse("N");
    }

    private static Optional<Map<String, Object>> summary(List<Map<String, Object>> rows, String system, String metric) {
        return rows.stream().filter(r -> Row.is(r, "system", system) && Row.is(r, "metric", metric)).findFirst();
    }

    private static Optional<Double> median(List<Map<String, Object>> rows, String system, String metric) {
        return summary(rows, system, metric).map(r -> Row.num(r, "median"));
    }

    private static Optional<Map<String, Object>> sweep(List<Map<String, Object>> rows, String system, long seed) {
        return rows.stream().filter(r -> Row.is(r, "system", system) && Row.is(r, "metric", "sweep")
                && Row.is(r, "seed", seed)).findFirst();
    }

    private static String seconds(Optional<Double> x) {
        return x.map(v -> Markdown.fixed(v, 3) + " s").orElse("not measured");
    }

    private static String value(Optional<Double> x) {
        return x.map(Markdown::num).orElse("not measured");
    }
}
