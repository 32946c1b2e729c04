package dev.osprey.benchmarks;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The overhead suite's targets, evaluated from the rows: the cost of the 1,000th and 10,000th TPE trial
 * (mean ms over the 100 trials ending there) and whether a 10,000-trial in-memory TPE study fits in 256 MB.
 */
final class OverheadTargets {

    private OverheadTargets() {
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder("### Targets\n\n");
        out.append("Each Osprey figure is met or missed against its limit; Optuna's figure for the same"
                + " measurement sits beside it where it was measured (no target applies to it). Trial costs: mean"
                + " (median) ms over the 100 trials ending at the n-th, default TPE, in-memory storage.\n\n");
        List<List<String>> body = List.of(
                cost(rows, 1000, 0.5),
                cost(rows, 10000, 5),
                heap(rows, 10000));
        out.append(Markdown.table(List.of("target", "osprey", "verdict", "optuna"), body));
        return out.append('\n').toString();
    }

    private static List<String> cost(List<Map<String, Object>> rows, int n, double limitMs) {
        String target = "the " + count(n) + "th TPE trial costs at most "
                + BigDecimal.valueOf(limitMs).stripTrailingZeros().toPlainString() + " ms (mean of"
                + " trials " + count(n - 99) + ".." + count(n) + ")";
        return cost(rows, target, "tpe", "inmemory", "inmemory", n, limitMs);
    }

    /**
     * A cost target's cells (target, osprey, verdict, optuna): Osprey's mean ms over trials n-99..n with
     * {@code sampler} on {@code storage} against {@code limitMs}, Optuna's on {@code optunaStorage} beside it.
     */
    static List<String> cost(List<Map<String, Object>> rows, String target, String sampler, String storage,
                             String optunaStorage, int n, double limitMs) {
        Optional<Map<String, Object>> osprey = costRow(rows, "osprey", sampler, storage, n);
        String ospreyCell;
        String verdict;
        if (osprey.isPresent()) {
            double mean = Row.num(osprey.get(), "mean");
            ospreyCell = ms(osprey.get());
            verdict = mean <= limitMs ? "met" : "**missed**";
        } else {
            Optional<Map<String, Object>> capped = costs(rows, "osprey", sampler, storage)
                    .filter(r -> Boolean.TRUE.equals(r.get("capped")) && Row.num(r, "n") < n).findFirst();
            if (capped.isPresent()) {
                ospreyCell = "reached only n = " + count((int) Row.num(capped.get(), "n")) + " within its time cap ("
                        + ms(capped.get()) + " there)";
                verdict = "**missed**";
            } else {
                int largest = (int) costs(rows, "osprey", sampler, storage).mapToDouble(r -> Row.num(r, "n")).max().orElse(0);
                ospreyCell = "not measured in this run" + (largest > 0 ? " (largest n = " + count(largest) + ")" : "");
                verdict = "not evaluated";
            }
        }
        String optunaCell = costRow(rows, "optuna", sampler, optunaStorage, n)
                .map(r -> ms(r) + " (" + Row.str(r, "method") + ")").orElse("-");
        return List.of(target, ospreyCell, verdict, optunaCell);
    }

    private static List<String> heap(List<Map<String, Object>> rows, int n) {
        String target = "a " + count(n) + "-trial in-memory TPE study fits in a 256 MB heap (" + HeapCheck.MAX_HEAP
                + ")";
        List<Map<String, Object>> checks = rows.stream()
                .filter(r -> Row.is(r, "system", "osprey") && Row.is(r, "metric", "fits_256mb")).toList();
        Optional<Map<String, Object>> fits = checks.stream().filter(r -> Row.is(r, "n", n)).findFirst();
        String ospreyCell;
        String verdict;
        if (fits.isPresent()) {
            boolean passed = Boolean.TRUE.equals(fits.get().get("passed"));
            ospreyCell = passed ? "fits: " + heapMb(rows, n) + " MB in use after a full GC"
                    : "does not fit: " + fits.get().getOrDefault("error", "see the log");
            verdict = passed ? "met" : "**missed**";
        } else {
            ospreyCell = "not measured in this run" + checks.stream().findFirst().map(r -> " (checked n = "
                    + count((int) Row.num(r, "n")) + ": " + (Boolean.TRUE.equals(r.get("passed")) ? "fits, "
                    + heapMb(rows, (int) Row.num(r, "n")) + " MB" : "does not fit") + ")").orElse("");
            verdict = "not evaluated";
        }
        String optunaCell = rows.stream().filter(r -> Row.is(r, "system", "optuna") && Row.is(r, "metric", "rss_mb"))
                .findFirst().map(r -> Markdown.fixed(Row.num(r, "median"), 1) + " MB growth of the process's resident"
                        + " set (n = " + count((int) Row.num(r, "n")) + ", prefilled)").orElse("-");
        return List.of(target, ospreyCell, verdict, optunaCell);
    }

    /** The system's cost rows for a sampler and storage. */
    private static Stream<Map<String, Object>> costs(List<Map<String, Object>> rows, String system, String sampler,
                                                     String storage) {
        return rows.stream().filter(r -> Row.is(r, "system", system) && Row.is(r, "metric", "ms_per_trial")
                && Row.is(r, "sampler", sampler) && Row.is(r, "storage", storage));
    }

    /** The cost row at exactly {@code n}, a grown study's before a prefilled one's. */
    private static Optional<Map<String, Object>> costRow(List<Map<String, Object>> rows, String system,
                                                         String sampler, String storage, int n) {
        return costs(rows, system, sampler, storage).filter(r -> Row.is(r, "n", n))
                .min(Comparator.comparingInt(r -> Row.is(r, "method", "grown") ? 0 : 1));
    }

    private static String heapMb(List<Map<String, Object>> rows, int n) {
        return rows.stream().filter(r -> Row.is(r, "system", "osprey") && Row.is(r, "metric", "heap_mb")
                && Row.is(r, "n", n)).findFirst().map(r -> Markdown.fixed(Row.num(r, "median"), 1)).orElse("-");
    }

    static String ms(Map<String, Object> r) {
        return Markdown.fixed(Row.num(r, "mean"), 3) + " ms mean (median " + Markdown.fixed(Row.num(r, "median"), 3)
                + ")" + (Row.num(r, "trials") < 100 ? " over " + (long) Row.num(r, "trials") + " trials" : "");
    }

    static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
