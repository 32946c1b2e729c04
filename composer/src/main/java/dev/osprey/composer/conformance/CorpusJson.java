package dev.osprey.composer.conformance;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/**
 * Reads the corpus's JSON lines with the YAML 1.2 loader and its JSON schema (JSON is a subset of
 * YAML 1.2), and writes values as one-line flow text for messages and comparisons.
 */
final class CorpusJson {

    private static final LoadSettings LOAD = LoadSettings.builder().setSchema(new JsonSchema()).build();
    private static final DumpSettings DUMP = DumpSettings.builder().setSchema(new JsonSchema())
            .setDefaultFlowStyle(FlowStyle.FLOW).setDefaultScalarStyle(ScalarStyle.DOUBLE_QUOTED)
            .setWidth(Integer.MAX_VALUE).build();

    private CorpusJson() {
    }

    static Object parse(String text) {
        return new Load(LOAD).loadFromString(text);
    }

    static String write(Object value) {
        return new Dump(DUMP).dumpToString(value).strip();
    }
}
