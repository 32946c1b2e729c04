package dev.osprey.sweeper;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.LocalProcess;
import dev.osprey.launchers.protocol.ProgramOutcome;
import dev.osprey.launchers.protocol.ResultJson;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the results of a fire-and-forget sweep into its study: every RUNNING trial that names a job
 * directory whose {@code result.json} exists is told what the job reported; so is one whose job's
 * wrapper recorded the program's exit code and has ended (its driver died before writing the result).
 *
 * @since 0.1
 */
public final class Collector {

    private Collector() {
    }

    /** What a collection did. */
    public record Collected(List<TrialRecord> told, int stillRunning, List<String> problems) {
    }

    public static Collected collect(Study study) {
        List<TrialRecord> told = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int running = 0;
        for (TrialRecord trial : study.trials()) {
            if (trial.state() != TrialState.RUNNING || !(trial.userAttrs().get(Sweeper.ATTR_JOB_DIR) instanceof String dir)) {
                continue;
            }
            JobFiles files = new JobFiles(Path.of(dir));
            JobResult result;
            if (Files.exists(files.result())) {
                try {
                    result = ResultJson.read(files.result(), trial.number());
                } catch (IOException e) {
                    problems.add("trial " + trial.number() + ": " + e.getMessage());
                    continue;
                }
            } else if (endedWithoutResult(files)) {
                // a process-launcher job whose driver died: its wrapper recorded the exit code
                result = ProgramOutcome.decide(trial.number(), files.recordedExitCode().orElseThrow(), files,
                        java.time.Duration.ZERO);
            } else {
                running++;
                continue;
            }
            result = ResultFit.requireConstraints(ResultFit.fit(result, study.objectiveNames()), study.trials());
            if (result.isCompleted() && !result.constraints().isEmpty()) {
                Map<String, Double> named = ResultFit.namedConstraints(result);
                if (named != null) {
                    study.storage().setTrialSystemAttr(trial.id(), TrialRecord.CONSTRAINT_NAMES,
                            List.copyOf(named.keySet()));
                }
                study.storage().setTrialSystemAttr(trial.id(), TrialRecord.CONSTRAINTS,
                        java.util.Arrays.stream(ResultFit.constraints(result)).boxed().toList());
            }
            told.add(switch (result.status()) {
                case COMPLETED -> study.tell(trial.number(), result.values().stream().mapToDouble(Double::doubleValue).toArray());
                case PRUNED -> study.tell(trial.number(), TrialState.PRUNED);
                case FAILED, TIMED_OUT, CANCELLED -> study.tellFailed(trial.number(),
                        result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + result.error());
            });
        }
        return new Collected(told, running, problems);
    }

    /** Whether the job's wrapper recorded an exit code and no longer runs. */
    private static boolean endedWithoutResult(JobFiles files) {
        return files.recordedExitCode().isPresent()
                && LocalProcess.read(files.process()).map(p -> !p.isRunning()).orElse(true);
    }
}
