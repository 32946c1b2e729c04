package dev.osprey.composer.yaml;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.BoolValue;
import dev.osprey.composer.value.ConfigValue.FloatValue;
import dev.osprey.composer.value.ConfigValue.IntValue;
import dev.osprey.composer.value.ConfigValue.ListValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.value.ConfigValue.MissingValue;
import dev.osprey.composer.value.ConfigValue.NullValue;
import dev.osprey.composer.value.ConfigValue.StringValue;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the node graph of a composed YAML document into a config tree. Scalars carry the tag the
 * core schema resolved (or an explicit standard tag); anything else is an error at its position.
 */
final class NodeConverter {

    /**
     * The tag snakeyaml-engine's resolver gives to {@code ${NAME}}-like scalars (for its own environment
     * substitution, which is not used): such scalars are interpolations, hence strings.
     */
    private static final String ENV_TAG = "!ENV_VARIABLE";

    private final String source;
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    NodeConverter(String source) {
        this.source = source;
    }

    ConfigValue convert(Node node) {
        if (!inProgress.add(node)) {
            throw error(node, "an alias refers to a node that contains it (recursive structure)");
        }
        try {
            return switch (node) {
                case ScalarNode scalar -> scalar(scalar);
                case SequenceNode sequence -> sequence(sequence);
                case MappingNode mapping -> mapping(mapping);
                default -> throw error(node, "unsupported YAML node " + node.getNodeType());
            };
        } finally {
            inProgress.remove(node);
        }
    }

    private ConfigValue sequence(SequenceNode node) {
        if (!node.getTag().equals(Tag.SEQ)) {
            throw error(node, "unsupported tag " + node.getTag().getValue() + " on a sequence");
        }
        List<ConfigValue> items = new ArrayList<>(node.getValue().size());
        for (Node item : node.getValue()) {
            items.add(convert(item));
        }
        return new ListValue(items);
    }

    private ConfigValue mapping(MappingNode node) {
        if (!node.getTag().equals(Tag.MAP)) {
            throw error(node, "unsupported tag " + node.getTag().getValue() + " on a mapping");
        }
        Map<String, ConfigValue> entries = new LinkedHashMap<>();
        Map<String, Node> firstKeys = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                throw error(keyNode, "a key must be a scalar, not a " + keyNode.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            if (keyScalar.getTag().equals(Tag.NULL)) {
                throw error(keyNode, "a key must not be null");
            }
            String key = keyScalar.getValue();
            Node first = firstKeys.putIfAbsent(key, keyNode);
            if (first != null) {
                throw error(keyNode, "duplicate key '" + key + "'" + first.getStartMark()
                        .map(m -> " (first at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")")
                        .orElse(""));
            }
            entries.put(key, convert(tuple.getValueNode()));
        }
        return new MapValue(entries);
    }

    private ConfigValue scalar(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (tag.equals(Tag.STR) || tag.getValue().equals(ENV_TAG)) {
            return ConfigValue.MISSING_MARKER.equals(text) ? MissingValue.INSTANCE : new StringValue(text);
        }
        if (tag.equals(Tag.NULL)) {
            return NullValue.INSTANCE;
        }
        if (tag.equals(Tag.BOOL)) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return new BoolValue(lower.equals("true"));
            }
            throw error(node, "'" + text + "' is not a boolean");
        }
        if (tag.equals(Tag.INT)) {
            return integer(node, text);
        }
        if (tag.equals(Tag.FLOAT)) {
            return floating(node, text);
        }
        throw error(node, "unsupported tag " + tag.getValue());
    }

    private ConfigValue integer(ScalarNode node, String text) {
        String digits = text.replace("_", "");
        int sign = 1;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            sign = digits.startsWith("-") ? -1 : 1;
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        }
        try {
            BigInteger value = new BigInteger(digits, radix);
            if (sign < 0) {
                value = value.negate();
            }
            if (value.bitLength() > 63) {
                throw error(node, "integer " + text + " is out of the 64-bit range");
            }
            return new IntValue(value.longValue());
        } catch (NumberFormatException e) {
            throw error(node, "'" + text + "' is not an integer");
        }
    }

    private ConfigValue floating(ScalarNode node, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case ".inf", "+.inf" -> {
                return new FloatValue(Double.POSITIVE_INFINITY);
            }
            case "-.inf" -> {
                return new FloatValue(Double.NEGATIVE_INFINITY);
            }
            case ".nan" -> {
                return new FloatValue(Double.NaN);
            }
            default -> {
                try {
                    return new FloatValue(Double.parseDouble(text.replace("_", "")));
                } catch (NumberFormatException e) {
                    throw error(node, "'" + text + "' is not a number");
                }
            }
        }
    }

    YamlLoadException error(Node node, String problem) {
        Mark mark = node.getStartMark().orElse(null);
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        return new YamlLoadException(source, line, column, problem, null);
    }
}
