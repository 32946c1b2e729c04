package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The quality suite's Markdown: regret and wall-time tables, Osprey and Optuna side by side. */
final class QualityReport {

    /** The models compared, each with its sampler name in Osprey and in Optuna. */
    private record Model(String label, String osprey, String optuna) {
    }

    private static final List<Model> MODELS = List.of(
            new Model("TPE multivariate", "tpe", "tpe_mv"),
            new Model("TPE independent", "tpe_indep", "tpe"),
            new Model("random", "random", "random"),
            new Model("grid 10x10", "grid", "grid"));

    private static final List<String> SYSTEMS = List.of("osprey", "optuna");

    private QualityReport() {
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("Sampler names: Osprey's `tpe` (its default) is multivariate and `tpe_indep` is not; Optuna's `tpe`"
                + " (its default) is independent and `tpe_mv` is multivariate. Rows of one model sit together.\n\n");
        out.append("### Simple regret (best - known optimum), median [q25, q75] across seeds\n\n");
        out.append(regretTable(rows)).append('\n');
        out.append("### Wall time per study (s, median [q25, q75])\n\n");
        out.append(wallTable(rows));
        return out.toString();
    }

    private static String regretTable(List<Map<String, Object>> rows) {
        TreeSet<Integer> ats = new TreeSet<>();
        rows.stream().filter(r -> Row.is(r, "metric", "regret")).forEach(r -> ats.add((int) Row.num(r, "at")));
        List<String> header = new ArrayList<>(List.of("function (optimum)", "model", "system", "sampler"));
        ats.forEach(at -> header.add("@" + at));
        List<List<String>> body = new ArrayList<>();
        for (TestFunctions.Function f : TestFunctions.all()) {
            for (Model m : MODELS) {
                for (String system : SYSTEMS) {
                    String sampler = system.equals("osprey") ? m.osprey() : m.optuna();
                    List<String> cells = new ArrayList<>(List.of(
                            f.name() + " (" + Markdown.num(f.optimum()) + ")", m.label(), system, sampler));
                    boolean any = false;
                    for (int at : ats) {
                        Map<String, Object> r = find(rows, system, f.name(), sampler, "regret", at);
                        any |= r != null;
                        cells.add(r == null ? "-" : Markdown.quartiles(r));
                    }
                    if (any) {
                        body.add(cells);
                    }
                }
            }
        }
        return Markdown.table(header, body);
    }

    private static String wallTable(List<Map<String, Object>> rows) {
        List<String> header = new ArrayList<>(List.of("function", "system"));
        MODELS.forEach(m -> header.add(m.label()));
        List<List<String>> body = new ArrayList<>();
        for (TestFunctions.Function f : TestFunctions.all()) {
            for (String system : SYSTEMS) {
                List<String> cells = new ArrayList<>(List.of(f.name(), system));
                boolean any = false;
                for (Model m : MODELS) {
                    String sampler = system.equals("osprey") ? m.osprey() : m.optuna();
                    Map<String, Object> r = find(rows, system, f.name(), sampler, "wall_s_per_study", null);
                    any |= r != null;
                    cells.add(r == null ? "-" : Markdown.quartiles(r));
                }
                if (any) {
                    body.add(cells);
                }
            }
        }
        return Markdown.table(header, body);
    }

    private static Map<String, Object> find(List<Map<String, Object>> rows, String system, String function,
                                            String sampler, String metric, Integer at) {
        for (Map<String, Object> r : rows) {
            if (Row.is(r, "system", system) && Row.is(r, "function", function) && Row.is(r, "sampler", sampler)
                    && Row.is(r, "metric", metric) && (at == null || Row.is(r, "at", at))) {
                return r;
            }
        }
        return null;
    }
}
