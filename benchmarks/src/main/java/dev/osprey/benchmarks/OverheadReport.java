package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The overhead suite's Markdown: cost of the n-th trial, Osprey and Optuna side by side, and the heap check. */
final class OverheadReport {

    private OverheadReport() {
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(OverheadTargets.render(rows));
        out.append("### Part A: single-process cost of the n-th trial (ask + 2 suggest float + tell)\n\n");
        out.append("ms/trial = mean (median) over trials n-99..n. `grown`: one study grown trial by trial with the"
                + " sampler, cum. wall = time to reach n; `prefilled`: study pre-filled with n-100 random COMPLETE"
                + " trials, then 100 timed trials. `(cap)` marks the size a grown study reached when its time cap"
                + " ran out. Sampler `tpe` is each system's default TPE: multivariate in Osprey, independent in"
                + " Optuna.\n\n");
        out.append(partA(rows)).append('\n');
        out.append(GpCost.render(rows));
        out.append("### Heap: an in-memory TPE study of n trials, grown in a child JVM with ")
                .append(HeapCheck.MAX_HEAP)
                .append("\n\n");
        out.append("The child JVM grows the study with ask/tell as in part A, then calls System.gc() with the study"
                + " still reachable and reads the heap in use. Optuna's row, where present, is not a pass/fail: it is"
                + " the growth of the Python process's resident set while its largest prefilled TPE study was built"
                + " and timed (n-100 trials added with add_trials, then 100 sampled).\n\n");
        out.append(heap(rows));
        return out.toString();
    }

    /** The cost rows (metric ms_per_trial) as one table, by storage, sampler, n and method, Osprey first. */
    static String partA(List<Map<String, Object>> rows) {
        List<Map<String, Object>> cost = new ArrayList<>(rows.stream()
                .filter(r -> Row.is(r, "metric", "ms_per_trial")).toList());
        cost.sort(Comparator.<Map<String, Object>, String>comparing(r -> Row.str(r, "storage"))
                .thenComparing(r -> Row.str(r, "sampler"))
                .thenComparingDouble(r -> Row.num(r, "n"))
                .thenComparing(r -> Row.str(r, "method"))
                .thenComparing(r -> Row.is(r, "system", "osprey") ? 0 : 1));
        List<List<String>> body = new ArrayList<>();
        for (Map<String, Object> r : cost) {
            String n = (long) Row.num(r, "n") + (Boolean.TRUE.equals(r.get("capped")) ? " (cap)" : "");
            double trials = Row.num(r, "trials");
            String mean = Markdown.fixed(Row.num(r, "mean"), 3)
                    + (trials < 100 ? " (" + (long) trials + " trials)" : "");
            body.add(List.of(Row.str(r, "storage"), Row.str(r, "sampler"), n, Row.str(r, "method"),
                    Row.str(r, "system"), mean, Markdown.fixed(Row.num(r, "median"), 3),
                    r.containsKey("cum_wall_s") ? Markdown.fixed(Row.num(r, "cum_wall_s"), 1) : "-"));
        }
        return Markdown.table(List.of("storage", "sampler", "n", "method", "system", "ms/trial mean",
                "ms/trial median", "cum. wall s"), body);
    }

    private static String heap(List<Map<String, Object>> rows) {
        List<List<String>> body = new ArrayList<>();
        for (Map<String, Object> fits : rows) {
            if (!Row.is(fits, "metric", "fits_256mb")) {
                continue;
            }
            Map<String, Object> heap = rows.stream().filter(r -> Row.is(r, "metric", "heap_mb")
                    && Row.is(r, "system", Row.str(fits, "system"))).findFirst().orElse(Map.of());
            boolean passed = Boolean.TRUE.equals(fits.get("passed"));
            body.add(List.of(Row.str(fits, "system"), Row.str(fits, "sampler"), Row.str(fits, "storage"),
                    String.valueOf((long) Row.num(fits, "n")),
                    passed ? "yes" : "**no**: " + fits.getOrDefault("error", "see log"),
                    Markdown.fixed(Row.num(heap, "median"), 1),
                    Markdown.fixed(Row.num(heap, "wall_s"), 1)));
        }
        for (Map<String, Object> rss : rows) {
            if (Row.is(rss, "metric", "rss_mb")) {
                body.add(List.of(Row.str(rss, "system"), Row.str(rss, "sampler"), Row.str(rss, "storage"),
                        String.valueOf((long) Row.num(rss, "n")), "- (RSS growth, see above)",
                        Markdown.fixed(Row.num(rss, "median"), 1), "-"));
            }
        }
        return Markdown.table(List.of("system", "sampler", "storage", "n", "fits in 256 MB",
                "heap in use after full GC, MB", "study wall s"), body);
    }
}
