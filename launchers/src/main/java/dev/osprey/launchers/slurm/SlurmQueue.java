package dev.osprey.launchers.slurm;

import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.QueueState;
import dev.osprey.launchers.internal.Scheduler;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Slurm cluster seen through its client commands: {@code squeue} for the states of many jobs in
 * one call, {@code scontrol show job} for how one ended, {@code scancel} to stop one. Ended jobs
 * stay visible for the cluster's {@code MinJobAge}; a job gone by then is read from its files.
 * A job id may name an array task ({@code 1234_7}): squeue lists each task of an array on its own
 * ({@code -r}), and scontrol and scancel take the task alone.
 *
 * <p>A job Slurm requeued in a held state ({@code scontrol requeuehold}, a held requeue after a
 * preemption) will not run again unless someone releases it: Osprey cannot follow it, so it counts
 * as preempted, and is cancelled once its result is decided, so that it cannot run later beside
 * the trial's retry.
 */
final class SlurmQueue implements Scheduler {

    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);
    /** Job ids per squeue call, to keep the command line short. */
    private static final int BATCH = 200;
    private static final Set<String> WAITING = Set.of("PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_HOLD",
            "REQUEUE_FED", "RESV_DEL_HOLD");
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "DEADLINE",
            "NODE_FAIL", "BOOT_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "SPECIAL_EXIT", "REVOKED");
    private static final Pattern EXIT_CODE = Pattern.compile("\\bExitCode=(\\d+):(\\d+)");
    private static final Pattern STD_OUT = Pattern.compile("\\bStdOut=(\\S+)");
    /** Slurm's states and pending reasons of a job requeued and held, which will not start by itself. */
    private static final Set<String> HELD = Set.of("REQUEUE_HOLD", "SPECIAL_EXIT");
    private static final String HELD_REASON = "requeued in held state";

    private final SlurmCommands commands;
    /** Jobs reported as requeued and held, to be cancelled once their result is decided. */
    private final Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SlurmQueue(SlurmCommands commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "Slurm";
    }

    @Override
    public boolean requeuesJobs() {
        return true;
    }

    @Override
    public Map<String, QueueState> states(Collection<String> ids) throws IOException {
        Map<String, QueueState> states = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            Commands.Output out = commands.run("squeue", List.of("-h", "-r", "-t", "all", "-o", "%i|%T|%r", "-j",
                    String.join(",", batch)), Map.of(), null);
            if (!out.ok()) {
                if (out.message().contains("Invalid job id")) {
                    continue; // none of them is known any more
                }
                throw new IOException("squeue failed: " + out.message());
            }
            for (String line : out.stdout().split("\n")) {
                String[] fields = line.strip().split("\\|", 3);
                if (fields.length < 2 || !batch.contains(fields[0])) {
                    continue;
                }
                String state = fields[1];
                String reason = fields.length > 2 ? fields[2] : "";
                if (HELD.contains(state) || reason.contains(HELD_REASON)) {
                    held.add(fields[0]);
                    states.put(fields[0], ended(fields[0], state, reason));
                    continue;
                }
                held.remove(fields[0]); // released meanwhile
                if (ENDED.contains(state)) {
                    states.put(fields[0], ended(fields[0], state, fields.length > 2 ? fields[2] : ""));
                } else {
                    states.put(fields[0], WAITING.contains(state) ? QueueState.QUEUED : QueueState.RUNNING);
                }
            }
        }
        return states;
    }

    private QueueState.Ended ended(String id, String state, String reason) throws IOException {
        Commands.Output show = commands.run("scontrol", List.of("show", "job", "-o", id), Map.of(), null);
        String text = show.ok() ? show.stdout() : "";
        Matcher code = EXIT_CODE.matcher(text);
        OptionalInt exit = OptionalInt.empty();
        String how = (held.contains(id) ? "was requeued and is held: " : "ended ") + state
                + (reason.isBlank() || reason.equals("None") ? "" : " (" + reason + ")");
        if (code.find()) {
            int signal = Integer.parseInt(code.group(2));
            if (signal == 0 && (state.equals("COMPLETED") || state.equals("FAILED"))) {
                exit = OptionalInt.of(Integer.parseInt(code.group(1)));
                how += " with exit code " + code.group(1);
            } else if (signal != 0) {
                how += ", killed by signal " + signal;
            }
        }
        Matcher out = STD_OUT.matcher(text);
        Optional<Path> output = out.find() ? Optional.of(Path.of(out.group(1))) : Optional.empty();
        JobStatus status = switch (state) {
            case "CANCELLED" -> JobStatus.CANCELLED;
            case "TIMEOUT", "DEADLINE" -> JobStatus.TIMED_OUT;
            default -> JobStatus.FAILED;
        };
        if (state.equals("CANCELLED")) {
            how += "; it was cancelled outside Osprey (scancel, or an administrator)";
        } else if (status == JobStatus.TIMED_OUT) {
            how += "; it reached its Slurm time limit (osprey.launcher.time)";
        } else if (held.contains(id)) {
            how += "; it will not run again unless someone releases it (scontrol release), so Osprey cannot follow"
                    + " it and cancels it";
        } else if (state.equals("PREEMPTED")) {
            how += "; Slurm stopped it for another job and did not requeue it (sbatch --requeue lets it"
                    + " run again as the same trial)";
        } else if (state.equals("NODE_FAIL")) {
            how += "; its node failed (sbatch --requeue lets it run again as the same trial)";
        } else if (state.equals("OUT_OF_MEMORY")) {
            how += "; it used more memory than it asked for (osprey.launcher.mem)";
        }
        return new QueueState.Ended(status, exit, how, output, state.equals("PREEMPTED") || held.contains(id));
    }

    @Override
    public void forget(String id) {
        if (held.remove(id)) {
            try {
                cancel(id, List.of(id));
            } catch (IOException e) {
                System.getLogger(SlurmQueue.class.getName()).log(System.Logger.Level.WARNING, "cannot cancel the held"
                        + " Slurm job " + id + ": " + e.getMessage() + "; cancel it by hand (scancel " + id + ")");
            }
        }
    }

    @Override
    public void stop(String id) throws IOException {
        cancel(id, List.of(id));
    }

    @Override
    public void kill(String id) throws IOException {
        cancel(id, List.of("--signal=KILL", "--full", id));
    }

    private void cancel(String id, List<String> args) throws IOException {
        Commands.Output out = commands.run("scancel", args, Map.of(), null);
        String message = out.message();
        if (!out.ok() && !message.contains("Invalid job id") && !message.contains("already completing or completed")
                && !message.contains("Job/step already")) {
            throw new IOException("scancel " + id + " failed: " + message);
        }
    }
}
