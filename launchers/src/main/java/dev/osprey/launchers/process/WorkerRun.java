package dev.osprey.launchers.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A job running in a {@link PythonWorker}: it ends when the worker answers, or when the worker
 * dies. Stopping it signals the worker's whole process group, and the worker is not used again.
 */
final class WorkerRun implements RunningProgram {

    private final PythonWorker worker;
    private final PythonWorkers pool;
    private final CompletableFuture<PythonWorker.Answer> answer;
    private final Path stderr;
    private final long logStart;
    private boolean told;

    private WorkerRun(PythonWorker worker, PythonWorkers pool, CompletableFuture<PythonWorker.Answer> answer,
                      Path stderr, long logStart) {
        this.worker = worker;
        this.pool = pool;
        this.answer = answer;
        this.stderr = stderr;
        this.logStart = logStart;
    }

    /** Hands {@code request} to {@code worker}; the job's stderr is {@code stderr}. */
    static WorkerRun start(PythonWorker worker, PythonWorkers pool, String request, Path stderr) {
        return new WorkerRun(worker, pool, worker.run(request), stderr, worker.logMark());
    }

    @Override
    public long pid() {
        return worker.pid();
    }

    @Override
    public boolean waitFor(Duration limit) throws InterruptedException {
        try {
            answer.get(limit.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    @Override
    public int exitCode() {
        PythonWorker.Answer a = answer.join();
        if (!a.answered() && !told) {
            told = true;
            keepWorkersWords();
        }
        return a.exitCode();
    }

    @Override
    public void terminate() {
        worker.signal("TERM");
    }

    @Override
    public void forceKill() {
        worker.signal("KILL");
    }

    @Override
    public void release(boolean stopped) {
        PythonWorker.Answer a = answer.getNow(null);
        if (!stopped && a != null && a.answered()) {
            worker.markLog();
            pool.giveBack(worker);
        } else {
            pool.discard(worker);
        }
    }

    /**
     * A worker that died during a job may have said why on its own stderr (an interpreter that
     * cannot start, a crash): that goes to the job's stderr, where a failed job's error is read.
     */
    private void keepWorkersWords() {
        try (FileChannel log = FileChannel.open(worker.log(), StandardOpenOption.READ);
             OutputStream out = Files.newOutputStream(stderr, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            if (log.size() > logStart) {
                log.position(logStart);
                Channels.newInputStream(log).transferTo(out);
            }
        } catch (IOException e) {
            // nothing more to say than the exit code
        }
    }
}
