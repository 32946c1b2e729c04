package dev.osprey.composer.compose;

import dev.osprey.composer.compose.DefaultsEntry.GroupEntry;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Element.DictValue;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.NullValue;
import dev.osprey.composer.override.Element.QuotedString;
import dev.osprey.composer.override.Element.StringValue;
import dev.osprey.composer.override.OverrideKind;
import dev.osprey.composer.override.Sweep.ChoiceSweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Routes parsed command-line overrides: those whose key is a config group (or, for deletions, a
 * config) edit the Defaults List; the others change config values after composition.
 */
final class CommandLine {

    private CommandLine() {
    }

    /** In a single run, a sweep has no meaning. */
    static void rejectSweeps(List<ConfigOverride> overrides) {
        for (ConfigOverride override : overrides) {
            if (!override.isSweep()) {
                continue;
            }
            if (override.value() instanceof ChoiceSweep choice && choice.simpleForm()) {
                throw new CompositionException("Ambiguous value for argument '" + override.input() + "'\n"
                        + "1. To use it as a list, use key=[value1,value2]\n"
                        + "2. To use it as string, quote the value: key='value1,value2'\n"
                        + "3. To sweep over it, add --multirun to your command line");
            }
            throw new CompositionException("Sweep parameters '" + override.input() + "' requires --multirun");
        }
    }

    /** Records the Defaults List operations in {@code state} and returns the config value overrides, in order. */
    static List<ConfigOverride> route(List<ConfigOverride> overrides, ConfigRepository repository, DefaultsState state) {
        List<ConfigOverride> valueOverrides = new ArrayList<>();
        for (ConfigOverride override : overrides) {
            String key = override.key();
            boolean isGroup = repository.groupExists(key);
            boolean isConfig = !isGroup && repository.configExists(key);
            Element value = override.value() == null ? null : (Element) override.value();
            if (override.kind() == OverrideKind.DELETE && (isGroup || isConfig)) {
                String deletionKey = override.keyElement().substring(1);
                if (isGroup) {
                    if (value != null && optionName(value) == null) {
                        throw new CompositionException("Config group override deletion value must be a string : "
                                + override.input());
                    }
                    state.delete(deletionKey, value == null ? null : optionName(value));
                } else {
                    if (value != null) {
                        throw new CompositionException("Config path deletion does not support a value : "
                                + override.input());
                    }
                    state.delete(deletionKey, null);
                }
            } else if (value instanceof DictValue || !isGroup) {
                if (override.packageName() != null && !isGroup) {
                    throw new CompositionException("Override " + override.input() + " looks like a config group"
                            + " override, but config group '" + key + "' does not exist.");
                }
                valueOverrides.add(override);
            } else if (override.kind() == OverrideKind.FORCE_ADD) {
                throw new CompositionException("force-add of config groups is not supported: '" + override.input() + "'");
            } else if (override.kind() == OverrideKind.EXTEND_LIST) {
                throw new CompositionException("extend_list cannot select options of config group '" + key + "': '"
                        + override.input() + "'; use " + key + "=[a,b] to select several");
            } else {
                Choice choice = choice(override, value);
                if (override.kind() == OverrideKind.ADD) {
                    state.append(new GroupEntry(key, override.packageName(), choice, false, false, true));
                } else {
                    state.commandLineChoice(override.keyElement(), choice);
                }
            }
        }
        return valueOverrides;
    }

    private static Choice choice(ConfigOverride override, Element value) {
        if (value instanceof NullValue) {
            return new Choice.Unselected();
        }
        if (value instanceof ListValue list) {
            List<String> names = new ArrayList<>();
            for (Element item : list.items()) {
                String name = optionName(item);
                if (name == null) {
                    throw new CompositionException("Config group override must be a string or a list of strings: '"
                            + override.input() + "'");
                }
                names.add(name);
            }
            return new Choice.Several(names);
        }
        String name = optionName(value);
        if (name == null) {
            throw new CompositionException("Config group override must be a string or a list. Got "
                    + pythonType(value) + " in '" + override.input() + "'");
        }
        return name.equals("???") ? new Choice.Mandatory() : new Choice.Named(name);
    }

    private static String optionName(Element value) {
        return switch (value) {
            case StringValue s -> s.text();
            case QuotedString q -> q.text();
            case Interpolation i -> i.text();
            default -> null;
        };
    }

    private static String pythonType(Element value) {
        return switch (value) {
            case Element.IntValue i -> "int";
            case Element.FloatValue f -> "float";
            case Element.BoolValue b -> "bool";
            default -> value.getClass().getSimpleName();
        };
    }
}
