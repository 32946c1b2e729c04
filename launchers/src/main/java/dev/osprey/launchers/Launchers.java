package dev.osprey.launchers;

import dev.osprey.composer.config.Config;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds launchers by name through {@link ServiceLoader}; only the selected one is created.
 *
 * @since 0.1
 */
public final class Launchers {

    private Launchers() {
    }

    /** The providers on the class path, by name. */
    public static List<LauncherProvider> available() {
        return ServiceLoader.load(LauncherProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(java.util.Comparator.comparing(LauncherProvider::name))
                .toList();
    }

    /**
     * Creates the launcher called {@code name} with its settings.
     *
     * @throws LauncherException when no launcher has that name (the message lists those that exist)
     */
    public static Launcher create(String name, Config settings) {
        List<LauncherProvider> providers = available();
        for (LauncherProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider.create(settings);
            }
        }
        throw new LauncherException("unknown launcher '" + name + "'; available: "
                + providers.stream().map(LauncherProvider::name).collect(Collectors.joining(", "))
                + ". Select one with osprey/launcher=NAME.");
    }
}
