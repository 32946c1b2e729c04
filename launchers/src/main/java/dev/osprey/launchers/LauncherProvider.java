package dev.osprey.launchers;

import dev.osprey.composer.config.Config;

/**
 * Makes a {@link Launcher}; registered in {@code META-INF/services/dev.osprey.launchers.LauncherProvider}
 * so that {@link Launchers#create} finds it by name. Providers are cheap: the launcher itself (and
 * anything it needs, such as a scheduler's command) is only touched in {@link #create}.
 *
 * @since 0.1
 */
public interface LauncherProvider {

    /** The name users select the launcher by ({@code osprey/launcher=NAME}). */
    String name();

    /** One line for listings. */
    String description();

    /**
     * Makes the launcher.
     *
     * @param settings the launcher's settings, the {@code osprey.launcher} subtree of the config
     *                 (empty when none were given)
     * @throws LauncherException when the settings are invalid or the launcher cannot work here
     */
    Launcher create(Config settings);
}
