package dev.osprey.studydb;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Objective;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.StudyBuilder;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker of a shared study, run in a JVM of its own by the multi-process tests
 * ({@link WorkerProcess} starts it). Its arguments are {@code key=value} pairs:
 *
 * <ul>
 *   <li>{@code location}: the study database (credentials come from {@code OSPREY_STORAGE_USER}
 *       and {@code OSPREY_STORAGE_PASSWORD}, as for any application);</li>
 *   <li>{@code study}: the study, created or loaded;</li>
 *   <li>{@code trials}: the study-level budget handed to {@code optimize};</li>
 *   <li>{@code sampler}: {@code random} (default) or {@code tpe};</li>
 *   <li>{@code heartbeat}: {@code <interval ms>,<grace ms>}, else the defaults;</li>
 *   <li>{@code retries}: for {@code retryFailedTrials};</li>
 *   <li>{@code block}: when given, the objective of this worker's trial with that index (0 for
 *       its first) says {@code BLOCKED} and never returns: the worker is to be killed.</li>
 *   <li>{@code gate}: a file; when given, the worker's trials after its first wait until that file
 *       exists (the test opens the gate once a reader has seen the study mid-sweep).</li>
 * </ul>
 *
 * <p>It prints one line per finished trial, after the storage has committed it
 * ({@value #TOLD} number state value x k), and at the end one {@value #SUMMARY} line; then it
 * exits 0. Should the test that started it go away (its stdin reaches end of file), it halts.
 */
public final class StudyWorker {

    static final String OPENED = "OPENED";
    static final String TOLD = "TOLD";
    static final String BLOCKED = "BLOCKED";
    static final String SUMMARY = "SUMMARY";
    /** Exit status when the test that started the worker went away. */
    static final int ORPHANED = 3;

    private StudyWorker() {
    }

    /** The objective of every worker: its value is a function of its parameters, so any copy can be checked. */
    static final Objective OBJECTIVE = trial -> value(trial.suggestFloat("x", -10, 10),
            trial.suggestInt("k", 0, 1_000_000));

    static double value(double x, int k) {
        return x * x + k;
    }

    public static void main(String[] args) throws Exception {
        // a line per println, flushed at once: the test acts on each as it comes
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Map<String, String> options = parse(args);
        Thread watchdog = new Thread(StudyWorker::haltWhenOrphaned, "orphan-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        int block = Integer.parseInt(options.getOrDefault("block", "-1"));
        java.util.Optional<java.nio.file.Path> gate = java.util.Optional.ofNullable(options.get("gate"))
                .map(java.nio.file.Path::of);
        AtomicInteger started = new AtomicInteger();
        Objective objective = trial -> {
            double value = OBJECTIVE.evaluate(trial);
            int index = started.getAndIncrement();
            while (index > 0 && gate.isPresent() && !java.nio.file.Files.exists(gate.get())) {
                Thread.sleep(5);
            }
            if (index == block) {
                out.println(BLOCKED + " " + trial.number() + " " + trial.params().get("x") + " "
                        + trial.params().get("k"));
                new CountDownLatch(1).await(); // until killed
            }
            return value;
        };
        AtomicInteger told = new AtomicInteger();
        try (Storage storage = Storages.open(options.get("location"))) {
            Study study = builder(options, storage).createOrLoad();
            out.println(OPENED + " " + ProcessHandle.current().pid());
            try {
                study.optimize(objective, Budget.trials(Integer.parseInt(options.get("trials"))),
                        (s, trial) -> {
                            told.incrementAndGet();
                            out.println(line(trial));
                        });
            } finally {
                study.close();
            }
            out.println(SUMMARY + " pid=" + ProcessHandle.current().pid() + " told=" + told.get()
                    + " trials=" + study.trials().size());
        }
        System.exit(0);
    }

    private static StudyBuilder builder(Map<String, String> options, Storage storage) {
        StudyBuilder builder = Study.builder().name(options.get("study")).storage(storage)
                .sampler("tpe".equals(options.get("sampler")) ? Samplers.tpe() : Samplers.random());
        String heartbeat = options.get("heartbeat");
        if (heartbeat != null) {
            String[] millis = heartbeat.split(",");
            builder.heartbeat(Duration.ofMillis(Long.parseLong(millis[0])), Duration.ofMillis(Long.parseLong(millis[1])));
        }
        if (options.containsKey("retries")) {
            builder.retryFailedTrials(Integer.parseInt(options.get("retries")));
        }
        return builder;
    }

    /** number state value x k; the numbers in their shortest exact form (Double.toString round-trips). */
    static String line(TrialRecord trial) {
        return TOLD + " " + trial.number() + " " + trial.state() + " "
                + (trial.values().isEmpty() ? "-" : Double.toString(trial.value())) + " "
                + trial.paramValues().get("x") + " " + trial.paramValues().get("k");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments are key=value pairs, but got '" + arg + "'");
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        for (String required : new String[] {"location", "study", "trials"}) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing argument " + required + "=...");
            }
        }
        return options;
    }

    /** Never outlives the test: its stdin closes when the test's JVM ends. */
    private static void haltWhenOrphaned() {
        try {
            while (System.in.read() >= 0) {
                // the test writes nothing; end of file is the signal
            }
        } catch (IOException e) {
            // the same: the pipe is gone
        }
        Runtime.getRuntime().halt(ORPHANED);
    }
}
