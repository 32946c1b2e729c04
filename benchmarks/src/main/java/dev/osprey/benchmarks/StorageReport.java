package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
                + " free loopback port with a password. Worker CPU s is the CPU time of all W worker processes"
                + " together, start-up included.\n\n");
        out.append(jvms(rows));
        out.append(partB(rows));
        return out.toString();
    }

    /**
     * How Osprey's worker JVMs were started. {@code default} is a plain {@code java -cp}; the tuned one is how
     * to run many short-lived workers: the same command with the options shown, made once per machine and
     * class path (see {@link StorageWorkerJvm}).
     */
    private static String jvms(List<Map<String, Object>> rows) {
        Map<String, String> options = new TreeMap<>(Comparator.comparing(
                (String name) -> !name.equals(StorageWorkerJvm.DEFAULT)).thenComparing(name -> name));
        rows.stream().filter(r -> Row.is(r, "metric", "trials_per_s") && r.containsKey("jvm"))
                .forEach(r -> options.putIfAbsent(Row.str(r, "jvm"), Row.str(r, "jvm_options")));
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Osprey's workers ran in two kinds of JVM (the `worker JVM` column):");
        options.forEach((name, opts) -> out.append(" `").append(name).append("`: ")
                .append(opts.isBlank() ? "`java -cp CLASSPATH` with no options" : "`java " + opts + " -cp JARS`")
                .append(';'));
        out.setLength(out.length() - 1);
        out.append(". The second is how we recommend running many short-lived workers, and how users would:"
                + " the class cache (`-XX:AOTCache`, JDK 25; on JDK 19 to 24 a CDS archive with"
                + " `-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=...`) is made once, by one run of the worker"
                + " with `-XX:AOTCacheOutput=worker.aot` (here 200 TPE trials on a study of its own), and needs a"
                + " class path of jars; `-XX:TieredStopAtLevel=1` (C1 only) and `-XX:+UseSerialGC` suit workers"
                + " that live for seconds, not hours.\n\n");
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
                .thenComparing(r -> Row.is(r, "system", "osprey") ? 0 : 1)
                .thenComparing(r -> Row.is(r, "jvm", StorageWorkerJvm.DEFAULT) ? 0 : 1));
        List<List<String>> body = new ArrayList<>();
        for (Map<String, Object> r : rounds) {
            boolean measured = r.containsKey("trials");
            body.add(List.of(Row.str(r, "storage"), Row.str(r, "sampler"), String.valueOf((long) Row.num(r, "workers")),
                    Row.str(r, "system"), r.containsKey("jvm") ? Row.str(r, "jvm") : "-",
                    Markdown.fixed(Row.num(r, "median"), 1),
                    Markdown.fixed(Row.num(r, "wall_s"), 2), count(r, "trials"), count(r, "distinct"),
                    measured ? (Boolean.TRUE.equals(r.get("sequential")) ? "yes" : "**no**") : "-",
                    measured ? Row.str(r, "states") : "-", flagged(r, "lost"), flagged(r, "doubled"),
                    Row.is(r, "errors", "none") ? "none" : "**" + Row.str(r, "errors") + "**",
                    Markdown.fixed(Row.num(r, "trials") / Row.num(r, "db_span_s"), 1),
                    Markdown.fixed(Row.num(r, "ready_s"), 2), Markdown.fixed(Row.num(r, "worker_cpu_s"), 2)));
        }
        return Markdown.table(List.of("storage", "sampler", "W", "system", "worker JVM", "trials/s", "wall s",
                "trials in DB", "distinct numbers", "0..N-1", "states", "lost", "handed twice", "errors",
                "trials/s over DB span", "worker ready s", "worker CPU s"), body);
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
