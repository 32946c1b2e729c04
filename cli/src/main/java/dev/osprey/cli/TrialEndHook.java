package dev.osprey.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobResult;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.sweeper.SweepListener;
import dev.osprey.sweeper.SweepSummary;
import dev.osprey.sweeper.Sweeper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code --on-trial-end}: runs a program after each finished trial (complete, pruned or failed),
 * with the trial as JSON on its stdin and {@code OSPREY_*} variables, never through a shell. The
 * programs run one at a time, in the order the trials ended, on a thread of their own: the sweep
 * never waits for them, except at its end, for those still queued. A program that fails or runs
 * longer than {@link #TIMEOUT_S} seconds is a warning, never the sweep's failure; its stdout is
 * ignored.
 */
final class TrialEndHook implements SweepListener {

    static final long TIMEOUT_S = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int STDERR_TAIL_LINES = 5;

    private final List<List<String>> commands;
    private final String study;
    private final String storage;
    private final Consumer<String> warnings;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "on-trial-end");
        t.setDaemon(true);
        return t;
    });

    /** @param commands the programs with their arguments, run in this order after each trial */
    TrialEndHook(List<List<String>> commands, String study, String storage, Consumer<String> warnings) {
        this.commands = commands.stream().map(List::copyOf).toList();
        this.study = study;
        this.storage = storage;
        this.warnings = warnings;
    }

    @Override
    public void jobEnded(Job job, JobResult result, TrialRecord trial) {
        if (!trial.state().isFinished()) {
            return;
        }
        Object jobDir = trial.userAttrs().getOrDefault(Sweeper.ATTR_JOB_DIR, job == null ? null : job.directory().toString());
        commands.forEach(command -> runner.execute(() -> run(command, trial, jobDir)));
    }

    @Override
    public void sweepEnded(SweepSummary summary) {
        runner.shutdown();
        try {
            runner.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS); // each run is bounded by TIMEOUT_S
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The trial as the program reads it on stdin. */
    static Map<String, Object> json(String study, TrialRecord trial, Object jobDir) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("study", study);
        out.put("number", trial.number());
        out.put("state", trial.state().name());
        out.put("values", trial.values().stream().map(v -> Double.isFinite(v) ? (Object) v : String.valueOf(v)).toList());
        out.put("params", trial.paramValues());
        Map<String, Object> intermediate = new LinkedHashMap<>();
        trial.intermediateValues().forEach((step, v) -> intermediate.put(step.toString(),
                Double.isFinite(v) ? v : String.valueOf(v)));
        out.put("intermediate_values", intermediate);
        out.put("user_attrs", trial.userAttrs());
        out.put("fail_reason", trial.failReason().orElse(null));
        out.put("job_dir", jobDir);
        return out;
    }

    private void run(List<String> command, TrialRecord trial, Object jobDir) {
        String name = command.get(0);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            env.put("OSPREY_STUDY", study);
            env.put("OSPREY_STORAGE", storage);
            env.put("OSPREY_TRIAL_NUMBER", Integer.toString(trial.number()));
            env.put("OSPREY_TRIAL_STATE", trial.state().name());
            env.put("OSPREY_TRIAL_VALUES", trial.values().stream().map(String::valueOf).collect(Collectors.joining(",")));
            Process process = builder.start();
            // read before writing stdin: a program that fills its stderr first must not block
            var errorStream = process.getErrorStream();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> {
                try {
                    return errorStream.readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            byte[] input = JSON.writeValueAsBytes(json(study, trial, jobDir));
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            } catch (IOException e) {
                // the program did not read its stdin: that is its choice
            }
            boolean ended = process.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
                warnings.accept("--on-trial-end " + name + " for trial " + trial.number() + " ran longer than "
                        + TIMEOUT_S + " s and was stopped");
                return;
            }
            if (process.exitValue() != 0) {
                List<String> lines = new String(stderr.join(), StandardCharsets.UTF_8).lines().toList();
                String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
                warnings.accept("--on-trial-end " + name + " for trial " + trial.number() + " exited with status "
                        + process.exitValue() + (tail.isBlank() ? "" : ": " + tail));
            }
        } catch (IOException e) {
            warnings.accept("--on-trial-end " + name + " for trial " + trial.number() + " could not run: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
