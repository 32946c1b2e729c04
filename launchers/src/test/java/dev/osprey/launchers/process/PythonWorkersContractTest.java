package dev.osprey.launchers.process;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.ProgramLauncherContract;
import dev.osprey.launchers.Task;

import java.nio.file.Path;
import java.util.Map;

/**
 * The contract kit with {@code python_workers} on and the kit's jobs written as Python scripts, which
 * run in the launcher's workers; the kit's own {@code sh} jobs run as processes of their own.
 */
class PythonWorkersContractTest extends ProgramLauncherContract {

    private static final String JOBS = """
            import os, sys, time
            how = sys.argv[1]
            if how == "return":
                print("training")
                print(sys.argv[2])
            elif how == "number":
                print(os.environ["OSPREY_JOB_NUM"])
            elif how == "fail":
                print("CUDA out of memory", file=sys.stderr)
                sys.exit(3)
            elif how == "nan":
                print("nan")
            elif how == "long":
                time.sleep(600)
            elif how == "report":
                for i in range(5):
                    print("osprey:report %d %d" % (i, i))
                time.sleep(600)
            """;

    @Override
    protected Launcher newLauncher(int slots) {
        return Launchers.create("process", Config.of(Map.of("slots", slots, "kill_grace_s", 2, "python_workers", true)));
    }

    private Task python(String... arguments) {
        Path script = Pythons.script(work.resolve("app"), "jobs.py", JOBS);
        String[] command = new String[arguments.length + 2];
        command[0] = Pythons.python();
        command[1] = script.toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        return Task.Program.of(command);
    }

    @Override
    protected Task returning(double value) {
        return python("return", Double.toString(value));
    }

    @Override
    protected Task returningItsNumber() {
        return python("number");
    }

    @Override
    protected Task failing() {
        return python("fail");
    }

    @Override
    protected Task returningNaN() {
        return python("nan");
    }

    @Override
    protected Task runningLong() {
        return python("long");
    }

    @Override
    protected Task reportingThenRunningLong() {
        return python("report");
    }
}
