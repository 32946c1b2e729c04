package dev.osprey.composer.compose;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.config.ConfigValue.MapValue;
import dev.osprey.composer.yaml.YamlLoader;
import dev.osprey.optimizer.OspreyException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Runs every case of {@code conformance/hydra/defaults/}: composes the case's primary config from its
 * {@code conf/} tree with the overrides of {@code overrides.txt} and compares the result with
 * {@code expected.yaml} (values and key order), or the error message with {@code expected_error.txt}.
 */
class DefaultsConformanceTest {

    /**
     * Cases treated differently on purpose, by folder name, with the reason; each is listed in
     * docs/hydra-conformance.md and shows up as skipped.
     */
    static final Map<String, String> DELIBERATE_DEVIATIONS = Map.of();

    /**
     * Search-path lines of Hydra's own sources, which Osprey does not have: Hydra's bundled configs and
     * its structured-config store. Expected messages are compared without them.
     */
    static final List<String> HYDRA_ONLY_SEARCH_PATH_LINES = List.of(
            "\tprovider=hydra, path=pkg://hydra.conf",
            "\tprovider=schema, path=structured://");

    @TestFactory
    Stream<DynamicTest> defaults() throws IOException {
        Path root = resourceDir("/conformance/hydra/defaults");
        try (Stream<Path> cases = Files.list(root)) {
            return cases.filter(Files::isDirectory).sorted().toList().stream()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
        }
    }

    private static void check(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        assumeFalse(DELIBERATE_DEVIATIONS.containsKey(name), () -> "deliberate deviation: "
                + DELIBERATE_DEVIATIONS.get(name));
        MapValue meta = YamlLoader.loadConfig(dir.resolve("case.yaml"));
        Config caseConfig = Config.of(meta);
        String configName = caseConfig.has("config_name") ? caseConfig.getString("config_name") : "config";
        List<String> overrides = Files.readAllLines(dir.resolve("overrides.txt")).stream()
                .filter(line -> !line.isBlank()).toList();
        if (caseConfig.has("overrides")) {
            assertEquals(caseConfig.getList("overrides"), overrides, "overrides.txt and case.yaml agree");
        }
        Path conf = dir.resolve("conf").toAbsolutePath().normalize();
        Composer composer = new Composer(ConfigRepository.fromDirectory(conf));
        Path expectedFile = dir.resolve("expected.yaml");
        if (Files.exists(expectedFile)) {
            Config expected = Config.of(YamlLoader.loadConfig(expectedFile));
            Config actual = composer.compose(configName, overrides);
            assertEquals(expected.root(), actual.root(), "composed config");
            assertEquals(expected.toYaml(), actual.toYaml(), "composed config with its key order");
            return;
        }
        String expectedError = Files.readString(dir.resolve("expected_error.txt")).stripTrailing()
                .replace("<conf>", conf.toString());
        for (String line : HYDRA_ONLY_SEARCH_PATH_LINES) {
            expectedError = expectedError.replace(line + "\n", "").replace("\n" + line, "");
        }
        OspreyException error = assertThrows(OspreyException.class, () -> composer.compose(configName, overrides));
        assertEquals(expectedError, error.getMessage(), "error message");
        if (caseConfig.has("error_class") && caseConfig.getString("error_class").equals("MissingConfigException")) {
            assertEquals(MissingConfigException.class, error.getClass(), "error class");
        }
    }

    static Path resourceDir(String resource) {
        URL url = DefaultsConformanceTest.class.getResource(resource);
        assertNotNull(url, "missing test resource " + resource);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
