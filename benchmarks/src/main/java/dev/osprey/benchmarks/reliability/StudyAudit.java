package dev.osprey.benchmarks.reliability;

import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.protocol.ResultJson;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The promises a study and its job directories must keep after any fault, read from the database
 * and the disk once every osprey process of the scenario has ended:
 * <ul>
 *   <li>no trial is left RUNNING;</li>
 *   <li>the trials that count toward the budget (every state but WAITING) are exactly the budget;</li>
 *   <li>no job directory is named by two trials (its result would be told twice);</li>
 *   <li><b>lost</b>: every job whose {@code result.json} says COMPLETED has that value in the study,
 *       in the trial that names its directory;</li>
 *   <li><b>doubled</b> (grids): no point's work ran to completion, or holds a slot, in two trials. A
 *       failed trial's point running again is the grid's documented retry, not doubling; a point
 *       whose trial is FAIL although its job completed, and that ran again, is.</li>
 * </ul>
 */
record StudyAudit(List<TrialRecord> trials, Map<TrialState, Integer> states, int lost, int doubled,
                  List<String> problems) {

    /**
     * Audits {@code study}. {@code outputs} is searched for every {@code result.json}; relative job
     * directories are read against {@code cwd}. An empty {@code budget} skips the budget check.
     */
    static StudyAudit of(Backend backend, String study, Path outputs, Path cwd, OptionalInt budget, boolean grid)
            throws IOException {
        List<TrialRecord> trials;
        try (Storage storage = backend.open();
             Study loaded = Study.builder().name(study).storage(storage).heartbeatOff().load()) {
            trials = loaded.trials();
        }
        List<String> problems = new ArrayList<>();
        Map<TrialState, Integer> states = new EnumMap<>(TrialState.class);
        trials.forEach(t -> states.merge(t.state(), 1, Integer::sum));

        for (TrialRecord t : trials) {
            if (t.state() == TrialState.RUNNING) {
                problems.add("trial " + t.number() + " " + t.paramValues() + " left RUNNING");
            }
        }
        long held = trials.stream().filter(t -> t.state() != TrialState.WAITING).count();
        if (budget.isPresent() && held != budget.getAsInt()) {
            problems.add("the study holds " + held + " trials toward a budget of " + budget.getAsInt() + " " + states);
        }

        Map<Path, TrialRecord> byDir = new LinkedHashMap<>();
        for (TrialRecord t : trials) {
            if (t.userAttrs().get("osprey.job_dir") instanceof String dir) {
                TrialRecord other = byDir.put(cwd.resolve(dir).normalize(), t);
                if (other != null) {
                    problems.add("job directory " + dir + " is named by trials " + other.number() + " and " + t.number());
                }
            }
        }

        Map<Path, JobResult> results = results(outputs, problems);
        int lost = 0;
        for (Map.Entry<Path, JobResult> e : results.entrySet()) {
            JobResult result = e.getValue();
            if (result.status() != JobStatus.COMPLETED) {
                continue;
            }
            TrialRecord trial = byDir.get(e.getKey());
            if (trial == null || trial.state() != TrialState.COMPLETE || !trial.values().equals(result.values())) {
                lost++;
                problems.add("lost: " + e.getKey() + "/result.json says COMPLETED " + result.values() + ", but "
                        + (trial == null ? "no trial names that job directory"
                        : "trial " + trial.number() + " is " + trial.state() + " " + trial.values()
                        + trial.failReason().map(r -> " (" + Driver.Ended.abbreviate(r, 160) + ")").orElse("")));
            }
        }

        int doubled = 0;
        if (grid) {
            Map<Map<String, Object>, List<Integer>> ran = new LinkedHashMap<>();
            for (TrialRecord t : trials) {
                Path dir = t.userAttrs().get("osprey.job_dir") instanceof String d ? cwd.resolve(d).normalize() : null;
                boolean jobCompleted = dir != null && results.containsKey(dir)
                        && results.get(dir).status() == JobStatus.COMPLETED;
                boolean holds = t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED
                        || t.state() == TrialState.RUNNING;
                if (holds || jobCompleted) {
                    ran.computeIfAbsent(t.paramValues(), k -> new ArrayList<>()).add(t.number());
                }
            }
            for (Map.Entry<Map<String, Object>, List<Integer>> e : ran.entrySet()) {
                if (e.getValue().size() > 1) {
                    doubled += e.getValue().size() - 1;
                    problems.add("doubled: point " + e.getKey() + " ran in trials " + e.getValue());
                }
            }
        }
        return new StudyAudit(trials, states, lost, doubled, problems);
    }

    /** Every job's result under {@code outputs}, by its job directory. */
    private static Map<Path, JobResult> results(Path outputs, List<String> problems) throws IOException {
        Map<Path, JobResult> results = new LinkedHashMap<>();
        if (!Files.isDirectory(outputs)) {
            return results;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(outputs)) {
            files = walk.filter(p -> p.getFileName().toString().equals("result.json")).toList();
        }
        for (Path file : files) {
            try {
                results.put(file.getParent().toAbsolutePath().normalize(), ResultJson.read(file, -1));
            } catch (IOException e) {
                problems.add("unreadable " + file + ": " + e.getMessage());
            }
        }
        return results;
    }

    int count(TrialState state) {
        return states.getOrDefault(state, 0);
    }
}
