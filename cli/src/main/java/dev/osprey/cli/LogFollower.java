package dev.osprey.cli;

import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Streams a job's log file to the console while the job runs (a single run, local or remote). */
final class LogFollower {

    private static final long POLL_MILLIS = 200;

    private LogFollower() {
    }

    /** Copies what the job writes to its log as it comes, until the job ends; returns its result. */
    public static JobResult follow(JobHandle handle, Console console) {
        Optional<Path> log = handle.logs().filter(p -> !Files.isDirectory(p));
        long position = 0;
        while (true) {
            JobResult result = awaitBriefly(handle);
            if (log.isPresent()) {
                position = copyNew(log.get(), position, console);
            }
            if (result != null) {
                return result;
            }
        }
    }

    private static JobResult awaitBriefly(JobHandle handle) {
        try {
            return handle.result().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            return handle.await();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the launcher failed: " + e.getCause(), e.getCause());
        }
    }

    private static long copyNew(Path log, long position, Console console) {
        if (!Files.isRegularFile(log)) {
            return position;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= position) {
                return position;
            }
            byte[] bytes = new byte[(int) Math.min(length - position, 1 << 20)];
            file.seek(position);
            file.readFully(bytes);
            console.stream(new String(bytes, StandardCharsets.UTF_8));
            return position + bytes.length;
        } catch (IOException e) {
            return position;
        }
    }
}
