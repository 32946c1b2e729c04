package dev.osprey.composer.compose;

import dev.osprey.composer.compose.Choice.Named;
import dev.osprey.composer.compose.DefaultsEntry.GroupEntry;
import dev.osprey.composer.compose.TreeItem.ConfigItem;
import dev.osprey.composer.compose.TreeItem.DeferredItem;
import dev.osprey.composer.compose.TreeItem.Scope;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Group Defaults whose option is an interpolation, such as {@code combination: ${server}_${db}}.
 * They are expanded after the rest of the tree, against the final choices (command line included);
 * {@code ${key}} names a Group Default by its override key ({@code db}, {@code server/db},
 * {@code db@backup}). Resolvers, references into the config and nested interpolations are not
 * supported; the subtree of such an option may not hold {@code override} entries.
 */
final class DeferredDefaults {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^${}]*)}");

    private DeferredDefaults() {
    }

    static void resolve(ConfigItem root, DefaultsState state, DefaultsTreeBuilder builder) {
        while (resolveFirst(root, state, builder)) {
            // one at a time: an expanded subtree may make further choices known
        }
        DeferredItem left = findFirst(root);
        if (left != null) {
            String option = left.entry().choice().name();
            throw new CompositionException("In '" + left.scope().configPath() + "': could not resolve the Defaults List"
                    + " interpolation '" + left.entry().writtenKey() + ": " + option + "': " + unresolved(option,
                    state.knownChoices()) + ". Known choices: " + state.knownChoices().keySet());
        }
    }

    private static boolean resolveFirst(ConfigItem item, DefaultsState state, DefaultsTreeBuilder builder) {
        List<TreeItem> children = item.children();
        for (int i = 0; i < children.size(); i++) {
            TreeItem child = children.get(i);
            if (child instanceof ConfigItem config && resolveFirst(config, state, builder)) {
                return true;
            }
            if (child instanceof DeferredItem deferred) {
                Optional<String> name = substitute(deferred.entry().choice().name(), state.knownChoices());
                if (name.isEmpty()) {
                    continue;
                }
                GroupEntry entry = deferred.entry();
                Scope scope = new Scope(deferred.scope().configPath(), deferred.scope().groupDir(),
                        deferred.scope().packageName(), true);
                String group = Packages.resolve(scope.groupDir(), entry.group());
                String packageName = Packages.relative(scope.packageName(), entry.packageName(),
                        Packages.stripSlash(entry.group()));
                String key = Packages.overrideKey(group, packageName);
                Optional<ConfigItem> expanded = builder.expandSelected(entry, scope, group, packageName, key,
                        new Named(name.get()));
                children.remove(i);
                if (expanded.isPresent()) {
                    children.add(i, expanded.get());
                }
                return true;
            }
        }
        return false;
    }

    private static DeferredItem findFirst(ConfigItem item) {
        for (TreeItem child : item.children()) {
            if (child instanceof DeferredItem deferred) {
                return deferred;
            }
            if (child instanceof ConfigItem config) {
                DeferredItem found = findFirst(config);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The text with every {@code ${key}} replaced by the choice of {@code key}; empty if one is not known. */
    static Optional<String> substitute(String text, Map<String, String> choices) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = choices.get(m.group(1).strip());
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String result = out.toString();
        return result.contains("${") ? Optional.empty() : Optional.of(result);
    }

    private static String unresolved(String text, Map<String, String> choices) {
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String key = m.group(1).strip();
            if (choices.get(key) == null) {
                return choices.containsKey(key) ? "the config group '" + key + "' has no option selected"
                        : "'" + key + "' is not the key of a Group Default";
            }
        }
        return "only ${group} references to Group Default choices are supported";
    }
}
