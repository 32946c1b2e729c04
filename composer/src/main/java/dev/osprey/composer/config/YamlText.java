package dev.osprey.composer.config;

import dev.osprey.composer.value.ConfigValue;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes trees as block-style YAML 1.2 (core schema): strings that would read back as another type
 * ({@code '10'}, {@code 'true'}, {@code '1e-3'}) are quoted, {@code ???} and {@code ${...}} stay plain.
 */
final class YamlText {

    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setSchema(new CoreSchema())
            .setWidth(Integer.MAX_VALUE)
            .build();

    private YamlText() {
    }

    /** {@code value} with {@code ${} in its strings escaped as {@code \${}, the inverse of resolving escapes. */
    static ConfigValue escapeInterpolations(ConfigValue value) {
        return switch (value) {
            case ConfigValue.StringValue s when s.value().contains("${") ->
                    new ConfigValue.StringValue(s.value().replace("${", "\\${"));
            case ConfigValue.MapValue map -> {
                java.util.Map<String, ConfigValue> out = new java.util.LinkedHashMap<>();
                map.entries().forEach((k, v) -> out.put(k, escapeInterpolations(v)));
                yield new ConfigValue.MapValue(out);
            }
            case ConfigValue.ListValue list -> new ConfigValue.ListValue(
                    list.items().stream().map(YamlText::escapeInterpolations).toList());
            default -> value;
        };
    }

    static String write(ConfigValue value) {
        // a fresh Dump per call: Dump keeps state between documents
        return new Dump(SETTINGS).dumpToString(value.toPlain());
    }
}
