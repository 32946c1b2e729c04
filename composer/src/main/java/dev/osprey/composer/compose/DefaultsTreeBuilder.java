package dev.osprey.composer.compose;

import dev.osprey.composer.compose.Choice.Mandatory;
import dev.osprey.composer.compose.Choice.Named;
import dev.osprey.composer.compose.Choice.Several;
import dev.osprey.composer.compose.Choice.Unselected;
import dev.osprey.composer.compose.DefaultsEntry.ConfigEntry;
import dev.osprey.composer.compose.DefaultsEntry.GroupEntry;
import dev.osprey.composer.compose.DefaultsEntry.SelfEntry;
import dev.osprey.composer.compose.TreeItem.ConfigItem;
import dev.osprey.composer.compose.TreeItem.DeferredItem;
import dev.osprey.composer.compose.TreeItem.Scope;
import dev.osprey.composer.compose.TreeItem.SelfItem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Builds the defaults tree. Each Defaults List is walked <em>backwards</em>, depth first: so the
 * {@code override} entries of a later entry's subtree (an experiment appended at the end) are known
 * before the earlier Group Defaults they change are expanded, the last override in depth-first order
 * wins, and an override can only change a Group Default that comes before it.
 */
final class DefaultsTreeBuilder {

    /**
     * A config to expand.
     *
     * @param packageName    its final package, not counting its header
     * @param explicit       whether the entry named a package (then the header does not count)
     * @param groupPath      the absolute group of a Group Default's option, else {@code null}
     * @param overrideKey    the key of that Group Default, else {@code null}
     */
    private record Target(String configPath, String packageName, boolean explicit, String parent, boolean optional,
                          String groupPath, String overrideKey) {
    }

    private final ConfigRepository repository;
    private final DefaultsState state;

    DefaultsTreeBuilder(ConfigRepository repository, DefaultsState state) {
        this.repository = repository;
        this.state = state;
    }

    /** The tree of the primary config {@code configName}. */
    ConfigItem build(String configName) {
        return build(configName, false);
    }

    /**
     * The tree of the primary config {@code configName}; {@code withHydra} puts it under a virtual
     * root whose first child is Hydra's {@code hydra/config} at package {@code hydra}, as Hydra's
     * {@code _create_root(with_hydra=True)} does. The primary config's subtree is walked first, so its
     * {@code override hydra/...} entries (and the command line's appends, which join the primary
     * config) are known when Hydra's own Defaults List is expanded.
     */
    ConfigItem build(String configName, boolean withHydra) {
        if (repository.load(configName).isEmpty()) {
            throw new MissingConfigException("Cannot find primary config '" + configName
                    + "'. Check that it's in your config search path.\n" + repository.searchPath(), configName, List.of());
        }
        String group = Packages.parentDir(configName);
        Target primary = new Target(configName, Packages.relative("", null, group), false, null, false, null, null);
        ConfigItem root = expand(primary, true, false).orElseThrow();
        if (withHydra) {
            Target hydra = new Target(HydraConfigs.ROOT_CONFIG, HydraConfigs.PACKAGE, false, null, false, null, null);
            ConfigItem hydraItem = expand(hydra, false, false).orElseThrow();
            root = new ConfigItem("", "", null, null, new ArrayList<>(List.of(hydraItem, root)));
        }
        DeferredDefaults.resolve(root, state, this);
        return root;
    }

    private Optional<ConfigItem> expand(Target target, boolean primary, boolean interpolated) {
        Optional<LoadedConfig> found = repository.load(target.configPath());
        if (found.isEmpty()) {
            if (target.optional()) {
                return Optional.empty();
            }
            throw notFound(target);
        }
        LoadedConfig loaded = found.get();
        String packageName = target.explicit() || loaded.headerPackage() == null ? target.packageName()
                : Packages.header(loaded.headerPackage(), Packages.parentDir(target.configPath()));
        List<DefaultsEntry> entries = new ArrayList<>(loaded.defaults());
        if (!entries.isEmpty() || primary && !state.appends().isEmpty()) {
            addImplicitSelf(target.configPath(), entries);
        }
        if (primary) {
            entries.addAll(state.appends());
        }
        checkOverridesLast(target.configPath(), entries, interpolated);
        Scope scope = new Scope(target.configPath(), Packages.parentDir(target.configPath()), packageName, interpolated);
        List<TreeItem> children = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            switch (entries.get(i)) {
                case SelfEntry self -> children.add(new SelfItem());
                case GroupEntry group when group.override() -> {
                    String key = Packages.overrideKey(Packages.resolve(scope.groupDir(), group.group()),
                            Packages.relative(scope.packageName(), group.packageName(), Packages.stripSlash(group.group())));
                    state.defaultsListOverride(key, group.choice(), target.configPath(), group.writtenKey());
                }
                case GroupEntry group -> expandGroup(group, scope, children);
                case ConfigEntry config -> expandConfig(config, scope).ifPresent(children::add);
            }
        }
        Collections.reverse(children);
        return Optional.of(new ConfigItem(target.configPath(), packageName, target.parent(), target.overrideKey(),
                children));
    }

    private static void addImplicitSelf(String configPath, List<DefaultsEntry> entries) {
        long selves = entries.stream().filter(e -> e instanceof SelfEntry).count();
        if (selves > 1) {
            throw new CompositionException("Duplicate _self_ defined in " + configPath);
        }
        boolean onlyOverrides = entries.stream().allMatch(e -> e instanceof GroupEntry g && g.override());
        if (selves == 0 && (!onlyOverrides || entries.isEmpty())) {
            entries.add(new SelfEntry());
        }
    }

    private static void checkOverridesLast(String configPath, List<DefaultsEntry> entries, boolean interpolated) {
        GroupEntry lastOverride = null;
        for (DefaultsEntry entry : entries) {
            if (entry instanceof SelfEntry) {
                continue;
            }
            boolean isOverride = entry instanceof GroupEntry g && g.override();
            boolean isAppend = entry instanceof GroupEntry g && g.externalAppend();
            if (lastOverride != null && !isOverride && !isAppend) {
                String written = switch (entry) {
                    case GroupEntry g -> g.writtenKey() + ": " + g.choice().display();
                    case ConfigEntry c -> c.path();
                    case SelfEntry s -> "_self_";
                };
                throw new CompositionException("In " + configPath + ": Override '" + lastOverride.writtenKey() + " : "
                        + lastOverride.choice().display() + "' is defined before '" + written
                        + "'.\nOverrides must be at the end of the defaults list");
            }
            if (isOverride) {
                lastOverride = (GroupEntry) entry;
                if (interpolated) {
                    throw new CompositionException(configPath + ": Default List Overrides are not allowed in the subtree"
                            + " of an interpolated config group (override " + lastOverride.writtenKey() + "="
                            + lastOverride.choice().display() + ").");
                }
            }
        }
    }

    private Optional<ConfigItem> expandConfig(ConfigEntry entry, Scope scope) {
        String path = Packages.resolve(scope.groupDir(), entry.path());
        if (state.isDeletedConfig(path)) {
            state.markDeleted(path);
            return Optional.empty();
        }
        String packageName = Packages.relative(scope.packageName(), entry.packageName(),
                Packages.parentDir(Packages.stripSlash(entry.path())));
        return expand(new Target(path, packageName, entry.packageName() != null, scope.configPath(), entry.optional(),
                null, null), false, scope.interpolated());
    }

    private void expandGroup(GroupEntry entry, Scope including, List<TreeItem> children) {
        Scope scope = entry.externalAppend() ? new Scope(including.configPath(), "", "", including.interpolated())
                : including;
        String group = Packages.resolve(scope.groupDir(), entry.group());
        String packageName = Packages.relative(scope.packageName(), entry.packageName(),
                Packages.stripSlash(entry.group()));
        String key = Packages.overrideKey(group, packageName);
        Choice choice = state.choiceFor(key, entry.choice());
        if (choice instanceof Several several) {
            List<String> names = several.names();
            for (int i = names.size() - 1; i >= 0; i--) {
                if (names.get(i).contains("${")) {
                    throw new CompositionException("In '" + scope.configPath()
                            + "': Defaults List interpolation is not supported in options list items");
                }
                Target target = new Target(group + "/" + names.get(i), packageName, entry.packageName() != null,
                        scope.configPath(), entry.optional(), group, null);
                expand(target, false, scope.interpolated()).ifPresent(children::add);
            }
        } else if (choice instanceof Named named && named.isInterpolation()) {
            children.add(new DeferredItem(entry.withChoice(choice), scope));
        } else {
            expandSelected(entry, scope, group, packageName, key, choice).ifPresent(children::add);
        }
    }

    /** Expands a Group Default whose choice is final (also for deferred interpolations, once resolved). */
    Optional<ConfigItem> expandSelected(GroupEntry entry, Scope scope, String group, String packageName, String key,
                                        Choice choice) {
        if (state.isDeleted(key, choice.name())) {
            state.markDeleted(key);
            return Optional.empty();
        }
        state.knownChoice(key, group, choice.name());
        return switch (choice) {
            case Unselected u -> Optional.empty();
            case Mandatory m -> throw new CompositionException("You must specify '" + key + "', e.g, " + key
                    + "=<OPTION>\nAvailable options:\n" + tabbed(repository.options(group)));
            case Named named -> expand(new Target(group + "/" + named.name(), packageName, entry.packageName() != null,
                    scope.configPath(), entry.optional(), group, key), false, scope.interpolated());
            case Several s -> throw new IllegalStateException("a list of options is expanded item by item");
        };
    }

    private MissingConfigException notFound(Target target) {
        String message;
        List<String> options = List.of();
        if (target.groupPath() != null) {
            options = repository.options(target.groupPath());
            message = "Could not find '" + target.configPath() + "'\n";
            if (!options.isEmpty()) {
                message += "\nAvailable options in '" + target.groupPath() + "':\n" + tabbed(options);
            }
        } else {
            message = "Could not load '" + target.configPath() + "'.";
        }
        if (target.parent() != null) {
            message = "In '" + target.parent() + "': " + message;
        }
        return new MissingConfigException(message + "\n" + repository.searchPath(), target.configPath(), options);
    }

    private static String tabbed(List<String> lines) {
        return String.join("\n", lines.stream().map(l -> "\t" + l).toList());
    }
}
