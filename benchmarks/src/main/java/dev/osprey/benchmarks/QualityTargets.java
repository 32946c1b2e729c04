package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The quality suite's target, evaluated from the rows: Osprey's default TPE against Optuna's default TPE,
 * median regret after 100 trials per function, once for the standard protocol and once for the extended part.
 */
final class QualityTargets {

    /** The trial count the target is stated at. */
    static final int TARGET_AT = 100;

    static final String TARGET = "Osprey's default TPE reaches a median regret after " + TARGET_AT + " trials no worse"
            + " than Optuna's default TPE on every function, and better on at least one.";

    private QualityTargets() {
    }

    /** The Targets section; {@code standard} and {@code extended} are the rows of each protocol. */
    static String render(List<Map<String, Object>> standard, List<Map<String, Object>> extended) {
        StringBuilder out = new StringBuilder("### Targets\n\n");
        out.append("Target: ").append(TARGET).append(" Compared: Osprey's `tpe` (multivariate) and Optuna's `tpe`"
                + " (independent), the median regret of each per function; met = Osprey's median no worse than"
                + " Optuna's.\n\n");
        boolean optuna = Stream.concat(standard.stream(), extended.stream())
                .anyMatch(r -> Row.is(r, "system", "optuna"));
        if (!optuna) {
            return out.append("**Not evaluated**: this run has no Optuna rows (Optuna is not installed or its run"
                    + " failed), so the target could not be evaluated.\n\n").toString();
        }
        out.append(part("Standard protocol", standard));
        if (!extended.isEmpty()) {
            out.append(part("Extended part", extended));
        }
        return out.toString();
    }

    private static String part(String name, List<Map<String, Object>> rows) {
        List<Map<String, Object>> tpe = rows.stream().filter(r -> Row.is(r, "metric", "regret")
                && Row.is(r, "sampler", QualitySuite.DEFAULT_SAMPLER)).toList();
        if (tpe.isEmpty()) {
            return "**" + name + ": not evaluated** (no default-TPE regret rows in this run).\n\n";
        }
        int at = tpe.stream().anyMatch(r -> Row.is(r, "at", TARGET_AT)) ? TARGET_AT
                : (int) tpe.stream().mapToDouble(r -> Row.num(r, "at")).max().orElseThrow();
        int seeds = (int) tpe.stream().mapToDouble(r -> Row.num(r, "seeds")).max().orElseThrow();
        List<List<String>> body = new ArrayList<>();
        int functions = 0;
        int noWorse = 0;
        int better = 0;
        int missing = 0;
        for (TestFunctions.Function f : TestFunctions.all()) {
            functions++;
            Map<String, Object> o = QualityReport.find(tpe, "osprey", f.name(), QualitySuite.DEFAULT_SAMPLER,
                    "regret", at);
            Map<String, Object> p = QualityReport.find(tpe, "optuna", f.name(), QualitySuite.DEFAULT_SAMPLER,
                    "regret", at);
            if (o == null || p == null) {
                missing++;
                body.add(List.of(f.name(), median(o), median(p), "-", "not evaluated (row missing)"));
                continue;
            }
            double a = Row.num(o, "median");
            double b = Row.num(p, "median");
            String verdict;
            if (a < b) {
                noWorse++;
                better++;
                verdict = "met (better)";
            } else if (a == b) {
                noWorse++;
                verdict = "met (equal)";
            } else {
                verdict = "**missed** (worse)";
            }
            body.add(List.of(f.name(), median(o), median(p), b == 0 ? "-" : Markdown.fixed(a / b, 2), verdict));
        }
        String overall = missing > 0 ? "not evaluated on every function"
                : noWorse == functions && better > 0 ? "met" : "missed";
        StringBuilder out = new StringBuilder("**" + name + " (" + seeds + " seeds): " + overall + "**");
        out.append(" - Osprey no worse on ").append(noWorse).append(" of ").append(functions)
                .append(" functions, better on ").append(better).append('.');
        if (at != TARGET_AT) {
            out.append(" This run stops at ").append(at).append(" trials, so regret is read after ").append(at)
                    .append(" trials, not ").append(TARGET_AT).append(": indicative only.");
        }
        out.append("\n\n");
        out.append(Markdown.table(List.of("function", "osprey `tpe` median @" + at, "optuna `tpe` median @" + at,
                "osprey / optuna", "verdict"), body));
        return out.append('\n').toString();
    }

    private static String median(Map<String, Object> row) {
        return row == null ? "-" : Markdown.num(Row.num(row, "median"));
    }
}
