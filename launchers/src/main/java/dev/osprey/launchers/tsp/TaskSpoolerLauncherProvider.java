package dev.osprey.launchers.tsp;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherProvider;

/**
 * {@code osprey/launcher=task-spooler}: the {@link TspLauncherProvider tsp launcher} under the
 * package's own name, for users who look for it by that name.
 *
 * @since 0.1
 */
public final class TaskSpoolerLauncherProvider implements LauncherProvider {

    private final TspLauncherProvider tsp = new TspLauncherProvider();

    @Override
    public String name() {
        return "task-spooler";
    }

    @Override
    public String description() {
        return "the same as tsp";
    }

    @Override
    public Launcher create(Config settings) {
        return tsp.create(settings);
    }
}
