package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The workload suite's tables and targets, from its per-study rows (Osprey's and Optuna's). */
final class WorkloadReport {

    /** Osprey's default reaches a best value no worse than Optuna's default TPE's, median over seeds, at every checkpoint. */
    static final String QUALITY_TARGET = "default no worse than Optuna's TPE on scikit-learn at every budget";
    /** Osprey's time outside the objective, per trial, against the objective's own time. */
    static final double OVERHEAD_TARGET = 0.01;

    private WorkloadReport() {
    }

    static String render(List<Map<String, Object>> rows, int[] at) {
        StringBuilder out = new StringBuilder();
        out.append(targets(rows, at)).append('\n');
        for (String objective : List.of(WorkloadSuite.SCIKIT_LEARN, WorkloadSuite.SMILE)) {
            if (keys(rows, objective).isEmpty()) {
                continue;
            }
            out.append("### ").append(objective.equals(WorkloadSuite.SMILE)
                    ? "Smile gradient tree boosting (Java, in the JVM)" : "scikit-learn (Python)").append("\n\n");
            List<String> header = new ArrayList<>(List.of("system", "sampler"));
            for (int n : at) {
                header.add("best log-loss after " + n);
            }
            header.addAll(List.of("wall per study (s)", "objective per trial (ms)", "overhead per trial (ms)",
                    "overhead / objective"));
            List<List<String>> table = new ArrayList<>();
            for (String[] key : keys(rows, objective)) {
                List<Map<String, Object>> studies = studies(rows, objective, key[0], key[1]);
                List<String> line = new ArrayList<>(List.of(key[0], key[1]));
                for (int n : at) {
                    line.add(cell(best(studies, n)));
                }
                line.add(cell(each(studies, r -> Row.num(r, "wall_s"))));
                line.add(cell(each(studies, r -> 1000 * Row.num(r, "objective_s") / Row.num(r, "trials"))));
                line.add(cell(each(studies, r -> 1000 * overheadSeconds(r) / Row.num(r, "trials"))));
                line.add(percent(Stats.median(each(studies, WorkloadReport::overheadRatio))));
                table.add(line);
            }
            out.append(Markdown.table(header, table)).append('\n');
        }
        return out.toString();
    }

    private static String targets(List<Map<String, Object>> rows, int[] at) {
        List<List<String>> table = new ArrayList<>();
        List<Map<String, Object>> osprey = studies(rows, WorkloadSuite.SCIKIT_LEARN, "osprey", "default");
        List<Map<String, Object>> optuna = studies(rows, WorkloadSuite.SCIKIT_LEARN, "optuna", "tpe");
        if (optuna.isEmpty()) {
            table.add(List.of(QUALITY_TARGET, "Optuna did not run", "not evaluated"));
        } else {
            for (int n : at) {
                double mine = Stats.median(best(osprey, n));
                double theirs = Stats.median(best(optuna, n));
                table.add(List.of("scikit-learn: default best after " + n + " <= Optuna TPE's (median)",
                        Markdown.num(mine) + " vs " + Markdown.num(theirs), mine <= theirs ? "met" : "missed"));
            }
        }
        for (String objective : List.of(WorkloadSuite.SCIKIT_LEARN, WorkloadSuite.SMILE)) {
            double[] ratios = each(studies(rows, objective, "osprey", "default"), WorkloadReport::overheadRatio);
            if (ratios.length == 0) {
                table.add(List.of(objective + ": default's overhead per trial < 1% of the objective's time (median)",
                        "not measured", "not evaluated"));
                continue;
            }
            double ratio = Stats.median(ratios);
            table.add(List.of(objective + ": default's overhead per trial < 1% of the objective's time (median)",
                    percent(ratio), ratio < OVERHEAD_TARGET ? "met" : "missed"));
        }
        return "### Targets\n\n" + Markdown.table(List.of("target", "measured", "result"), table);
    }

    private static List<String[]> keys(List<Map<String, Object>> rows, String objective) {
        List<String[]> keys = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if (Row.is(r, "objective", objective)) {
                String[] key = {Row.str(r, "system"), Row.str(r, "sampler")};
                if (keys.stream().noneMatch(k -> k[0].equals(key[0]) && k[1].equals(key[1]))) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private static List<Map<String, Object>> studies(List<Map<String, Object>> rows, String objective, String system,
            String sampler) {
        return rows.stream().filter(r -> Row.is(r, "objective", objective) && Row.is(r, "system", system)
                && Row.is(r, "sampler", sampler)).toList();
    }

    private static double[] best(List<Map<String, Object>> studies, int n) {
        return each(studies, r -> r.get("best") instanceof Map<?, ?> m && m.get(Integer.toString(n)) instanceof Number v
                ? v.doubleValue() : Double.NaN);
    }

    static double overheadSeconds(Map<String, Object> r) {
        return Row.num(r, "wall_s") - Row.num(r, "objective_s");
    }

    static double overheadRatio(Map<String, Object> r) {
        return overheadSeconds(r) / Row.num(r, "objective_s");
    }

    private static double[] each(List<Map<String, Object>> studies, java.util.function.ToDoubleFunction<Map<String, Object>> f) {
        return studies.stream().mapToDouble(f).toArray();
    }

    private static String cell(double[] xs) {
        if (xs.length == 0) {
            return "-";
        }
        return Markdown.num(Stats.median(xs)) + " [" + Markdown.num(Stats.percentile(xs, 25)) + ", "
                + Markdown.num(Stats.percentile(xs, 75)) + "]";
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) ? "-" : Markdown.fixed(100 * ratio, 2) + "%";
    }
}
