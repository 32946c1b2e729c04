package dev.osprey.studydb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.osprey.optimizer.space.PlainValues;

/**
 * The JSON text of the plain values a study stores (distributions, attributes, exports). Integers
 * read back as {@code Long}, other numbers as {@code Double}; non-finite doubles are written as the
 * bare tokens {@code NaN}, {@code Infinity} and {@code -Infinity} and read back, as Python's
 * {@code json} module does, so that values written by either side round-trip.
 */
final class StoredJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StoredJson() {
    }

    /** Writes a plain value; maps keep their iteration order. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(PlainValues.normalize(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a whole JSON text into plain values; the error names the position and what was wrong. */
    static Object parse(String text) {
        try {
            return PlainValues.normalize(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + " at column "
                    + e.getLocation().getColumnNr() + "): " + text, e);
        }
    }
}
