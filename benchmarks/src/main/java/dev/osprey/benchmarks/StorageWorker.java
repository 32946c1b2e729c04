package dev.osprey.benchmarks;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One worker process of the storage suite's part B: {@code StorageWorker LOCATION STUDY SAMPLER TOTAL OUT}.
 * Opens the study database at LOCATION (credentials from {@code OSPREY_STORAGE_USER} and
 * {@code OSPREY_STORAGE_PASSWORD}), loads the study created beforehand and runs
 * {@code study.optimize(objective, Budget.trials(TOTAL))} with the suite's trivial objective. Every
 * trial it tells is written to OUT as "number value", after a line "# ready S" (seconds from the JVM's
 * start until the study was loaded); then "# cpu S" (the CPU seconds the process used, start-up
 * included) and, last, "# done", or "# error ..." (and the exit status 1) if the worker failed.
 */
public final class StorageWorker {

    private StorageWorker() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: StorageWorker LOCATION STUDY SAMPLER TOTAL OUT");
            System.exit(2);
        }
        int total = Integer.parseInt(args[3]);
        boolean failed = false;
        try (PrintWriter told = new PrintWriter(Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8))) {
            try (Storage storage = Storages.open(args[0])) {
                Study study = Study.builder().name(args[1]).storage(storage)
                        .sampler(OverheadSuite.sampler(args[2])).load();
                told.println("# ready " + ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
                try {
                    study.optimize(trial -> {
                        double x = trial.suggestFloat("x", -10, 10);
                        double y = trial.suggestFloat("y", -10, 10);
                        return x * x + y * y;
                    }, Budget.trials(total), (s, record) -> {
                        if (record.state() == TrialState.COMPLETE) {
                            told.println(record.number() + " " + record.value());
                        }
                    });
                } finally {
                    study.close();
                }
                if (ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
                    told.println("# cpu " + os.getProcessCpuTime() / 1e9);
                }
                told.println("# done");
            } catch (RuntimeException | Error e) {
                // the failure is the measurement: report it and exit non-zero
                String message = String.valueOf(e.getMessage()).strip().split("\n")[0];
                told.println("# error " + e.getClass().getSimpleName() + ": "
                        + message.substring(0, Math.min(200, message.length())));
                failed = true;
            }
        }
        if (failed) {
            System.exit(1);
        }
    }
}
