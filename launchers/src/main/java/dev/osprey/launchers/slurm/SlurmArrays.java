package dev.osprey.launchers.slurm;

import dev.osprey.launchers.BatchSubmission;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.JobWrapper;
import dev.osprey.launchers.internal.RemoteJob;
import dev.osprey.launchers.protocol.ProgramCommand;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch of jobs as Slurm job arrays: one {@code sbatch --array=0-(n-1)%N} for jobs that ask for
 * the same resources, instead of one sbatch per job. Task K runs {@code osprey-array.sh ARRAYDIR},
 * which reads {@code ARRAYDIR/K.task} ({@link ArrayTaskFile}) and runs the job wrapper for its job
 * as a job submitted alone would run, so each job keeps its directory, its variables and its
 * {@code result.json}. Each job is then followed as the array task {@code ARRAYID_K}: cancelling
 * it cancels that task alone.
 *
 * <p>All of a batch's jobs stay within one cap of {@code N} running at once: when the batch needs
 * several arrays (jobs with different resources, or more jobs than the cluster's
 * {@code MaxArraySize} allows in one array), each array starts after the one before has ended
 * ({@code --dependency=afterany}), and each is capped at {@code N}.
 */
final class SlurmArrays implements BatchSubmission {

    private static final System.Logger LOG = System.getLogger(SlurmArrays.class.getName());
    static final String SCRIPT = "osprey-array.sh";
    private static final byte[] SCRIPT_TEXT = load();
    private static final Pattern MAX_ARRAY_SIZE = Pattern.compile("(?m)^\\s*MaxArraySize\\s*=\\s*(\\d+)");
    /** Slurm's own default, when the controller does not say. */
    private static final int DEFAULT_MAX_ARRAY_SIZE = 1001;

    private final SlurmLauncher launcher;
    private final boolean enabled;
    /** The {@code max_array_size} setting: at most this many tasks per array, even where the cluster allows more. */
    private final int sizeLimit;
    private volatile Integer maxArraySize;

    SlurmArrays(SlurmLauncher launcher, boolean enabled, int sizeLimit) {
        this.launcher = launcher;
        this.enabled = enabled;
        this.sizeLimit = sizeLimit;
    }

    /** Whether batches go to Slurm as arrays: enabled, and the cluster allows arrays of two tasks or more. */
    boolean usable() {
        return enabled && maxArraySize() >= 2;
    }

    @Override
    public List<JobHandle> submitAll(List<Job> jobs, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("slurm launcher: the jobs of an array that may run at once (%N) must be"
                    + " at least 1, got " + parallelism);
        }
        List<SlurmLauncher.Prepared> prepared = jobs.stream().map(launcher::prepare).toList();
        JobHandle[] handles = new JobHandle[jobs.size()];
        // jobs that ask for the same sbatch options share an array, in the order of their first job
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            SlurmLauncher.Prepared p = prepared.get(i);
            if (p.rejection() != null) {
                handles[i] = launcher.rejected(p.job(), p.rejection());
            } else {
                groups.computeIfAbsent(p.resources(), k -> new ArrayList<>()).add(i);
            }
        }
        int max = Math.min(sizeLimit, maxArraySize());
        List<List<Integer>> arrays = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            for (int from = 0; from < group.size(); from += max) {
                arrays.add(group.subList(from, Math.min(group.size(), from + max)));
            }
        }
        int largest = groups.values().stream().mapToInt(List::size).max().orElse(0);
        if (largest > max) {
            LOG.log(System.Logger.Level.WARNING, "slurm launcher: " + largest + " jobs are more than one array may hold ("
                    + (max < maxArraySize() ? "osprey.launcher.max_array_size=" + max
                    : "the cluster's MaxArraySize, " + max + ", in scontrol show config") + "): they go to Slurm as "
                    + arrays.size() + " arrays, each starting after the one before");
        }
        String previous = null;
        for (List<Integer> array : arrays) {
            List<SlurmLauncher.Prepared> tasks = array.stream().map(prepared::get).toList();
            Submitted submitted = submitArray(tasks, parallelism, previous);
            for (int k = 0; k < array.size(); k++) {
                Job job = tasks.get(k).job();
                handles[array.get(k)] = submitted.refusal() == null ? launcher.watch(job, submitted.id() + "_" + k)
                        : launcher.rejected(job, submitted.refusal());
            }
            previous = submitted.refusal() == null ? submitted.id() : previous;
        }
        return Arrays.asList(handles);
    }

    /** An array Slurm accepted under {@code id}, or refused ({@code refusal} says why). */
    private record Submitted(String id, String refusal) {
    }

    /** Submits one array of tasks, to start after the array {@code after} (if not null) has ended. */
    private Submitted submitArray(List<SlurmLauncher.Prepared> tasks, int parallelism, String after) {
        Job first = tasks.get(0).job();
        Path arrayDir;
        try {
            Path parent = first.directory().getParent() != null ? first.directory().getParent() : first.directory();
            arrayDir = Files.createTempDirectory(Files.createDirectories(parent.resolve(".osprey")), "slurm-array-");
            Files.write(arrayDir.resolve(SCRIPT), SCRIPT_TEXT);
            for (int k = 0; k < tasks.size(); k++) {
                SlurmLauncher.Prepared task = tasks.get(k);
                Path wrapper = JobWrapper.install(task.job().directory());
                RemoteJob.clearOutputs(task.job());
                ArrayTaskFile.write(arrayDir.resolve(k + ".task"), wrapper,
                        ProgramCommand.environment(task.program(), task.job()),
                        JobWrapper.arguments(task.job(), task.program()));
            }
        } catch (IOException e) {
            throw new LauncherException("slurm launcher: cannot write the array of jobs " + first.number() + "...: "
                    + e + "; check that the sweep's directory is writable", e);
        }
        List<String> resources = tasks.get(0).resources();
        String dir = arrayDir.toString();
        List<String> args = new ArrayList<>(List.of("--parsable",
                "--job-name=osprey-" + first.number() + "-" + tasks.get(tasks.size() - 1).job().number(),
                "--array=0-" + (tasks.size() - 1) + "%" + parallelism,
                "--output=" + dir.replace("%", "%%") + "/slurm-%A_%a.out", "--chdir=" + dir, "--export=ALL"));
        if (after != null) {
            args.add("--dependency=afterany:" + after);
        }
        args.addAll(resources);
        args.add(arrayDir.resolve(SCRIPT).toString());
        args.add(dir);
        Commands.Output out;
        try {
            out = launcher.commands().run("sbatch", args, Map.of(), arrayDir);
        } catch (IOException e) {
            throw new LauncherException("slurm launcher: cannot submit the array of jobs " + first.number() + "...: "
                    + e.getMessage(), e);
        }
        Optional<String> refused = launcher.refusal(out, "the array of " + tasks.size() + " jobs", resources);
        return refused.map(why -> new Submitted(null, why))
                .orElseGet(() -> new Submitted(SlurmLauncher.jobId(out, "an array of " + tasks.size() + " jobs"), null));
    }

    /** The cluster's MaxArraySize (scontrol show config), read once; tasks are numbered below it. */
    int maxArraySize() {
        Integer known = maxArraySize;
        if (known == null) {
            known = DEFAULT_MAX_ARRAY_SIZE;
            try {
                Commands.Output out = launcher.commands().run("scontrol", List.of("show", "config"), Map.of(), null);
                Matcher m = MAX_ARRAY_SIZE.matcher(out.stdout());
                if (out.ok() && m.find()) {
                    known = Integer.parseInt(m.group(1));
                }
            } catch (IOException | NumberFormatException e) {
                LOG.log(System.Logger.Level.WARNING, "slurm launcher: cannot read MaxArraySize from 'scontrol show"
                        + " config' (" + e.getMessage() + "); taking Slurm's default, " + DEFAULT_MAX_ARRAY_SIZE);
            }
            maxArraySize = known;
        }
        return known;
    }

    private static byte[] load() {
        try (InputStream in = SlurmArrays.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + SCRIPT + " is missing next to "
                        + SlurmArrays.class.getName() + "; the launchers jar is incomplete");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the resource " + SCRIPT + ": " + e, e);
        }
    }
}
