package dev.osprey.launchers.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The process launcher's Python workers ({@code python_workers=true}): at most one per slot,
 * started when a job first needs one, kept between jobs, and replaced when one dies or is stopped
 * with its job. A job of a Python script runs in an idle worker started the same way (the same
 * interpreter, flags and environment), so the interpreter's start-up and the imports of earlier
 * jobs are paid once per slot instead of once per job.
 *
 * <p>The worker script is written to a private temporary folder, which also holds each worker's
 * own stderr ({@code worker-N.log}); {@link #close()} ends the workers and removes the folder.
 */
final class PythonWorkers implements AutoCloseable {

    /** The worker script, a resource beside this class. */
    static final String SCRIPT = "osprey_worker.py";

    /** How long an idle worker gets to exit by itself when the launcher closes. */
    private static final long CLOSE_WAIT_MS = 2000;

    private final int capacity;
    private final Deque<PythonWorker> idle = new ArrayDeque<>();
    private final Set<PythonWorker> all = ConcurrentHashMap.newKeySet();
    private final AtomicInteger started = new AtomicInteger();
    private Path home;
    private boolean closed;

    PythonWorkers(int capacity) {
        this.capacity = capacity;
    }

    /**
     * An idle worker of {@code spec}, else a new one started in {@code directory}. Dead idle
     * workers are dropped, and an idle worker of another spec is ended when a new one would
     * exceed the slots.
     */
    synchronized PythonWorker take(WorkerSpec spec, Path directory) throws IOException {
        if (closed) {
            throw new IOException("the launcher is closed");
        }
        for (Iterator<PythonWorker> it = idle.iterator(); it.hasNext(); ) {
            PythonWorker worker = it.next();
            if (!worker.isAlive()) {
                it.remove();
                all.remove(worker);
            } else if (worker.spec().equals(spec)) {
                it.remove();
                return worker;
            }
        }
        while (all.size() >= capacity && !idle.isEmpty()) {
            PythonWorker other = idle.pollLast();
            all.remove(other);
            other.close();
        }
        Path folder = home();
        int n = started.incrementAndGet();
        PythonWorker worker = PythonWorker.start(spec, folder.resolve(SCRIPT), directory,
                folder.resolve("worker-" + n + ".log"));
        all.add(worker);
        return worker;
    }

    /** A worker whose job ended by itself, ready for the next job (or ended, if it died or the pool closed). */
    synchronized void giveBack(PythonWorker worker) {
        if (closed || !worker.isAlive() || !all.contains(worker)) {
            all.remove(worker);
            worker.close();
            return;
        }
        idle.push(worker);
    }

    /** A worker that will not serve again: it was stopped with its job, or died. */
    void discard(PythonWorker worker) {
        all.remove(worker);
    }

    /** How many workers this pool has started. */
    int started() {
        return started.get();
    }

    /** Ends the idle workers (their input ends and they exit) and removes the folder. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        for (PythonWorker worker : all) {
            worker.closeAndWait(CLOSE_WAIT_MS);
        }
        all.clear();
        idle.clear();
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temporary folder left behind is no reason to fail closing
            }
        }
    }

    private Path home() throws IOException {
        if (home == null) {
            Path folder = Files.createTempDirectory("osprey-python-workers");
            try (InputStream in = PythonWorkers.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + SCRIPT + " is missing from Osprey's jar");
                }
                Files.copy(in, folder.resolve(SCRIPT));
            }
            home = folder;
        }
        return home;
    }
}
