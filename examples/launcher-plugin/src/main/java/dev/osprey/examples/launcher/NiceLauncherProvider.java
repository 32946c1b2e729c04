package dev.osprey.examples.launcher;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.LauncherProvider;
import dev.osprey.launchers.LauncherSettings;
import dev.osprey.launchers.Launchers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code osprey/launcher=nice}: each job's program at a lower CPU priority. Settings:
 * {@code niceness} (0 to 19, default 10: how much lower), {@code inner} (the launcher that runs the
 * programs, default {@code process}); every other setting is the inner launcher's, so
 * {@code osprey.launcher.slots=4} still sets the process launcher's slots.
 */
public final class NiceLauncherProvider implements LauncherProvider {

    static final String NAME = "nice";
    static final int DEFAULT_NICENESS = 10;
    /** The largest niceness Linux knows; lowering it below 0 would need root. */
    static final int MAX_NICENESS = 19;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "runs each job's program at a lower CPU priority (nice -n) on another launcher";
    }

    @Override
    public Launcher create(Config settings) {
        LauncherSettings own = new LauncherSettings(NAME, settings);
        int niceness = own.intValue("niceness", DEFAULT_NICENESS);
        if (niceness < 0 || niceness > MAX_NICENESS) {
            throw new LauncherException("nice launcher: osprey.launcher.niceness must be from 0 to " + MAX_NICENESS
                    + ", got " + niceness);
        }
        String inner = own.string("inner").orElse("process");
        if (inner.equals(NAME)) {
            throw new LauncherException("nice launcher: osprey.launcher.inner must name another launcher, got " + NAME);
        }
        if (!onPath("nice")) {
            throw new LauncherException("nice launcher: there is no 'nice' command on PATH");
        }
        return new NiceLauncher(Launchers.create(inner, without(without(settings, "niceness"), "inner")), niceness);
    }

    private static Config without(Config settings, String key) {
        return settings.has(key) ? settings.delete(key) : settings;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
