package dev.osprey.launchers.docs;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherProvider;

/** Makes the serial launcher for {@code osprey/launcher=serial}. */
public final class SerialLauncherProvider implements LauncherProvider {

    @Override
    public String name() {
        return "serial";
    }

    @Override
    public String description() {
        return "runs the jobs' programs one at a time on a background thread";
    }

    @Override
    public Launcher create(Config settings) {
        return new SerialLauncher();
    }
}
