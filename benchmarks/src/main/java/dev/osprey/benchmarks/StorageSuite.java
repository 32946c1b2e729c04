package dev.osprey.benchmarks;

import dev.osprey.optimizer.Study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Osprey's side of the storage suite. Part A: the cost of the n-th trial (ask, two suggestFloat,
 * tell, trivial objective) in one study grown trial by trial in a study database (a fresh H2 file
 * per study, and a fresh PostgreSQL schema per study where PostgreSQL is available), after a JIT
 * warm-up. Part B: W worker processes on one shared study ({@link SharedStudyRound}), on
 * PostgreSQL and on an H2 TCP server started here, with plain and with tuned worker JVMs
 * ({@link StorageWorkerJvm}).
 */
public final class StorageSuite {

    /**
     * Study sizes to read, the warm-up study's size, the time cap per grown study; part B's samplers, worker
     * counts, trials per round and the time limit of a round; and the time cap of each Optuna measurement.
     */
    public record Plan(int[] ns, int warmUp, double capSeconds, List<String> partBSamplers, int[] workers,
                       int trials, double roundTimeoutSeconds, double optunaCapSeconds) {

        public static Plan full() {
            return new Plan(new int[] {100, 1000, 3000}, 1000, 120, OverheadSuite.SAMPLERS, new int[] {1, 2, 4}, 500,
                    300, 90);
        }

        public static Plan quick() {
            return new Plan(new int[] {100, 150}, 150, 20, List.of("random"), new int[] {1, 2}, 20, 60, 8);
        }
    }

    static final String H2_FILE = "h2file";
    static final String H2_SERVER = "h2server";
    static final String POSTGRES = "postgres";

    private StorageSuite() {
    }

    /** Part A on an H2 file, and on PostgreSQL when {@code pg} is present. */
    public static List<Map<String, Object>> partA(Plan plan, Optional<BenchDatabases.Postgres> pg,
                                                  Consumer<String> progress) {
        List<String> storages = pg.isPresent() ? List.of(H2_FILE, POSTGRES) : List.of(H2_FILE);
        for (String storage : storages) {
            for (String sampler : OverheadSuite.SAMPLERS) {
                try (BenchDatabases.Fresh db = open(storage, pg)) {
                    Study study = study(db, sampler);
                    OverheadSuite.grow(study, plan.warmUp(), Double.POSITIVE_INFINITY);
                    study.close();
                }
            }
        }
        progress.accept("osprey warm-up done (" + plan.warmUp() + "-trial study per sampler on " + storages + ")");
        int maxN = Arrays.stream(plan.ns()).max().orElseThrow();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String storage : storages) {
            for (String sampler : OverheadSuite.SAMPLERS) {
                double[][] run;
                try (BenchDatabases.Fresh db = open(storage, pg)) {
                    Study study = study(db, sampler);
                    run = OverheadSuite.grow(study, maxN, plan.capSeconds());
                    study.close();
                }
                rows.addAll(OverheadSuite.costRows(sampler, storage, plan.ns(), run, plan.capSeconds(), progress));
            }
        }
        return rows;
    }

    /**
     * Part B on PostgreSQL when {@code pg} is present (a fresh schema per round), then on an H2 server; each
     * round once with plain worker JVMs and once with the tuned ones ({@link StorageWorkerJvm}).
     */
    public static List<Map<String, Object>> partB(Plan plan, Optional<BenchDatabases.Postgres> pg,
                                                  Consumer<String> progress) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Path cacheDir = temporaryDirectory("osprey-bench-jvm-");
        try (BenchDatabases.H2 server = BenchDatabases.H2.start()) {
            progress.accept("osprey: H2 server on port " + server.server().port());
            List<StorageWorkerJvm> jvms = List.of(StorageWorkerJvm.plain(),
                    tunedJvm(cacheDir, pg.isPresent() ? () -> BenchDatabases.postgres(pg.get()) : server::client,
                            progress));
            if (pg.isPresent()) {
                for (String sampler : plan.partBSamplers()) {
                    for (int w : plan.workers()) {
                        for (StorageWorkerJvm jvm : jvms) {
                            rows.add(round(POSTGRES, () -> BenchDatabases.postgres(pg.get()), sampler, w, jvm, plan,
                                    progress));
                        }
                    }
                }
            }
            for (String sampler : plan.partBSamplers()) {
                for (int w : plan.workers()) {
                    for (StorageWorkerJvm jvm : jvms) {
                        rows.add(round(H2_SERVER, server::client, sampler, w, jvm, plan, progress));
                    }
                }
            }
        } finally {
            BenchDatabases.deleteTree(cacheDir);
        }
        return rows;
    }

    /** The tuned worker JVM, its class cache made by a training worker on a database of its own. */
    private static StorageWorkerJvm tunedJvm(Path cacheDir, Supplier<BenchDatabases.Fresh> training,
                                             Consumer<String> progress) {
        try (BenchDatabases.Fresh db = training.get()) {
            Study.builder().name("training").storage(db.storage()).sampler(OverheadSuite.sampler("tpe")).seed(1)
                    .create().close();
            StorageWorkerJvm.Result tuned = StorageWorkerJvm.tuned(cacheDir, db.location(), db.workerEnv(),
                    "training");
            progress.accept("osprey: tuned worker JVM: " + tuned.jvm().how());
            return tuned.jvm();
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> round(String storage, Supplier<BenchDatabases.Fresh> fresh,
                                             String sampler, int workers, StorageWorkerJvm jvm, Plan plan,
                                             Consumer<String> progress) {
        Map<String, Object> row;
        try (BenchDatabases.Fresh db = fresh.get()) {
            row = SharedStudyRound.run(storage, db, sampler, workers, plan.trials(), plan.roundTimeoutSeconds(),
                    jvm);
        } catch (RuntimeException e) {
            row = Row.of("system", "osprey", "storage", storage, "sampler", sampler, "workers", workers,
                    "method", "processes", "metric", "trials_per_s", "budget", plan.trials(), "jvm", jvm.name(),
                    "jvm_options", jvm.shownOptions(), "errors", "the round failed: " + e);
        }
        progress.accept("osprey " + storage + " " + sampler + " W=" + workers + " (" + jvm.name() + "): "
                + Markdown.fixed(Row.num(row, "median"), 1) + " trials/s, " + row.get("trials") + " in DB, lost "
                + row.get("lost") + ", doubled " + row.get("doubled") + ", errors: " + row.get("errors"));
        return row;
    }

    private static BenchDatabases.Fresh open(String storage, Optional<BenchDatabases.Postgres> pg) {
        return storage.equals(POSTGRES) ? BenchDatabases.postgres(pg.orElseThrow()) : BenchDatabases.h2File();
    }

    private static Study study(BenchDatabases.Fresh db, String sampler) {
        return Study.builder().storage(db.storage()).sampler(OverheadSuite.sampler(sampler)).seed(0).create();
    }
}
