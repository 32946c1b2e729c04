package dev.osprey.sweeper.hydra;

import dev.osprey.composer.override.Overrides;
import dev.osprey.launchers.Task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one trial of a Hydra app runs: the app's command with the job's overrides, then Hydra's own
 * settings that put the run where Osprey wants it, in RUN mode, with Osprey's result callback; and
 * the callback's folder first on {@code PYTHONPATH}. The app runs in the folder Osprey was started in,
 * as it would under Hydra. The app itself is not changed.
 *
 * <pre>
 * python3 app.py x=0.5 ... hydra.mode=RUN hydra.run.dir=JOB_DIR hydra.sweep.dir=SWEEP_DIR
 *     hydra.sweep.subdir=N hydra.job.num=N hydra.job.id=N
 *     ++hydra.callbacks.osprey_result._target_=osprey_hydra_result.ResultWriter
 * </pre>
 *
 * @since 0.2
 */
public final class HydraJobs {

    /** The placeholder of the job's overrides in a program's command. */
    public static final String OVERRIDES = "{overrides}";

    /** The Python module of the callback, as a resource beside this class. */
    static final String CALLBACK_MODULE = "osprey_hydra_result";

    /** The callback's name under {@code hydra.callbacks}: Osprey's own, so that it never replaces the app's. */
    static final String CALLBACK_NAME = "osprey_result";

    private HydraJobs() {
    }

    /** The app's command, with {@code {overrides}} after it when the command does not place them. */
    public static List<String> command(List<String> command) {
        if (command.contains(OVERRIDES)) {
            return command;
        }
        List<String> out = new ArrayList<>(command);
        out.add(OVERRIDES);
        return out;
    }

    /**
     * The program of one trial.
     *
     * @param app         the app's program, with {@code {overrides}}
     * @param callbackDir the folder holding the callback module ({@link #installCallback})
     * @param jobDir      the job's directory: Hydra's run directory
     * @param launchDir   where the app runs: the folder Osprey was started in, as Hydra apps run in the
     *                    folder they were started in (relative paths in their configs depend on it)
     * @param sweep       the sweep's directory and the job's number, for a trial of a sweep
     */
    public static Task.Program trial(Task.Program app, Path callbackDir, Path jobDir, Path launchDir,
                                     Optional<SweepJob> sweep) {
        List<String> hydra = new ArrayList<>();
        hydra.add("hydra.mode=RUN");
        hydra.add(setting("hydra.run.dir", jobDir.toString()));
        sweep.ifPresent(s -> {
            hydra.add(setting("hydra.sweep.dir", s.sweepDir().toString()));
            hydra.add(setting("hydra.sweep.subdir", s.sweepDir().relativize(jobDir).toString()));
            hydra.add("hydra.job.num=" + s.number());
            hydra.add("hydra.job.id=" + s.number());
        });
        hydra.add("++hydra.callbacks." + CALLBACK_NAME + "._target_=" + CALLBACK_MODULE + ".ResultWriter");
        List<String> command = new ArrayList<>();
        for (String argument : command(app.command())) {
            command.add(argument);
            if (argument.equals(OVERRIDES)) {
                command.addAll(hydra);
            }
        }
        Map<String, String> environment = new LinkedHashMap<>(app.environment());
        String inherited = environment.getOrDefault("PYTHONPATH", System.getenv("PYTHONPATH"));
        environment.put("PYTHONPATH", callbackDir + (inherited == null || inherited.isEmpty() ? "" : ":" + inherited));
        environment.putIfAbsent("PYTHONUNBUFFERED", "1"); // report lines reach Osprey as they are printed
        return new Task.Program(command, environment, Optional.of(app.workingDirectory().orElse(launchDir)));
    }

    /** A trial's place in its sweep. */
    public record SweepJob(Path sweepDir, int number) {
    }

    /** Writes the callback module into {@code dir} (created if needed) and returns {@code dir}. */
    public static Path installCallback(Path dir) {
        String file = CALLBACK_MODULE + ".py";
        try (InputStream in = HydraJobs.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + file + " is missing from Osprey's jar");
            }
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, CALLBACK_MODULE, ".tmp");
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Osprey's Hydra callback into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code key=value} with the value written so that Hydra's grammar reads back exactly this text. */
    private static String setting(String key, String value) {
        return Overrides.assignment(key, value).jobString();
    }
}
