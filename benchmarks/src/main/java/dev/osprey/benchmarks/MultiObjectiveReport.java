package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The multiobjective suite's Markdown: hypervolume tables per problem, feasibility, cost and the targets. */
final class MultiObjectiveReport {

    /** Osprey's sampler and its Optuna counterpart. */
    private static final Map<String, String> COUNTERPART = Map.of("nsga2", "nsga2", "nsga3", "nsga2",
            "motpe", "motpe", "random", "random");

    private MultiObjectiveReport() {
    }

    static String render(List<Map<String, Object>> rows, int[] at) {
        StringBuilder md = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("problem", "system", "sampler"));
        for (int a : at) {
            header.add("HV @" + a);
        }
        header.add("feasible @" + at[at.length - 1]);
        header.add("ms/trial @" + at[at.length - 1]);
        header.add("trials reached (min)");
        List<List<String>> table = new ArrayList<>();
        for (String problem : MultiObjectiveSuite.PROBLEMS.stream().map(MultiObjectiveSuite.Problem::name).toList()) {
            for (String system : List.of("osprey", "optuna")) {
                for (String sampler : List.of("nsga2", "nsga3", "motpe", "random")) {
                    List<String> cells = new ArrayList<>(List.of(problem, system, sampler));
                    boolean any = false;
                    Map<String, Object> lastRow = null;
                    for (int a : at) {
                        Optional<Map<String, Object>> row = find(rows, system, problem, sampler, a);
                        any |= row.isPresent();
                        cells.add(row.filter(r -> r.get("hv") != null).map(r -> quart(r, "hv")).orElse("-"));
                        if (row.isPresent()) {
                            lastRow = row.get();
                        }
                    }
                    if (!any) {
                        continue;
                    }
                    Map<String, Object> last = lastRow;
                    cells.add(last.get("feasible") != null ? quart(last, "feasible") : "-");
                    cells.add(last.get("ms_per_trial") != null ? quart(last, "ms_per_trial") : "-");
                    cells.add(String.valueOf(Row.num(last, "reached_min")).replace(".0", ""));
                    table.add(cells);
                }
            }
        }
        md.append(Markdown.table(header, table)).append('\n');
        md.append(targets(rows, at));
        return md.toString();
    }

    private static String targets(List<Map<String, Object>> rows, int[] at) {
        StringBuilder md = new StringBuilder("### Targets\n\n");
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        List<String> unmeasured = new ArrayList<>();
        for (var problem : MultiObjectiveSuite.PROBLEMS) {
            for (String sampler : List.of("nsga2", "nsga3", "motpe", "random")) {
                boolean betterEverywhere = true;
                for (int a : at) {
                    Optional<Double> ours = median(rows, "osprey", problem.name(), sampler, a, "hv");
                    Optional<Double> theirs = median(rows, "optuna", problem.name(), COUNTERPART.get(sampler), a, "hv");
                    String where = problem.name() + " " + sampler + " @" + a;
                    if (ours.isEmpty() || theirs.isEmpty()) {
                        unmeasured.add(where + (theirs.isEmpty() ? " (Optuna did not reach it)" : " (Osprey did not reach it)"));
                        betterEverywhere = false;
                        continue;
                    }
                    if (ours.get() < theirs.get()) {
                        worse.add(where + ": " + Markdown.num(ours.get()) + " < " + Markdown.num(theirs.get()));
                        betterEverywhere = false;
                    } else if (ours.get() <= theirs.get()) {
                        betterEverywhere = false;
                    }
                }
                if (betterEverywhere && !sampler.equals("random")) {
                    better.add(problem.name() + " " + sampler);
                }
            }
        }
        md.append("- Hypervolume no worse than Optuna's counterpart at every budget (median over seeds): ")
                .append(worse.isEmpty() ? "**met** where both were measured" : "**missed** at " + String.join("; ", worse))
                .append(".\n");
        md.append("- Better on at least two problems (a sampler better than its counterpart at every budget): ")
                .append(better.isEmpty() ? "**missed**" : (better.stream().map(b -> b.split(" ")[0]).distinct().count()
                        >= 2 ? "**met**" : "**missed**") + " (" + String.join(", ", better) + ")").append(".\n");
        if (!unmeasured.isEmpty()) {
            md.append("- Not compared (a side did not reach the budget within its time cap): ")
                    .append(String.join("; ", unmeasured)).append(".\n");
        }
        int last = at[at.length - 1];
        List<String> costs = new ArrayList<>();
        boolean costMet = true;
        boolean costMeasured = false;
        for (var problem : MultiObjectiveSuite.PROBLEMS) {
            for (String sampler : List.of("nsga2", "motpe")) {
                Optional<Double> ours = median(rows, "osprey", problem.name(), sampler, last, "ms_per_trial");
                Optional<Double> theirs = lastCost(rows, problem.name(), sampler, at);
                if (ours.isPresent() && theirs.isPresent()) {
                    costMeasured = true;
                    double ratio = theirs.get() / ours.get();
                    costMet &= ratio >= 20;
                    costs.add(problem.name() + " " + sampler + " " + Markdown.fixed(ratio, 1) + "x");
                }
            }
        }
        md.append("- Sampling cost per trial at ").append(last).append(" trials at least 20x below Optuna's: ")
                .append(!costMeasured ? "not measured" : costMet ? "**met**" : "**missed**")
                .append(costs.isEmpty() ? "" : " (Optuna's cost / Osprey's: " + String.join(", ", costs)
                        + "; where Optuna's study stopped at its cap earlier, its cost at the last budget it reached)")
                .append(".\n");
        md.append("- 150 + 150 trials resumed equal 300 uninterrupted: checked by the optimizer's `Nsga2ResumeTest`"
                + " (exact parameters, trial by trial).\n");
        return md.toString();
    }

    private static Optional<Double> lastCost(List<Map<String, Object>> rows, String problem, String sampler, int[] at) {
        for (int i = at.length - 1; i >= 0; i--) {
            Optional<Double> cost = median(rows, "optuna", problem, sampler, at[i], "ms_per_trial");
            if (cost.isPresent()) {
                return cost;
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Double> median(List<Map<String, Object>> rows, String system, String problem,
                                           String sampler, int at, String metric) {
        return find(rows, system, problem, sampler, at)
                .map(r -> (Map<String, Object>) r.get(metric))
                .filter(Objects::nonNull)
                .map(q -> ((Number) q.get("median")).doubleValue());
    }

    private static Optional<Map<String, Object>> find(List<Map<String, Object>> rows, String system, String problem,
                                                      String sampler, int at) {
        return rows.stream().filter(r -> system.equals(r.get("system")) && problem.equals(r.get("problem"))
                && sampler.equals(r.get("sampler")) && ((Number) r.get("at")).intValue() == at).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static String quart(Map<String, Object> row, String metric) {
        return Markdown.quartiles((Map<String, Object>) row.get(metric));
    }
}
