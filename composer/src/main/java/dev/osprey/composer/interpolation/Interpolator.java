package dev.osprey.composer.interpolation;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.ListValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.MissingValue;
import dev.osprey.composer.value.ConfigValue.NullValue;
import dev.osprey.composer.value.ConfigValue.StringValue;
import dev.osprey.composer.interpolation.Template.Argument;
import dev.osprey.composer.interpolation.Template.Call;
import dev.osprey.composer.interpolation.Template.Literal;
import dev.osprey.composer.interpolation.Template.Piece;
import dev.osprey.composer.interpolation.Template.Reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the interpolations of a tree. A value that is a single interpolation takes the
 * referenced node (or resolver result) as it is, so an int stays an int and a map stays a map; a
 * value mixing text and interpolations becomes a string. References are absolute ({@code ${a.b}},
 * {@code ${a.list[0]}}) or relative to the node holding the value ({@code ${.x}} is a sibling,
 * {@code ${..x}} a sibling of the parent). Each node is resolved once per call; the nodes being
 * resolved form a chain, and meeting one again is a cycle ({@code a -> b -> a}).
 *
 * @since 0.1
 */
public final class Interpolator {

    private final MapValue root;
    private final Resolvers resolvers;
    private final Map<List<String>, ConfigValue> done = new HashMap<>();
    private final LinkedHashMap<List<String>, String> chain = new LinkedHashMap<>();

    private Interpolator(MapValue root, Resolvers resolvers) {
        this.root = root;
        this.resolvers = resolvers;
    }

    /**
     * The tree with every interpolation resolved; escaped {@code \${} becomes a literal {@code ${}.
     *
     * @throws InterpolationException naming the interpolation, the path holding it and the rule
     */
    public static MapValue resolve(MapValue root, Resolvers resolvers) {
        return (MapValue) new Interpolator(root, resolvers).value(root, List.of(), "");
    }

    /**
     * The node at {@code path} (segments as in a dotted path), resolved, or {@code null} if there is none;
     * only what it needs is resolved.
     */
    public static ConfigValue resolveAt(MapValue root, List<String> path, Resolvers resolvers) {
        Interpolator interpolator = new Interpolator(root, resolvers);
        return interpolator.walk(path, null, null);
    }

    /**
     * Whether resolving would change {@code node}: it is, or a map or list that holds, a string with an
     * interpolation or an escaped {@code \${}.
     */
    public static boolean needsResolution(ConfigValue node) {
        return switch (node) {
            case StringValue s -> Template.hasInterpolation(s.value());
            case MapValue map -> {
                for (ConfigValue v : map.entries().values()) {
                    if (needsResolution(v)) {
                        yield true;
                    }
                }
                yield false;
            }
            case ListValue list -> {
                for (ConfigValue v : list.items()) {
                    if (needsResolution(v)) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> false;
        };
    }

    private ConfigValue value(ConfigValue node, List<String> path, String shown) {
        ConfigValue cached = done.get(path);
        if (cached != null) {
            return cached;
        }
        boolean interpolated = node instanceof StringValue s && Template.hasInterpolation(s.value());
        if (!interpolated && !(node instanceof MapValue) && !(node instanceof ListValue)) {
            return node;
        }
        if (chain.containsKey(path)) {
            List<String> names = new ArrayList<>(chain.values());
            names.add(display(shown));
            String cycle = String.join(" -> ", names.subList(names.indexOf(display(shown)), names.size()));
            String text = raw(path) instanceof StringValue s ? s.value() : display(shown);
            throw new InterpolationException(shown, text, "Interpolation cycle: " + cycle);
        }
        chain.put(path, display(shown));
        try {
            ConfigValue result = switch (node) {
                case MapValue map -> {
                    Map<String, ConfigValue> out = new LinkedHashMap<>();
                    map.entries().forEach((k, v) -> out.put(k, value(v, append(path, k), child(shown, k, false))));
                    yield new MapValue(out);
                }
                case ListValue list -> {
                    List<ConfigValue> out = new ArrayList<>();
                    for (int i = 0; i < list.items().size(); i++) {
                        String key = Integer.toString(i);
                        out.add(value(list.items().get(i), append(path, key), child(shown, key, true)));
                    }
                    yield new ListValue(out);
                }
                default -> interpolate(((StringValue) node).value(), path, shown);
            };
            done.put(path, result);
            return result;
        } finally {
            chain.remove(path);
        }
    }

    private ConfigValue interpolate(String text, List<String> path, String shown) {
        Template template;
        try {
            template = Template.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InterpolationException(shown, text, e.getMessage() + " (value at '" + display(shown) + "')");
        }
        Piece whole = template.whole();
        if (whole != null) {
            return evaluate(whole, path, shown);
        }
        return new StringValue(render(template, path, shown));
    }

    private String render(Template template, List<String> path, String shown) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : template.pieces()) {
            ConfigValue value = evaluate(piece, path, shown);
            String text = Scalars.text(value);
            if (text == null) {
                throw new InterpolationException(shown, piece.source(), "Interpolation '" + piece.source() + "' at '"
                        + display(shown) + "': a " + value.typeName() + " cannot be part of a string");
            }
            out.append(text);
        }
        return out.toString();
    }

    private ConfigValue evaluate(Piece piece, List<String> path, String shown) {
        return switch (piece) {
            case Literal literal -> new StringValue(literal.text());
            case Reference reference -> {
                String key = render(reference.key(), path, shown).strip();
                yield walk(target(key, path, reference, shown), reference, shown);
            }
            case Call call -> call(call, path, shown);
        };
    }

    private ConfigValue call(Call call, List<String> path, String shown) {
        Resolvers.Resolver resolver = resolvers.get(call.name());
        if (resolver == null) {
            throw failure(call, shown, "Unsupported interpolation type '" + call.name() + "' (no resolver of that name)");
        }
        List<ConfigValue> arguments = new ArrayList<>();
        for (Argument argument : call.arguments()) {
            Template value = argument.value();
            if (argument.quoted()) {
                arguments.add(new StringValue(render(value, path, shown)));
            } else if (value.whole() != null) {
                arguments.add(evaluate(value.whole(), path, shown));
            } else if (value.isLiteral()) {
                arguments.add(Scalars.typed(render(value, path, shown)));
            } else {
                arguments.add(new StringValue(render(value, path, shown)));
            }
        }
        try {
            ConfigValue result = resolver.resolve(List.copyOf(arguments));
            return result == null ? NullValue.INSTANCE : result;
        } catch (InterpolationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(call, shown, "resolver '" + call.name() + "' failed: " + e.getMessage());
        }
    }

    /** The absolute segments {@code key} names, seen from the value at {@code path}. */
    private List<String> target(String key, List<String> path, Reference reference, String shown) {
        int dots = 0;
        while (dots < key.length() && key.charAt(dots) == '.') {
            dots++;
        }
        List<String> base = new ArrayList<>();
        if (dots > 0) {
            if (dots > path.size()) {
                throw failure(reference, shown, "relative key '" + key + "' goes above the root");
            }
            base.addAll(path.subList(0, path.size() - dots));
        }
        String rest = key.substring(dots).replaceAll("\\[([0-9]+)]", ".$1");
        if (rest.startsWith(".") && dots == 0) {
            rest = rest.substring(1);
        }
        if (!rest.isEmpty()) {
            for (String segment : rest.split("\\.", -1)) {
                if (segment.isEmpty()) {
                    throw failure(reference, shown, "empty key in '" + key + "'");
                }
                base.add(segment);
            }
        }
        return base;
    }

    /** The resolved node at {@code target}; intermediate interpolations are resolved on the way. */
    private ConfigValue walk(List<String> target, Piece reference, String shown) {
        ConfigValue node = root;
        String at = "";
        for (int i = 0; i < target.size(); i++) {
            List<String> here = target.subList(0, i);
            if (node instanceof StringValue) {
                node = value(node, List.copyOf(here), at);
            }
            String segment = target.get(i);
            ConfigValue child = switch (node) {
                case MapValue map -> map.get(segment);
                case ListValue list -> {
                    int index = segment.matches("[0-9]{1,9}") ? Integer.parseInt(segment) : -1;
                    yield index >= 0 && index < list.items().size() ? list.items().get(index) : null;
                }
                default -> null;
            };
            at = child(at, segment, node instanceof ListValue);
            if (child == null || child instanceof MissingValue) {
                if (reference == null) {
                    return null;
                }
                throw failure(reference, shown, child == null ? "key '" + at + "' not found"
                        : "'" + at + "' is a missing mandatory value (???)");
            }
            node = child;
        }
        return value(node, List.copyOf(target), at);
    }

    private ConfigValue raw(List<String> path) {
        ConfigValue node = root;
        for (String segment : path) {
            node = switch (node) {
                case MapValue map -> map.get(segment);
                case ListValue list -> list.items().get(Integer.parseInt(segment));
                default -> null;
            };
        }
        return node;
    }

    private InterpolationException failure(Piece piece, String shown, String rule) {
        return new InterpolationException(shown, piece.source(),
                "Interpolation '" + piece.source() + "' at '" + display(shown) + "': " + rule);
    }

    /** A scalar as text for use inside a string; a map, list or {@code ???} is refused. */
    static String text(ConfigValue value, String context) {
        String text = Scalars.text(value);
        if (text == null) {
            throw new IllegalArgumentException(context + " expects a scalar, got a " + value.typeName());
        }
        return text;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return List.copyOf(out);
    }

    private static String child(String parent, String key, boolean listItem) {
        return listItem ? parent + "[" + key + "]" : parent.isEmpty() ? key : parent + "." + key;
    }

    private static String display(String shown) {
        return shown.isEmpty() ? "<root>" : shown;
    }
}
