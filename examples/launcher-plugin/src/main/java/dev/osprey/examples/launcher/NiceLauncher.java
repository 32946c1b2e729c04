package dev.osprey.examples.launcher;

import dev.osprey.launchers.Job;
import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs each job's program through {@code nice -n NICENESS} on another launcher of programs, so that
 * a sweep on a shared machine yields the CPU to interactive work. The job goes to the inner
 * launcher unchanged but for its command, so slots, timeouts, cancelling, pruning and results are
 * the inner launcher's own.
 */
final class NiceLauncher implements Launcher {

    private final Launcher inner;
    private final int niceness;

    NiceLauncher(Launcher inner, int niceness) {
        this.inner = inner;
        this.niceness = niceness;
    }

    @Override
    public String name() {
        return NiceLauncherProvider.NAME;
    }

    @Override
    public JobHandle submit(Job job) {
        if (!(job.task() instanceof Task.Program program)) {
            throw new LauncherException("the nice launcher runs programs, but job " + job.number()
                    + " is a Java task; run Java objectives with osprey/launcher=in-process");
        }
        return inner.submit(new Job(job.number(), niced(program), job.config(), job.overrides(), job.directory(),
                job.settings(), job.timeout(), job.pruning()));
    }

    /**
     * The program behind {@code nice}, with its environment and working directory; its placeholders
     * are left for the inner launcher to replace.
     */
    private Task.Program niced(Task.Program program) {
        List<String> command = new ArrayList<>(List.of("nice", "-n", Integer.toString(niceness)));
        command.addAll(program.command());
        return new Task.Program(command, program.environment(), program.workingDirectory());
    }

    @Override
    public void close() {
        inner.close();
    }
}
