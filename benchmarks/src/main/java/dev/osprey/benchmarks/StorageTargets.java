package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The storage suite's targets, evaluated from the rows: the cost of the 1,000th random trial and of the
 * 3,000th TPE trial on an H2 file (mean ms over the 100 trials ending there), and 4 worker processes on
 * PostgreSQL finishing 500 trials at 500 trials/s or more with nothing lost or doubled, judged for each
 * kind of worker JVM measured.
 */
final class StorageTargets {

    static final int WORKERS = 4;
    static final int TRIALS = 500;
    static final double TRIALS_PER_S = 500;

    private StorageTargets() {
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder("### Targets\n\n");
        out.append("Each Osprey figure is met or missed against its limit; Optuna's figure for the same measurement"
                + " sits beside it where it was measured (no target applies to it): on SQLite for the H2-file"
                + " targets, on the same PostgreSQL for the workers target. Trial costs: mean (median) ms over the"
                + " 100 trials ending at the n-th. Workers: trials/s = " + TRIALS + " / wall time from the first"
                + " worker's start to the last worker's exit; the target is judged for each sampler and each kind"
                + " of worker JVM (see part B).\n\n");
        List<List<String>> body = new ArrayList<>();
        body.add(OverheadTargets.cost(rows, "the 1,000th random trial on an H2 file costs at most 1 ms (mean of"
                + " trials 901..1,000)", "random", StorageSuite.H2_FILE, "sqlite", 1000, 1));
        body.add(OverheadTargets.cost(rows, "the 3,000th TPE trial on an H2 file costs at most 5 ms (mean of"
                + " trials 2,901..3,000)", "tpe", StorageSuite.H2_FILE, "sqlite", 3000, 5));
        for (String sampler : OverheadSuite.SAMPLERS) {
            List<String> jvms = rows.stream().filter(r -> isRound(r, "osprey", sampler))
                    .map(r -> r.containsKey("jvm") ? Row.str(r, "jvm") : null).distinct()
                    .sorted(Comparator.nullsFirst(Comparator.comparing(
                            (String name) -> !name.equals(StorageWorkerJvm.DEFAULT)).thenComparing(name -> name)))
                    .toList();
            if (jvms.isEmpty()) {
                body.add(workers(rows, sampler, null));
            }
            for (String jvm : jvms) {
                body.add(workers(rows, sampler, jvm));
            }
        }
        out.append(Markdown.table(List.of("target", "osprey", "verdict", "optuna"), body));
        return out.append('\n').toString();
    }

    /** The workers target for one sampler and, when the rows name one, one kind of worker JVM. */
    private static List<String> workers(List<Map<String, Object>> rows, String sampler, String jvm) {
        String target = WORKERS + " worker processes on PostgreSQL finish " + TRIALS + " trials (" + sampler
                + ") at " + (long) TRIALS_PER_S + " trials/s or more, nothing lost or doubled"
                + (jvm == null ? "" : "; worker JVM `" + jvm + "`");
        Optional<Map<String, Object>> osprey = rows.stream()
                .filter(r -> isRound(r, "osprey", sampler) && Objects.equals(jvm, Row.str(r, "jvm")))
                .findFirst();
        String ospreyCell;
        String verdict;
        if (osprey.isPresent()) {
            Map<String, Object> r = osprey.get();
            boolean fast = Row.num(r, "median") >= TRIALS_PER_S;
            boolean clean = finishedCleanly(r);
            ospreyCell = describe(r);
            verdict = fast && clean ? "met" : "**missed**" + (clean ? " (too slow)" : fast ? " (trials lost, doubled"
                    + " or unfinished)" : " (too slow; trials lost, doubled or unfinished)");
        } else {
            boolean anyPostgres = rows.stream().anyMatch(r -> Row.is(r, "system", "osprey")
                    && Row.is(r, "storage", StorageSuite.POSTGRES) && Row.is(r, "metric", "trials_per_s"));
            ospreyCell = anyPostgres ? "not measured in this run (no round of " + WORKERS + " workers and " + TRIALS
                    + " trials)" : "not measured in this run (PostgreSQL was not available)";
            verdict = "not evaluated";
        }
        String optunaCell = round(rows, "optuna", sampler).map(StorageTargets::describe).orElse("-");
        return List.of(target, ospreyCell, verdict, optunaCell);
    }

    /** All budgeted trials COMPLETE, numbered 0..N-1, none lost or doubled, no worker errors. */
    static boolean finishedCleanly(Map<String, Object> r) {
        long budget = (long) Row.num(r, "budget");
        return Row.is(r, "states", "COMPLETE " + budget) && Row.num(r, "trials") == budget
                && Boolean.TRUE.equals(r.get("sequential")) && Row.num(r, "lost") == 0
                && Row.num(r, "doubled") == 0 && Row.is(r, "errors", "none");
    }

    private static String describe(Map<String, Object> r) {
        return Markdown.fixed(Row.num(r, "median"), 1) + " trials/s (wall " + Markdown.fixed(Row.num(r, "wall_s"), 2)
                + " s), " + (long) Row.num(r, "trials") + " in the DB, lost " + (long) Row.num(r, "lost")
                + ", doubled " + (long) Row.num(r, "doubled")
                + (Row.is(r, "errors", "none") ? "" : ", errors: " + Row.str(r, "errors"));
    }

    private static Optional<Map<String, Object>> round(List<Map<String, Object>> rows, String system, String sampler) {
        return rows.stream().filter(r -> isRound(r, system, sampler)).findFirst();
    }

    private static boolean isRound(Map<String, Object> r, String system, String sampler) {
        return Row.is(r, "system", system) && Row.is(r, "metric", "trials_per_s")
                && Row.is(r, "storage", StorageSuite.POSTGRES) && Row.is(r, "sampler", sampler)
                && Row.is(r, "workers", WORKERS) && Row.is(r, "budget", TRIALS);
    }
}
