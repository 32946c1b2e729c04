package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The storage suite's Markdown: targets, part A (cost of the n-th trial) and part B (workers on one study). */
final class StorageReport {

    private StorageReport() {
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(StorageTargets.render(rows));
        out.append("### Part A: single-process cost of the n-th trial (ask + 2 suggest float + tell)\n\n");
        out.append("ms/trial = mean (median) over trials n-99..n. `grown`: one study grown trial by trial with the"
                + " sampler, cum. wall = time to reach n; `prefilled`: study pre-filled with n-100 random COMPLETE"
                + " trials via add_trials, then 100 timed trials (Optuna, used where its grown study hit the time"
                + " cap; a mean over fewer trials is marked). `(cap)` marks the size a grown study reached when its"
                + " time cap ran out. Every study has a database of its own: `h2file` a new H2 file (Osprey),"
                + " `sqlite` a new SQLite file (Optuna), `postgres` a new schema in the same PostgreSQL database."
                + " Sampler `tpe` is each system's default TPE: multivariate in Osprey, independent in Optuna.\n\n");
        out.append(OverheadReport.partA(rows)).append('\n');
        out.append("### Part B: W worker processes on one shared study, ")
                .append(budgets(rows)).append(" trials in total\n\n");
        out.append("The study is created beforehand; then W worker processes are started back to back, each running"
                + " `optimize` until the study holds the budgeted trials (Osprey: `Budget.trials`, a separate JVM"
                + " per worker; Optuna: `MaxTrialsCallback` counting trials in every state, a separate Python"
                + " process per worker, which can overshoot the budget by up to W-1 trials, since each worker checks"
                + " the count only after its trial). trials/s = budgeted trials / wall s, where wall runs from just before the"
                + " first worker is started to the exit of the last one, so process start-up (JVM or interpreter"
                + " and imports), opening the storage and loading the study count. The last column divides by the"
                + " span from the first trial's start to the last trial's end as recorded in the database instead;"
                + " worker ready s is the mean time from a worker process's start until it had loaded the study."
                + " Each worker writes the (number, value) pairs it told: lost = told but without a COMPLETE trial of"
                + " that number and value in the database; handed twice = a number told by more than one worker or"
                + " stored twice (`doubled` in the JSON). `h2server` is an H2 TCP server started by the suite on a"
                + " free loopback port with a password.\n\n");
        out.append(partB(rows));
        return out.toString();
    }

    private static String budgets(List<Map<String, Object>> rows) {
        List<String> budgets = rows.stream().filter(r -> Row.is(r, "metric", "trials_per_s"))
                .map(r -> String.valueOf((long) Row.num(r, "budget"))).distinct().toList();
        return budgets.isEmpty() ? "no" : String.join(" / ", budgets);
    }

    private static String partB(List<Map<String, Object>> rows) {
        List<Map<String, Object>> rounds = new ArrayList<>(rows.stream()
                .filter(r -> Row.is(r, "metric", "trials_per_s")).toList());
        rounds.sort(Comparator.<Map<String, Object>, String>comparing(r -> Row.str(r, "storage"))
                .thenComparing(r -> Row.str(r, "sampler"))
                .thenComparingDouble(r -> Row.num(r, "workers"))
                .thenComparing(r -> Row.is(r, "system", "osprey") ? 0 : 1));
        List<List<String>> body = new ArrayList<>();
        for (Map<String, Object> r : rounds) {
            boolean measured = r.containsKey("trials");
            body.add(List.of(Row.str(r, "storage"), Row.str(r, "sampler"), String.valueOf((long) Row.num(r, "workers")),
                    Row.str(r, "system"), Markdown.fixed(Row.num(r, "median"), 1),
                    Markdown.fixed(Row.num(r, "wall_s"), 2), count(r, "trials"), count(r, "distinct"),
                    measured ? (Boolean.TRUE.equals(r.get("sequential")) ? "yes" : "**no**") : "-",
                    measured ? Row.str(r, "states") : "-", flagged(r, "lost"), flagged(r, "doubled"),
                    Row.is(r, "errors", "none") ? "none" : "**" + Row.str(r, "errors") + "**",
                    Markdown.fixed(Row.num(r, "trials") / Row.num(r, "db_span_s"), 1),
                    Markdown.fixed(Row.num(r, "ready_s"), 2)));
        }
        return Markdown.table(List.of("storage", "sampler", "W", "system", "trials/s", "wall s", "trials in DB",
                "distinct numbers", "0..N-1", "states", "lost", "handed twice", "errors",
                "trials/s over DB span", "worker ready s"), body);
    }

    private static String count(Map<String, Object> r, String key) {
        double v = Row.num(r, key);
        return Double.isNaN(v) ? "-" : String.valueOf((long) v);
    }

    private static String flagged(Map<String, Object> r, String key) {
        double v = Row.num(r, key);
        return Double.isNaN(v) ? "-" : v == 0 ? "0" : "**" + (long) v + "**";
    }
}
