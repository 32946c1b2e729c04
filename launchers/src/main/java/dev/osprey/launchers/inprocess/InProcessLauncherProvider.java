package dev.osprey.launchers.inprocess;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherProvider;
import dev.osprey.launchers.LauncherSettings;

/**
 * {@code osprey/launcher=in-process}: Java objectives on virtual threads in this JVM. Setting:
 * {@code slots} (jobs at once; default: the number of CPUs).
 *
 * @since 0.1
 */
public final class InProcessLauncherProvider implements LauncherProvider {

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public String description() {
        return "runs Java objectives on virtual threads in this JVM";
    }

    @Override
    public Launcher create(Config settings) {
        return new InProcessLauncher(new LauncherSettings("in-process", settings)
                .intValue("slots", Runtime.getRuntime().availableProcessors()));
    }
}
