package dev.osprey.launchers.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A job's program as a process of its own (under its {@link DurableCommand wrapper}). */
final class Subprocess implements RunningProgram {

    private final Process process;
    /** The descendants when SIGTERM was sent: those that leave the tree before SIGKILL still get it. */
    private volatile List<ProcessHandle> family = List.of();

    Subprocess(Process process) {
        this.process = process;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean waitFor(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int exitCode() {
        return process.exitValue();
    }

    @Override
    public void terminate() {
        family = process.descendants().toList();
        family.forEach(ProcessHandle::destroy);
        process.destroy();
    }

    @Override
    public void forceKill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        family.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
