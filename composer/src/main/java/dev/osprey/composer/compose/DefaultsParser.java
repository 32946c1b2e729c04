package dev.osprey.composer.compose;

import dev.osprey.composer.compose.DefaultsEntry.ConfigEntry;
import dev.osprey.composer.compose.DefaultsEntry.GroupEntry;
import dev.osprey.composer.compose.DefaultsEntry.SelfEntry;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.IntValue;
import dev.osprey.composer.value.ConfigValue.ListValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.MissingValue;
import dev.osprey.composer.value.ConfigValue.NullValue;
import dev.osprey.composer.value.ConfigValue.StringValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code defaults} key and the {@code # @package} header of a config. */
final class DefaultsParser {

    static final String SELF = "_self_";

    private DefaultsParser() {
    }

    static LoadedConfig parse(String configPath, String text, MapValue raw) {
        Map<String, ConfigValue> content = new LinkedHashMap<>(raw.entries());
        ConfigValue defaults = content.remove("defaults");
        List<DefaultsEntry> entries = defaults == null ? List.of() : entries(configPath, defaults);
        return new LoadedConfig(configPath, new MapValue(content), entries, headerPackage(configPath, text));
    }

    private static List<DefaultsEntry> entries(String configPath, ConfigValue defaults) {
        if (!(defaults instanceof ListValue list)) {
            throw new CompositionException("Invalid defaults list in '" + configPath + "', defaults must be a list"
                    + " (got a " + defaults.typeName() + ")");
        }
        List<DefaultsEntry> out = new ArrayList<>();
        for (ConfigValue item : list.items()) {
            out.add(entry(configPath, item));
        }
        return out;
    }

    private static DefaultsEntry entry(String configPath, ConfigValue item) {
        switch (item) {
            case StringValue s -> {
                String text = s.value();
                if (text.equals(SELF)) {
                    return new SelfEntry();
                }
                if (text.startsWith(SELF + "@")) {
                    throw new CompositionException("In '" + configPath + "': _self_@PACKAGE is not supported");
                }
                String[] pathAndPackage = splitPackage(text);
                checkPath(configPath, "config", pathAndPackage[0]);
                return new ConfigEntry(pathAndPackage[0], pathAndPackage[1], false);
            }
            case MapValue map when map.entries().size() == 1 -> {
                Map.Entry<String, ConfigValue> only = map.entries().entrySet().iterator().next();
                return groupEntry(configPath, only.getKey(), only.getValue());
            }
            default -> throw new CompositionException("In '" + configPath + "': invalid Defaults List entry "
                    + item.toPlain() + ". An entry is 'config', '_self_' or a one-key mapping"
                    + " '[optional|override] group: option' (the form {group: ..., optional: true} is not supported)");
        }
    }

    private static GroupEntry groupEntry(String configPath, String key, ConfigValue value) {
        String[] words = key.strip().split("\\s+");
        boolean optional = false;
        boolean override = false;
        for (int i = 0; i < words.length - 1; i++) {
            switch (words[i]) {
                case "optional" -> optional = true;
                case "override" -> override = true;
                default -> throw new CompositionException("In '" + configPath + "': unknown keyword '" + words[i]
                        + "' in Defaults List entry '" + key + "' (the keywords are 'optional' and 'override')");
            }
        }
        if (optional && override) {
            throw new CompositionException("In '" + configPath + "': Defaults List entry '" + key
                    + "' cannot be both 'optional' and 'override'");
        }
        String[] groupAndPackage = splitPackage(words[words.length - 1]);
        String group = groupAndPackage[0];
        checkPath(configPath, "config group", group);
        Choice choice = switch (value) {
            case StringValue s -> new Choice.Named(s.value());
            case IntValue i -> new Choice.Named(Long.toString(i.value()));
            case NullValue n -> new Choice.Unselected();
            case MissingValue m -> new Choice.Mandatory();
            case ListValue list -> new Choice.Several(list.items().stream().map(o -> optionName(configPath, key, o))
                    .toList());
            default -> throw new CompositionException("In '" + configPath + "': the option of Defaults List entry '"
                    + key + "' must be a name, a list of names, null or ???, not a " + value.typeName());
        };
        if (choice instanceof Choice.Named named && !named.isInterpolation()) {
            checkPath(configPath, "config option", named.name());
            int slash = named.name().lastIndexOf('/');
            if (slash > 0) {
                // 'foo: bar/baz' is the group 'foo/bar' with the option 'baz'
                group = group + "/" + named.name().substring(0, slash);
                choice = new Choice.Named(named.name().substring(slash + 1));
            }
        } else if (choice instanceof Choice.Several several) {
            several.names().forEach(n -> checkPath(configPath, "config option", n));
        }
        return new GroupEntry(group, groupAndPackage[1], choice, optional, override, false);
    }

    private static String optionName(String configPath, String key, ConfigValue option) {
        return switch (option) {
            case StringValue s -> s.value();
            case IntValue i -> Long.toString(i.value());
            default -> throw new CompositionException("In '" + configPath + "': the options of Defaults List entry '"
                    + key + "' must be names, not a " + option.typeName());
        };
    }

    /** {@code path@package} split in two; the package is {@code null} without {@code @}. */
    static String[] splitPackage(String text) {
        int at = text.indexOf('@');
        return at < 0 ? new String[] {text, null} : new String[] {text.substring(0, at), text.substring(at + 1)};
    }

    private static void checkPath(String configPath, String kind, String path) {
        if (path.isEmpty() || path.equals("/")) {
            throw new CompositionException("In '" + configPath + "': empty " + kind + " path in the Defaults List");
        }
        if (path.contains("\\")) {
            throw new CompositionException("In '" + configPath + "': backslashes are not allowed in Defaults List "
                    + kind + " paths ('" + path + "'); use '/'");
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                throw new CompositionException("In '" + configPath + "': Parent traversal ('..') in Defaults List "
                        + kind + " paths is not supported ('" + path + "'). Use an absolute path instead, such as"
                        + " '/group/config' or '/group: option'.");
            }
        }
    }

    /**
     * The {@code @package} of the header: the comment lines (and blank lines) before the content,
     * {@code # @package name}; {@code null} if there is none.
     */
    static String headerPackage(String configPath, String text) {
        String found = null;
        for (String rawLine : text.split("\\R")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("#")) {
                break;
            }
            String body = line.replaceFirst("^#+", "").strip();
            if (!body.startsWith("@")) {
                continue;
            }
            String[] parts = body.split("\\s+");
            if (parts[0].equals("@package")) {
                if (parts.length != 2) {
                    throw new CompositionException("In '" + configPath + "': expected the header format"
                            + " '# @package PACKAGE', got '" + line + "'");
                }
                found = parts[1];
            }
        }
        return found;
    }
}
