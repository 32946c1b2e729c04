package dev.osprey.launchers.process;

import dev.osprey.launchers.internal.Commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Python interpreter running {@code osprey_worker.py}, which runs jobs one at a time: a request
 * line on its stdin, an answer line ({@code {"exit": N}}) on its stdout. Where {@code setsid} exists
 * the worker leads a session and process group of its own, so that stopping a job stops everything
 * the job started (the group), and the driver's terminal signals do not reach it.
 */
final class PythonWorker {

    private static final Optional<Path> SETSID = Commands.find("setsid");
    private static final Pattern ANSWER = Pattern.compile("\\{\\s*\"exit\"\\s*:\\s*(-?\\d+)\\s*}");

    private final WorkerSpec spec;
    private final Process process;
    private final Writer requests;
    private final BufferedReader answers;
    private final Path log;
    private final boolean ownGroup;

    private PythonWorker(WorkerSpec spec, Process process, Path log, boolean ownGroup) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.ownGroup = ownGroup;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        process.onExit().thenAccept(p -> died(current));
    }

    /** The answer of the job the worker runs now, or ran last. */
    private volatile CompletableFuture<Answer> current;

    /** A worker that died answers for it with its own exit code. */
    private void died(CompletableFuture<Answer> answer) {
        if (answer != null && !process.isAlive()) {
            answer.complete(new Answer(process.exitValue(), false));
        }
    }

    /**
     * Starts a worker: {@code INTERPRETER -u SCRIPT} in {@code directory}, its own stderr (what it
     * says between jobs, such as why it could not start) appended to {@code log}.
     */
    static PythonWorker start(WorkerSpec spec, Path script, Path directory, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(spec.interpreter());
        command.add("-u");
        command.add(script.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        return new PythonWorker(spec, builder.start(), log, SETSID.isPresent());
    }

    WorkerSpec spec() {
        return spec;
    }

    long pid() {
        return process.pid();
    }

    /** Where the worker's own stderr goes. */
    Path log() {
        return log;
    }

    /**
     * How much of the log was there before the current job: nothing for a new worker (its log is
     * its own, and an interpreter that cannot start may have written it all before the job was
     * handed over), the log's size when the worker was last given back.
     */
    private volatile long logMark;

    long logMark() {
        return logMark;
    }

    /** Marks the log's end: what comes later is the next job's. */
    void markLog() {
        try {
            logMark = java.nio.file.Files.size(log);
        } catch (IOException e) {
            // keep the old mark: more of the log is shown rather than less
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Hands the worker one job; the future completes with the job's exit code when the worker
     * answers, or with the worker's own exit code when it dies first (a job that calls
     * {@code os._exit(3)} ends with 3, one killed by a signal with 128 + the signal).
     */
    CompletableFuture<Answer> run(String request) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        current = answer;
        died(answer); // a worker that died before this job never answers
        try {
            requests.write(request);
            requests.write('\n');
            requests.flush();
        } catch (IOException e) {
            // the worker is gone: its exit completes the answer
            return answer;
        }
        Thread.ofVirtual().name("osprey-python-worker-" + pid()).start(() -> {
            try {
                String line = answers.readLine();
                Matcher m = line == null ? null : ANSWER.matcher(line.strip());
                if (m != null && m.matches()) {
                    answer.complete(new Answer(Integer.parseInt(m.group(1)), true));
                }
            } catch (IOException | NumberFormatException e) {
                // the worker died or spoke garbage: its exit, or the stop that follows, decides
            }
        });
        return answer;
    }

    /** How a job in a worker ended: its exit code, and whether the worker answered (and so lives on). */
    record Answer(int exitCode, boolean answered) {
    }

    /**
     * Sends {@code signal} (TERM or KILL) to the worker's process group, or, without a group of its
     * own, to the worker and its descendants.
     */
    void signal(String signal) {
        boolean kill = signal.equals("KILL");
        List<ProcessHandle> family = process.descendants().toList();
        if (ownGroup && process.isAlive()) {
            try {
                new ProcessBuilder("kill", "-s", signal, "--", "-" + process.pid())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // no kill command: signal the tree below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        family.forEach(kill ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
    }

    /** Ends the worker's input: an idle worker exits, a busy one stops its job (the driver is going away). */
    void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** Waits up to {@code millis} for the worker to exit, then kills what is left of it. */
    void closeAndWait(long millis) {
        close();
        try {
            if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                signal("KILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            signal("KILL");
        }
    }

    /** Requests are written with every non-ASCII character escaped, so a lone surrogate survives the trip too. */
    private static final com.fasterxml.jackson.databind.json.JsonMapper REQUESTS =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** A job request: one JSON line. */
    static String request(Path directory, Path workingDirectory, List<String> argv, Map<String, String> environment) {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("dir", directory.toString());
        request.put("cwd", workingDirectory.toString());
        request.put("argv", argv);
        request.put("env", new java.util.TreeMap<>(environment));
        try {
            return REQUESTS.writeValueAsString(request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a worker request: " + e.getMessage(), e);
        }
    }
}
