package dev.osprey.cli;

import dev.osprey.cli.OspreyCli;
import dev.osprey.cli.AppTask;
import dev.osprey.sweeper.multirun.RunRequest;

import java.nio.file.Path;

/**
 * The entry of a Java {@code train} program, as {@code @hydra.main} is for Python: the program's
 * {@code main} hands its arguments over, and gets Osprey's whole {@code run} command line: single
 * runs with overrides, {@code -m} sweeps with TPE, random or grid, launchers, {@code --cfg},
 * the study database and resuming.
 *
 * {@snippet :
 * record Training(double lr, int epochs, String optimizer) {}
 *
 * public static void main(String[] args) {
 *     Osprey.main(args, "conf", "training", Training.class, (config, job) -> train(config));
 * }
 * // java -jar app.jar -m 'lr=tag(log,interval(1e-4,1e-1))' osprey.sweeper.n_trials=30
 * }
 *
 * @since 0.1
 */
public final class Osprey {

    private Osprey() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param configPath a directory relative to the working directory, or {@code classpath:PREFIX}
     *                   for configs packed in the app's jar
     */
    public static <R extends Record> void main(String[] args, String configPath, String configName, Class<R> type,
                                               AppTask.TrainFunction<R> objective) {
        ConsoleLogging.install(java.util.Arrays.asList(args).contains("--debug"));
        System.exit(run(args, configPath, configName, type, objective));
    }

    /** Like {@link #main} without exiting: returns the exit code (0 success, 1 failed work, 2 bad input). */
    public static <R extends Record> int run(String[] args, String configPath, String configName, Class<R> type,
                                             AppTask.TrainFunction<R> objective) {
        RunRequest.ConfigLocation source = configPath.startsWith("classpath:")
                ? new RunRequest.ConfigLocation.Classpath(configPath.substring("classpath:".length()))
                : new RunRequest.ConfigLocation.Directory(Path.of(configPath));
        AppTask<R> app = new AppTask<>(appName(), source, configName, type, objective);
        return OspreyCli.runApp(args, app, System.out, System.err);
    }

    private static String appName() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c != Osprey.class).findFirst().map(Class::getSimpleName).orElse("app"));
    }
}
