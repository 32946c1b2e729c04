package dev.osprey.launchers.tsp;

import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.QueueState;
import dev.osprey.launchers.internal.Scheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One task-spooler queue (one {@code TS_SOCKET}), driven through the {@code tsp} command:
 * {@code tsp -l} for the states of all jobs in one call, {@code tsp -i} for how a job ended,
 * {@code tsp -r} / {@code tsp -k} to stop one.
 */
final class TspQueue implements Scheduler {

    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);
    private static final Pattern LIST_LINE = Pattern.compile("^\\s*(\\d+)\\s+(\\S+)");
    private static final Pattern EXIT_CODE = Pattern.compile("Exit status: died with exit code (-?\\d+)");
    private static final Pattern SIGNAL = Pattern.compile("Exit status: killed by signal (\\d+)");

    private final String tsp;
    private final Map<String, String> environment;
    /** The processes of jobs being stopped, taken before SIGTERM so that SIGKILL finds orphans too. */
    private final Map<String, List<ProcessHandle>> stopping = new ConcurrentHashMap<>();

    /**
     * @param tsp         the tsp executable
     * @param environment TS_SOCKET and TMPDIR of the queue
     */
    TspQueue(String tsp, Map<String, String> environment) {
        this.tsp = tsp;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "task-spooler";
    }

    /** Runs {@code tsp ARGS...} against this queue. */
    Commands.Output run(List<String> args, Map<String, String> extraEnvironment, Path directory) throws IOException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(tsp);
        command.addAll(args);
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.putAll(environment);
        return Commands.run(command, env, directory, COMMAND_LIMIT);
    }

    Commands.Output run(String... args) throws IOException {
        return run(List.of(args), Map.of(), null);
    }

    @Override
    public Map<String, QueueState> states(Collection<String> ids) throws IOException {
        Commands.Output list = run("-l");
        if (!list.ok()) {
            throw new IOException("tsp -l failed: " + list.message());
        }
        Set<String> wanted = new HashSet<>(ids);
        Map<String, String> seen = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String line : list.stdout().split("\n")) {
            Matcher m = LIST_LINE.matcher(line);
            if (m.find() && wanted.contains(m.group(1))) {
                // a job's command line may span lines; a second line for the same id is not trusted
                if (seen.put(m.group(1), m.group(2)) != null) {
                    ambiguous.add(m.group(1));
                }
            }
        }
        Map<String, QueueState> states = new HashMap<>();
        for (Map.Entry<String, String> entry : seen.entrySet()) {
            String id = entry.getKey();
            String state = ambiguous.contains(id) ? stateOf(id) : entry.getValue();
            if (state != null) {
                states.put(id, switch (state) {
                    case "queued" -> QueueState.QUEUED;
                    case "finished" -> ended(id);
                    case "skipped" -> new QueueState.Ended(JobStatus.FAILED, OptionalInt.empty(),
                            "was skipped (a job it depended on failed)", Optional.empty());
                    default -> QueueState.RUNNING; // running, allocating
                });
            }
        }
        return states;
    }

    /** {@code tsp -s ID}, or null when tsp does not know the job. */
    private String stateOf(String id) throws IOException {
        Commands.Output out = run("-s", id);
        return out.ok() ? out.stdout().strip() : null;
    }

    private QueueState.Ended ended(String id) throws IOException {
        Commands.Output info = run("-i", id);
        Commands.Output output = run("-o", id);
        Optional<Path> file = output.ok() && !output.stdout().isBlank()
                ? Optional.of(Path.of(output.stdout().strip())).filter(Files::isRegularFile)
                : Optional.empty();
        Matcher code = EXIT_CODE.matcher(info.stdout());
        if (code.find()) {
            int exit = Integer.parseInt(code.group(1));
            if (exit < 0) {
                return new QueueState.Ended(JobStatus.FAILED, OptionalInt.empty(),
                        "could not be run (tsp says E-Level " + exit + ")", file);
            }
            return new QueueState.Ended(JobStatus.FAILED, OptionalInt.of(exit), "exited with code " + exit, file);
        }
        Matcher signal = SIGNAL.matcher(info.stdout());
        if (signal.find()) {
            return new QueueState.Ended(JobStatus.CANCELLED, OptionalInt.empty(),
                    "was killed by signal " + signal.group(1), file);
        }
        return new QueueState.Ended(JobStatus.FAILED, OptionalInt.empty(),
                "finished, but tsp -i does not say how (" + info.message() + ")", file);
    }

    @Override
    public void stop(String id) throws IOException {
        String state = stateOf(id);
        if (state == null || state.equals("finished") || state.equals("skipped")) {
            return;
        }
        if (state.equals("queued") && run("-r", id).ok()) {
            return;
        }
        // running (or it started since): remember its processes, then SIGTERM its process group
        Commands.Output pid = run("-p", id);
        if (pid.ok() && pid.stdout().strip().matches("\\d+")) {
            ProcessHandle.of(Long.parseLong(pid.stdout().strip())).ifPresent(leader -> {
                List<ProcessHandle> family = new ArrayList<>(leader.descendants().toList());
                family.add(leader);
                stopping.put(id, family);
            });
        }
        Commands.Output kill = run("-k", id);
        if (!kill.ok() && !"finished".equals(stateOf(id))) {
            throw new IOException("tsp -k " + id + " failed: " + kill.message());
        }
    }

    @Override
    public void kill(String id) {
        List<ProcessHandle> family = stopping.remove(id);
        if (family != null) {
            family.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public void forget(String id) {
        stopping.remove(id);
    }
}
