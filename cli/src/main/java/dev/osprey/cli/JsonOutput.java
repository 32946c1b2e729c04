package dev.osprey.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** {@code --format json}: plain values (maps, lists, strings, numbers) as one line of JSON. */
final class JsonOutput {

    /** Non-finite values are written as the bare tokens NaN and Infinity, as Python's json module reads them. */
    private static final JsonMapper MAPPER = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();

    private JsonOutput() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
