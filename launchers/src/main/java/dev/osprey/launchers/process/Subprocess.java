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

    /**
     * Once stopped, the program has ended only when what it started has ended too: a program's
     * SIGTERM handler may still run (and hold its GPUs) after the wrapper exits, and what the job
     * holds is released when this returns true. SIGKILL after the grace period bounds the wait.
     */
    @Override
    public boolean waitFor(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        if (!process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        for (ProcessHandle member : family) {
            while (running(member)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(5);
            }
        }
        return true;
    }

    /** Alive and not a zombie: an orphan that has exited stays in the process table where nobody reaps it. */
    private static boolean running(ProcessHandle member) {
        if (!member.isAlive()) {
            return false;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", member.pid() + "", "stat"));
            // the state follows the command name, which is in parentheses and may itself hold spaces
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException | RuntimeException e) {
            return member.isAlive();
        }
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
