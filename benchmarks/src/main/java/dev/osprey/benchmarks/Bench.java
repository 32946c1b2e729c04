package dev.osprey.benchmarks;

import dev.osprey.benchmarks.reliability.ReliabilitySuite;
import dev.osprey.composer.conformance.CaseResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The benchmarks' entry point: {@code Bench SUITE [--quick] [--out DIR]}. Runs one suite for
 * Osprey, then for Optuna where it is installed, prints the Markdown report and writes
 * {@code DIR/SUITE.md} and {@code DIR/SUITE.json}. Progress goes to stderr. The {@code conformance}
 * suite also takes corpus files ({@code Bench conformance [FILE...]}) and exits with status 1 when a
 * case failed; the {@code reliability} suite exits with status 1 when a scenario failed.
 */
public final class Bench {

    static final List<String> SUITES = List.of("quality", "overhead", "storage", "compose", "conformance",
            "launch", "startup", "reliability", "hydra", "workload", MultiObjectiveSuite.NAME, ImportanceSuite.NAME, "dashboard");
    /** The suites that run Optuna side by side. */
    static final List<String> OPTUNA_SUITES = List.of("quality", "overhead", "storage", "workload", MultiObjectiveSuite.NAME,
            ImportanceSuite.NAME);
    static final double OPTUNA_CAP_S = 120;
    static final double OPTUNA_QUICK_CAP_S = 15;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String suite = null;
        boolean quick = false;
        Path out = Path.of("benchmarks", "results");
        Path cwd = Path.of(System.getProperty("osprey.bench.cwd", ""));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> {
                    if (++i == args.length) {
                        usage("--out needs a directory");
                    }
                    // relative to where the script was called from, not to the repository root
                    out = cwd.resolve(args[i]);
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        usage("unexpected argument '" + args[i] + "'");
                    } else if (suite == null) {
                        suite = args[i];
                    } else if (suite.equals("conformance")) {
                        files.add(cwd.resolve(args[i]));
                    } else {
                        usage("unexpected argument '" + args[i] + "'");
                    }
                }
            }
        }
        if (suite == null || !SUITES.contains(suite)) {
            usage(suite == null ? "name a suite" : "unknown suite '" + suite + "'");
        }
        Consumer<String> progress = line -> System.err.println("[bench] " + line);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        OptunaPeer peer = OptunaPeer.fromSystemProperties();
        Optional<String> optuna = OPTUNA_SUITES.contains(suite) ? peer.version() : Optional.empty();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ConformanceSuite.Outcome conformance = null;
        ReliabilitySuite.Report reliability = null;
        Map<String, String> peers = new LinkedHashMap<>();
        String body = switch (suite) {
            case "quality" -> quality(quick, peer, optuna.isPresent(), rows, notes, progress);
            case "overhead" -> overhead(quick, peer, optuna.isPresent(), rows, notes, progress);
            case "storage" -> storage(quick, peer, optuna.isPresent(), rows, notes, progress);
            case "compose" -> compose(quick, rows, notes, progress);
            case "workload" -> workload(quick, peer, optuna.isPresent(), rows, notes, progress);
            case MultiObjectiveSuite.NAME -> multiObjective(quick, peer, optuna.isPresent(), rows, notes, progress);
            case "startup" -> {
                rows.addAll(StartupSuite.run(quick, progress));
                notes.add("Each command is a whole process, timed from spawn to exit, after one unrecorded start (which"
                        + " makes `bin/osprey`'s class-data archive); median [q25, q75] over the runs. Hydra is not run"
                        + " here: its figure comes from the project's Hydra speed baseline.");
                yield StartupSuite.render(rows);
            }
            case "conformance" -> {
                conformance = ConformanceSuite.run(files.isEmpty()
                        ? List.of(ConformanceSuite.projectCorpus(Path.of(""))) : files, cwd, progress);
                rows.addAll(conformance.rows());
                notes.add("Hydra conformance corpus: Hydra 1.4's own outcomes for overrides, basic-sweeper batches and"
                        + " compositions, checked by the same code as the composer's unit tests"
                        + " (`dev.osprey.composer.conformance`)" + (files.isEmpty() ? "; the project's copy under `"
                        + ConformanceSuite.PROJECT_CORPUS + "`." : "."));
                yield ConformanceSuite.render(conformance);
            }
            case "launch" -> LaunchSuite.report(quick, rows, notes, peers, progress);
            case ImportanceSuite.NAME -> ImportanceSuite.report(quick, peer, optuna.isPresent(), rows, notes, progress);
            case "dashboard" -> DashboardSuite.report(quick, rows, notes, progress);
            case "hydra" -> {
                HydraPeer hydra = HydraPeer.fromSystemProperties();
                Optional<String> report = HydraSuite.report(quick, hydra, Path.of(System.getProperty(
                        "osprey.bench.scripts", "benchmarks/python")), rows, notes, peers, progress);
                if (report.isEmpty()) {
                    // without Hydra neither system can run the project: nothing is written, the results stay
                    System.err.println("bench: the hydra suite was skipped: Hydra is not set up here ("
                            + hydra.whyNot() + ")");
                    System.exit(0);
                }
                yield report.orElseThrow();
            }
            case "reliability" -> {
                reliability = ReliabilitySuite.run(Path.of("").toAbsolutePath(), quick, progress);
                rows.addAll(reliability.rows());
                notes.add("Faults injected into the real `osprey` command line in real processes (the built jar, as"
                        + " `bin/osprey` runs it), on an H2 file, an H2 server and PostgreSQL (the throwaway cluster"
                        + " of `scripts/pg-throwaway.sh` on a private directory and port, " + System.getProperty(
                        "osprey.bench.pg", "given by OSPREY_TEST_PG_URL") + "). A scenario passes when every round"
                        + " kept every promise: nothing lost or doubled, no trial left RUNNING, the budget exact, and"
                        + " what each scenario adds.");
                yield reliability.markdown();
            }
            default -> throw new AssertionError(suite);
        };
        double wall = (System.nanoTime() - t0) / 1e9;
        optuna.ifPresent(v -> peers.put("optuna", v));
        String markdown = header(suite, quick, started, wall, peer, optuna, notes) + body;
        ResultWriter.write(out, suite, markdown, ResultWriter.json(suite, started, peers, rows));
        System.out.print(markdown);
        progress.accept("wrote " + out.resolve(suite + ".md") + " and " + out.resolve(suite + ".json"));
        if (conformance != null && conformance.count(CaseResult.Status.FAILED) > 0
                || reliability != null && reliability.failed() > 0) {
            System.exit(1);
        }
    }

    private static String compose(boolean quick, List<Map<String, Object>> rows, List<String> notes,
                                  Consumer<String> progress) {
        ComposeSuite.Plan plan = quick ? ComposeSuite.Plan.quick() : ComposeSuite.Plan.full();
        rows.addAll(ComposeSuite.run(plan, progress));
        notes.add("**Hydra is not run here**: its figures come from the project's Hydra speed baseline (Hydra "
                + HydraBaseline.VERSION + ", OmegaConf 2.4.0.dev14, Python 3.11, measured on this machine kind);"
                + " their rows carry `\"source\": \"baseline\"`.");
        notes.add("Config tree (`benchmarks/src/main/resources/" + ComposeSuite.TREE + "`, read from the classpath):"
                + " `" + ComposeSuite.PRIMARY + ".yaml` with defaults `optimizer: adam`, `model: resnet`, `_self_`,"
                + " and the groups optimizer, model, data, trainer, logger (2 options each, 5-8 keys). Overrides: `"
                + String.join(" ", ComposeSuite.OVERRIDES) + "`. Parse mix: `" + String.join(" ", ComposeSuite.PARSE_MIX)
                + "`.");
        notes.add("Warm figures: " + (long) plan.warmUpSeconds() + " s warm-up, then " + plan.rounds() + " rounds of "
                + plan.roundSeconds() + " s, one thread; median [q25, q75] over rounds. Cold figures: " + plan.coldRuns()
                + " fresh JVMs (`ColdCompose`), each composing twice; the time runs from the start of main(), so the"
                + " JVM's own start is left out (it is shown on its own row) and the composer's class loading is in."
                + " The child's classpath holds what composing needs: this module, the composer, the optimizer and"
                + " snakeyaml-engine (not the database drivers of the other suites). A second series runs the same"
                + " children with an application class-data archive (made by one unmeasured run), as a launcher"
                + " could; the target is judged on the default JVM.");
        return ComposeReport.render(rows);
    }

    private static String quality(boolean quick, OptunaPeer peer, boolean withOptuna, List<Map<String, Object>> rows,
                                  List<String> notes, Consumer<String> progress) {
        QualitySuite.Plan plan = quick ? QualitySuite.Plan.quick() : QualitySuite.Plan.full();
        rows.addAll(QualitySuite.run(plan, progress));
        if (withOptuna) {
            rows.addAll(optunaRows(peer, "quality.py", List.of("--seeds", "" + plan.seeds(),
                    "--trials", "" + plan.trials(), "--at", join(plan.at())), notes, progress));
            if (plan.extendedSeeds() > 0) {
                rows.addAll(optunaRows(peer, "quality.py", List.of("--default-only",
                        "--seeds", "" + plan.extendedSeeds(), "--trials", "" + plan.trials(),
                        "--at", join(plan.at())), notes, progress));
            }
        }
        rows.addAll(CmaesQmcQuality.run(plan, quick, progress));
        if (withOptuna) {
            rows.addAll(optunaRows(peer, "quality_cmaes_qmc.py", List.of("--seeds", "" + plan.seeds(),
                    "--trials", "" + plan.trials(), "--at", join(plan.at()),
                    "--long-seeds", "" + CmaesQmcQuality.longSeeds(quick)), notes, progress));
        }
        notes.add(plan.trials() + " trials per study, seeds 0.." + (plan.seeds() - 1)
                + (plan.extendedSeeds() > 0 ? " (extended part: each system's default TPE and Osprey's `tpe_optuna`, seeds 0.."
                + (plan.extendedSeeds() - 1) + ")" : "")
                + ", cells = median [q25, q75] across seeds (linear-interpolation percentiles, as numpy)."
                + " Every study runs alone, one after another"
                + (withOptuna ? ": Osprey's first, then Optuna's." : "."));
        notes.add("Osprey ran a JIT warm-up first (one unrecorded 100-trial study per function for each TPE variant).");
        return QualityReport.render(rows);
    }

    private static String workload(boolean quick, OptunaPeer peer, boolean withOptuna, List<Map<String, Object>> rows,
                                   List<String> notes, Consumer<String> progress) {
        WorkloadSuite.Plan plan = quick ? WorkloadSuite.Plan.quick() : WorkloadSuite.Plan.full();
        Path example = WorkloadSuite.scikitLearnExample();
        Path scripts = Path.of(System.getProperty("osprey.bench.scripts", "benchmarks/python"));
        String versions = peer.evaluate("import sklearn, platform; print('scikit-learn ' + sklearn.__version__"
                + " + ', Python ' + platform.python_version())").orElseThrow(() -> new IllegalStateException(
                peer.python() + " cannot import sklearn: apt-get install python3-sklearn"));
        try (PythonObjective python = new PythonObjective(peer.python(), scripts, example)) {
            rows.addAll(WorkloadSuite.run(plan, python, progress));
        }
        if (withOptuna) {
            rows.addAll(optunaRows(peer, "workload.py", List.of("optuna", "--example", example.toString(),
                    "--seeds", "" + plan.seeds(), "--trials", "" + plan.trials(), "--at", join(plan.at())), notes,
                    progress));
        }
        notes.add("Objectives: the stratified " + WorkloadSuite.FOLDS + "-fold cross-validated log-loss (lower is better)"
                + " on the Breast Cancer Wisconsin (Diagnostic) data (569 rows, 30 features). **scikit-learn** ("
                + versions + "): `objective.cross_validated_log_loss` of `examples/scikit-learn`, the function its"
                + " `@hydra.main` app returns, over the app's conditional space (the family gbdt or rf, then that"
                + " family's 4 or 5 hyperparameters); model and folds seeded by the study's seed. Osprey's samplers"
                + " call it through one long-lived Python process (`workload.py serve`, one JSON line each way),"
                + " Optuna's default `TPESampler(seed=seed)` calls it directly through its own API (`workload.py"
                + " optuna`). **Smile** (Java, Osprey only): `TuneBoostedTrees.crossValidatedLogLoss` (Smile 4.4.2"
                + " gradient tree boosting) over trees 10..100 step 10, maxDepth 2..6, shrinkage 0.01..0.5 (log),"
                + " subsample 0.5..1, nodeSize 2..30, folds seeded 2026.");
        notes.add(plan.trials() + " trials per study, seeds 0.." + (plan.seeds() - 1) + ", one study at a time, no"
                + " pruning; cells are median [q25, q75] over seeds. Samplers: " + WorkloadSuite.SAMPLERS.stream()
                .map(s -> "`" + s.name() + "` = " + s.means()).collect(Collectors.joining("; ")) + ". **Overhead** is"
                + " the study's wall time less the objective's own time (measured inside the objective: in Python for"
                + " scikit-learn, around the call for Smile), per trial; for Osprey on scikit-learn it includes the"
                + " JSON round trip to the Python process. Osprey ran a JIT warm-up first (12 unrecorded Smile trials"
                + " per sampler).");
        return WorkloadReport.render(rows, plan.at());
    }

    private static String multiObjective(boolean quick, OptunaPeer peer, boolean withOptuna,
                                         List<Map<String, Object>> rows, List<String> notes, Consumer<String> progress) {
        MultiObjectiveSuite.Plan plan = quick ? MultiObjectiveSuite.Plan.quick() : MultiObjectiveSuite.Plan.full();
        rows.addAll(MultiObjectiveSuite.run(plan, progress));
        double cap = quick ? OPTUNA_QUICK_CAP_S : MULTI_OBJECTIVE_OPTUNA_CAP_S;
        if (withOptuna) {
            rows.addAll(optunaRows(peer, "multiobjective.py", List.of("--seeds", "" + plan.seeds(),
                    "--at", join(plan.at()), "--cap", "" + cap), notes, progress));
        }
        notes.add("Problems: ZDT1 and ZDT2 (30 variables, reference point (1.1, 11), which covers every value they take"
                + " since f1 <= 1 and f2 <= g <= 10; the best fronts reach 11.767 and 11.433), DTLZ2 (3 objectives,"
                + " 12 variables, reference (3.5, 3.5, 3.5), which covers f <= 1 + g <= 3.5; best 42.875 - pi/6 = 42.351)"
                + " and C2-DTLZ2 (DTLZ2 with Jain and Deb's constraint, r = 0.4, same reference; infeasible trials"
                + " count for nothing). Seeds 0.." + (plan.seeds() - 1) + "; cells are median [q25, q75] over the"
                + " seeds that reached the budget. Osprey: NSGA-II and NSGA-III with their defaults (population 50,"
                + " uniform crossover), TPE (multi-objective) and random; Optuna 3.1: NSGAIISampler, TPESampler and"
                + " RandomSampler, each with seed=s and constraints_func for C2-DTLZ2. ms/trial: the mean wall time of"
                + " the 100 trials before the last budget (ask, objective, tell), on a machine other builds shared.");
        notes.add("Time caps: each Osprey study " + (long) plan.capSeconds() + " s, each Optuna study " + (long) cap
                + " s; a study stopped by its cap counts only at the budgets it reached (column 'trials reached').");
        return MultiObjectiveReport.render(rows, plan.at());
    }

    /** Optuna 3.1's multi-objective TPE needs about a second per trial at 30 variables: its studies are capped. */
    static final double MULTI_OBJECTIVE_OPTUNA_CAP_S = 30;

    private static String overhead(boolean quick, OptunaPeer peer, boolean withOptuna,
                                   List<Map<String, Object>> rows, List<String> notes, Consumer<String> progress) {
        OverheadSuite.Plan plan = quick ? OverheadSuite.Plan.quick() : OverheadSuite.Plan.full();
        rows.addAll(OverheadSuite.run(plan, progress));
        double cap = quick ? OPTUNA_QUICK_CAP_S : OPTUNA_CAP_S;
        if (withOptuna) {
            rows.addAll(optunaRows(peer, "overhead.py", List.of("--ns", join(plan.ns()), "--cap", "" + cap),
                    notes, progress));
        }
        rows.addAll(CmaesQmcOverhead.run(plan, progress));
        if (withOptuna) {
            rows.addAll(optunaRows(peer, "overhead_cmaes_qmc.py", List.of("--ns", join(plan.ns()), "--cap", "" + cap),
                    notes, progress));
        }
        notes.add("In-memory storage, one process, sizes n = " + join(plan.ns()) + ". Osprey ran a JIT warm-up first"
                + " (an unrecorded " + plan.warmUp() + "-trial study per sampler); each Osprey study is `grown`,"
                + " capped at " + (long) plan.capSeconds() + " s.");
        if (withOptuna) {
            notes.add("Optuna: each sampler's study is `grown` until it reaches the largest n or its " + (long) cap
                    + " s cap; sizes it did not reach are measured `prefilled` (pre-filling and the 100 timed trials"
                    + " are each capped at " + (long) cap + " s; fewer timed trials are marked).");
        }
        return OverheadReport.render(rows);
    }

    private static String storage(boolean quick, OptunaPeer peer, boolean withOptuna,
                                  List<Map<String, Object>> rows, List<String> notes, Consumer<String> progress) {
        StorageSuite.Plan plan = quick ? StorageSuite.Plan.quick() : StorageSuite.Plan.full();
        Optional<BenchDatabases.Postgres> pg = BenchDatabases.Postgres.fromEnvironment(System::getenv);
        String pgStatus = System.getProperty("osprey.bench.pg", "given by " + BenchDatabases.PG_URL_ENV);
        double[] fsync = BenchDatabases.fsyncMs(50);
        String versions = peer.evaluate("import sqlalchemy, sqlite3, platform; print('SQLAlchemy '"
                + " + sqlalchemy.__version__ + ', Python ' + platform.python_version() + ', SQLite '"
                + " + sqlite3.sqlite_version)").orElse("SQLAlchemy/SQLite versions unknown");
        boolean optunaPg = withOptuna && pg.isPresent() && peer.evaluate("import psycopg2").isPresent();
        notes.add(versions + ", " + pg.map(BenchDatabases.Postgres::version).orElse("no PostgreSQL") + " ("
                + pgStatus + "), " + Runtime.getRuntime().availableProcessors() + " CPUs. fsync latency in the"
                + " temp dir: median " + Markdown.fixed(Stats.median(fsync), 2) + " ms, p90 "
                + Markdown.fixed(Stats.percentile(fsync, 90), 2) + " ms.");
        if (pg.isEmpty()) {
            progress.accept("WARNING: PostgreSQL is not available (" + pgStatus + "); measuring H2 only");
            notes.add("**PostgreSQL was not available** (" + pgStatus + "): no `postgres` rows; the PostgreSQL"
                    + " target is not evaluated.");
        } else if (withOptuna && !optunaPg) {
            notes.add("**Optuna on PostgreSQL was not measured**: `" + peer.python() + " -c \"import psycopg2\"`"
                    + " failed (install `python3-psycopg2`).");
        }
        notes.add("Caps: each Osprey grown study " + (long) plan.capSeconds() + " s (after a JIT warm-up: an"
                + " unrecorded " + plan.warmUp() + "-trial study per sampler and storage); each Optuna measurement"
                + " (a grown study; pre-filling; the 100 timed trials) " + (long) plan.optunaCapSeconds()
                + " s; a part-B round " + (long) plan.roundTimeoutSeconds() + " s. Part A sizes n = "
                + join(plan.ns()) + "; part B samplers " + String.join(", ", plan.partBSamplers()) + ", W = "
                + join(plan.workers()) + ", " + plan.trials() + " trials per round. Osprey's measurements run first, then Optuna's, one at a time.");
        rows.addAll(StorageSuite.partA(plan, pg, progress));
        rows.addAll(StorageSuite.partB(plan, pg, progress));
        if (withOptuna) {
            List<String> pgFlag = optunaPg ? List.of("--postgres") : List.of();
            List<String> a = new ArrayList<>(List.of("a", "--ns", join(plan.ns()), "--cap",
                    "" + plan.optunaCapSeconds()));
            a.addAll(pgFlag);
            rows.addAll(optunaRows(peer, "storage.py", a, notes, progress));
            List<String> b = new ArrayList<>(List.of("b", "--samplers", String.join(",", plan.partBSamplers()),
                    "--workers", join(plan.workers()), "--trials",
                    "" + plan.trials(), "--timeout", "" + plan.roundTimeoutSeconds()));
            b.addAll(pgFlag);
            rows.addAll(optunaRows(peer, "storage.py", b, notes, progress));
        }
        return StorageReport.render(rows);
    }

    /** Optuna's rows, or none and a visible note if its script failed (Osprey's rows are still written). */
    private static List<Map<String, Object>> optunaRows(OptunaPeer peer, String script, List<String> args,
                                                        List<String> notes, Consumer<String> progress) {
        try {
            return peer.run(script, args, progress);
        } catch (RuntimeException e) {
            progress.accept("optuna failed: " + e.getMessage());
            notes.add("**The Optuna run failed** (" + e.getMessage() + "): its rows are missing.");
            return List.of();
        }
    }

    private static String header(String suite, boolean quick, Instant started, double wall, OptunaPeer peer,
                                 Optional<String> optuna, List<String> notes) {
        Map<String, Object> m = ResultWriter.machine();
        StringBuilder h = new StringBuilder("## Osprey benchmark: " + suite + (quick ? " (quick)" : "") + "\n\n");
        h.append("Started ").append(started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(" on ")
                .append(m.get("os")).append(", ").append(m.get("cores")).append(" cores, Java ").append(m.get("java"))
                .append("; total wall ").append(Markdown.fixed(wall, 0)).append(" s")
                .append(loadAverage().map(l -> "; load average at the end (1, 5, 15 min): " + l).orElse(""))
                .append(". Absolute times on shared machines drift from run to run; compare rows of one run.\n\n");
        if (suite.equals(HydraSuite.NAME)) {
            h.append("Hydra with the hydra-optuna-sweeper plugin ran side by side in the same invocation, on the"
                    + " same project.\n\n");
        } else if (suite.equals(LaunchSuite.NAME)) {
            h.append("The peers (xargs, task-spooler, Slurm) ran side by side in the same invocation where installed.\n\n");
        } else if (OPTUNA_SUITES.contains(suite) && optuna.isPresent()) {
            h.append("Optuna ").append(optuna.get()).append(" (`").append(peer.python())
                    .append("`) ran side by side in the same invocation.\n\n");
        } else if (OPTUNA_SUITES.contains(suite)) {
            h.append("**Optuna is not installed** (`").append(peer.python()).append(" -c \"import optuna\"` failed):"
                    + " only Osprey's rows are shown. Install `python3-optuna` to compare.\n\n");
        }
        notes.forEach(n -> h.append(n).append("\n\n"));
        return h.toString();
    }

    /** The 1, 5 and 15 minute load averages (Linux), a hint of how busy the machine was. */
    private static Optional<String> loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Optional.of(parts[0] + ", " + parts[1] + ", " + parts[2]);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String join(int[] xs) {
        return Arrays.stream(xs).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem);
        System.err.println("usage: benchmarks/bench SUITE [--quick] [--out DIR]   (suites: " + String.join(", ", SUITES)
                + ")");
        System.err.println("       benchmarks/bench conformance [FILE...] [--out DIR]   (corpus files or folders)");
        System.exit(2);
    }
}
