package dev.osprey.composer.compose;

import dev.osprey.composer.yaml.YamlLoader;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prepares the YAML loader on a background thread, once per JVM, when the first repository is made.
 * A fresh JVM spends tens of milliseconds loading and linking the YAML library's classes before its
 * first document; done meanwhile, that time overlaps with parsing the command-line overrides, which a
 * composition does first, so the first composition returns sooner. Nothing depends on it finishing:
 * a composition that needs YAML earlier simply waits for the class initialisation in progress.
 */
final class WarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WarmUp() {
    }

    static void yamlInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(WarmUp::loadOnce, "osprey-yaml-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void loadOnce() {
        try {
            YamlLoader.loadConfig("defaults:\n  - group: option\nkey: [1, 2.5, true, null, text]\nmap: {a: b}\n",
                    "warm-up");
        } catch (RuntimeException ignored) {
            // only a preparation: a real load reports any problem
        }
    }
}
