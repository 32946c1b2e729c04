package dev.osprey.studydb;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.IntDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionJsonTest {

    static Stream<Distribution> everyKind() {
        return Stream.of(
                Distribution.floats(0, 1),
                Distribution.floats(-1e300, 1e300),
                Distribution.floats(Double.MIN_VALUE, 2.5e-5),
                Distribution.logFloats(1e-5, 0.1),
                Distribution.steppedFloats(0, 1, 0.3),
                Distribution.steppedFloats(-2, 2, 0.125),
                Distribution.ints(-3, 3),
                Distribution.ints(Integer.MIN_VALUE, Integer.MAX_VALUE),
                Distribution.logInts(1, 1024),
                new IntDistribution(0, 100, false, 7),
                new CategoricalDistribution(Arrays.asList(null, true, false, 1.5, -2.0, 1e-9, "a", "é\"\\", 3, "")),
                CategoricalDistribution.of("only"),
                CategoricalDistribution.of(Long.MAX_VALUE, Long.MIN_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void everyDistributionSurvivesAJsonRoundTrip(Distribution distribution) {
        Distribution read = DistributionJson.read(DistributionJson.write(distribution));
        assertEquals(distribution, read);
        assertEquals(DistributionJson.write(distribution), DistributionJson.write(read));
    }

    @Test
    void jsonFollowsOptunasFormat() {
        assertEquals("{\"name\":\"FloatDistribution\",\"attributes\":{\"low\":0.0,\"high\":1.0,\"log\":false,"
                + "\"step\":null}}", DistributionJson.write(Distribution.floats(0, 1)));
        assertEquals("{\"name\":\"FloatDistribution\",\"attributes\":{\"low\":0.0,\"high\":0.9,\"log\":false,"
                + "\"step\":0.3}}", DistributionJson.write(Distribution.steppedFloats(0, 1, 0.3)));
        assertEquals("{\"name\":\"IntDistribution\",\"attributes\":{\"low\":1,\"high\":64,\"log\":true,\"step\":1}}",
                DistributionJson.write(Distribution.logInts(1, 64)));
        assertEquals("{\"name\":\"CategoricalDistribution\",\"attributes\":{\"choices\":[\"a\",null,true,1.5,2]}}",
                DistributionJson.write(new CategoricalDistribution(Arrays.asList("a", null, true, 1.5, 2))));
    }

    @Test
    void readsJsonAsOptunaWritesIt() {
        assertEquals(Distribution.logInts(1, 1024), DistributionJson.read(
                "{\"name\": \"IntDistribution\", \"attributes\": {\"log\": true, \"step\": 1, \"low\": 1, \"high\": 1024}}"));
        assertEquals(Distribution.logFloats(1e-5, 0.1), DistributionJson.read(
                "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, \"low\": 1e-05, \"high\": 0.1,"
                        + " \"log\": true}}"));
        assertEquals(Distribution.steppedFloats(0, 1, 0.25), DistributionJson.read(
                "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": 0.25, \"low\": 0.0, \"high\": 1.0,"
                        + " \"log\": false}}"));
        assertEquals(new CategoricalDistribution(Arrays.asList("adam", null, 3, 0.5)), DistributionJson.read(
                "{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"adam\", null, 3, 0.5]}}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not json | not valid JSON (Unrecognized token 'not'",
            "`{\"name\":\"FloatDistribution\",\"attributes\":{\"low\":0.0` | not valid JSON (Unexpected end-of-input",
            "[1,2] | 'name' and 'attributes'",
            "`{\"name\":\"FloatDistribution\"}` | 'name' and 'attributes'",
            "`{\"name\":\"Gaussian\",\"attributes\":{}}` | unknown distribution 'Gaussian'",
            "`{\"name\":\"FloatDistribution\",\"attributes\":{\"high\":1.0}}` | 'low' must be a number",
            "`{\"name\":\"FloatDistribution\",\"attributes\":{\"low\":\"0\",\"high\":1.0}}` | 'low' must be a number",
            "`{\"name\":\"FloatDistribution\",\"attributes\":{\"low\":0,\"high\":1,\"log\":\"yes\"}}` | 'log' must be",
            "`{\"name\":\"FloatDistribution\",\"attributes\":{\"low\":2.0,\"high\":1.0,\"log\":false}}` | low <= high",
            "`{\"name\":\"IntDistribution\",\"attributes\":{\"low\":0.5,\"high\":3,\"step\":1}}` | 'low' must be a whole",
            "`{\"name\":\"IntDistribution\",\"attributes\":{\"low\":0,\"high\":1e12,\"step\":1}}` | 'high' must be a whole",
            "`{\"name\":\"IntDistribution\",\"attributes\":{\"low\":0,\"high\":9,\"step\":1.5}}` | 'step' must be a whole",
            "`{\"name\":\"CategoricalDistribution\",\"attributes\":{}}` | 'choices' list",
            "`{\"name\":\"CategoricalDistribution\",\"attributes\":{\"choices\":[[1]]}}` | strings, numbers, booleans",
            "`{\"name\":\"CategoricalDistribution\",\"attributes\":{\"choices\":[]}}` | at least one choice"})
    void malformedJsonIsRejectedNamingTheProblem(String json, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DistributionJson.read(json));
        assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + e.getMessage());
    }
}
