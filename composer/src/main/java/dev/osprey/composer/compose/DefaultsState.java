package dev.osprey.composer.compose;

import dev.osprey.composer.compose.DefaultsEntry.GroupEntry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changes the Defaults List while it is built: choices from the command line
 * ({@code group=option}) and from {@code override} entries, Group Defaults appended with
 * {@code +group=option}, deletions ({@code ~group}), and the choices known so far (for
 * interpolations and the duplicate check). Mutable; one per composition.
 */
final class DefaultsState {

    private static final class OverrideChoice {
        final Choice choice;
        final boolean external;
        final String containingConfig;
        final String writtenKey;
        boolean used;

        OverrideChoice(Choice choice, boolean external, String containingConfig, String writtenKey) {
            this.choice = choice;
            this.external = external;
            this.containingConfig = containingConfig;
            this.writtenKey = writtenKey;
        }
    }

    private static final class Deletion {
        final String name;
        boolean used;

        Deletion(String name) {
            this.name = name;
        }
    }

    private final Map<String, OverrideChoice> overrides = new LinkedHashMap<>();
    private final Map<String, Deletion> deletions = new LinkedHashMap<>();
    private final List<GroupEntry> appends = new ArrayList<>();
    private final Map<String, String> knownChoices = new LinkedHashMap<>();
    private final Map<String, Set<String>> knownKeysPerGroup = new LinkedHashMap<>();

    /** {@code group=option} on the command line; a later one for the same key wins. */
    void commandLineChoice(String key, Choice choice) {
        overrides.put(key, new OverrideChoice(choice, true, null, key));
    }

    /** {@code +group=option} on the command line. */
    void append(GroupEntry entry) {
        appends.add(entry);
    }

    /** {@code ~group}, {@code ~group=option} or {@code ~config/path} on the command line. */
    void delete(String key, String name) {
        deletions.put(key, new Deletion(name));
    }

    List<GroupEntry> appends() {
        return Collections.unmodifiableList(appends);
    }

    /**
     * An {@code override} entry met in the reverse depth-first walk: the first one registered for a
     * key is the last in depth-first order and wins; the command line wins over all of them.
     */
    void defaultsListOverride(String key, Choice choice, String containingConfig, String writtenKey) {
        overrides.putIfAbsent(key, new OverrideChoice(choice, false, containingConfig, writtenKey));
    }

    /** The choice for a Group Default with this key: the overriding one (marked used), or its own. */
    Choice choiceFor(String key, Choice own) {
        OverrideChoice override = overrides.get(key);
        if (override == null) {
            return own;
        }
        override.used = true;
        return override.choice;
    }

    boolean isDeleted(String key, String name) {
        Deletion deletion = deletions.get(key);
        return deletion != null && (deletion.name == null || deletion.name.equals(name));
    }

    boolean isDeletedConfig(String configPath) {
        Deletion deletion = deletions.get(configPath);
        return deletion != null && deletion.name == null;
    }

    void markDeleted(String key) {
        deletions.get(key).used = true;
    }

    /** Records the final choice of a Group Default; two different choices for one key are an error. */
    void knownChoice(String key, String group, String name) {
        if (knownChoices.containsKey(key)) {
            String previous = knownChoices.get(key);
            if (!java.util.Objects.equals(previous, name)) {
                throw new CompositionException("Multiple values for " + key + ". To override a value use 'override "
                        + key + ": " + previous + "'");
            }
        } else {
            knownChoices.put(key, name);
        }
        knownKeysPerGroup.computeIfAbsent(group, g -> new TreeSet<>()).add(key);
    }

    Map<String, String> knownChoices() {
        return Collections.unmodifiableMap(knownChoices);
    }

    void ensureOverridesUsed() {
        for (Map.Entry<String, OverrideChoice> entry : overrides.entrySet()) {
            String key = entry.getKey();
            OverrideChoice override = entry.getValue();
            if (override.used) {
                continue;
            }
            if (!override.external) {
                throw new CompositionException("In '" + override.containingConfig + "': Invalid Defaults List override '"
                        + override.writtenKey + ": " + override.choice.display() + "'.\nNo earlier Group Default for '"
                        + key + "' exists to override.");
            }
            Set<String> candidates = knownKeysPerGroup.getOrDefault(key.split("@", 2)[0], Set.of());
            String message;
            if (candidates.size() > 1) {
                message = "Could not override '" + key + "'.\nDid you mean to override one of "
                        + String.join(", ", candidates) + "?";
            } else if (candidates.size() == 1) {
                message = "Could not override '" + key + "'.\nDid you mean to override " + candidates.iterator().next()
                        + "?";
            } else {
                message = "Could not override '" + key + "'. No match in the defaults list.";
            }
            throw new CompositionException(message + "\nTo append to your default list use +" + key + "="
                    + override.choice.display());
        }
    }

    void ensureDeletionsUsed() {
        for (Map.Entry<String, Deletion> entry : deletions.entrySet()) {
            if (!entry.getValue().used) {
                String name = entry.getValue().name;
                String described = name == null ? entry.getKey() : entry.getKey() + "=" + name;
                throw new CompositionException("Could not delete '" + described + "'. No match in the defaults list");
            }
        }
    }
}
