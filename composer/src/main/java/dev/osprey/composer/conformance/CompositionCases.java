package dev.osprey.composer.conformance;

import dev.osprey.composer.ComposerException;
import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.ConfigRepository;
import dev.osprey.composer.compose.MissingConfigException;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.yaml.YamlLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Cases of {@code defaults/}: a folder with a {@code conf/} tree, {@code overrides.txt} and
 * {@code case.yaml}; the config composed from them must equal {@code expected.yaml} (values and key
 * order), or the error message {@code expected_error.txt} ({@code <conf>} standing for the absolute
 * {@code conf/} directory), and its class for {@code MissingConfigException}.
 */
final class CompositionCases {

    static final String CORPUS = "defaults";

    /** Cases treated differently on purpose, by folder name (listed in docs/hydra-conformance.md). */
    static final Map<String, String> DELIBERATE_DEVIATIONS = Map.of();

    /**
     * Search-path lines of Hydra's own sources, which Osprey does not have: Hydra's bundled configs and
     * its structured-config store. Expected messages are compared without them.
     */
    static final List<String> HYDRA_ONLY_SEARCH_PATH_LINES = List.of(
            "\tprovider=hydra, path=pkg://hydra.conf",
            "\tprovider=schema, path=structured://");

    private CompositionCases() {
    }

    /** Whether {@code dir} is a case folder. */
    static boolean isCase(Path dir) {
        return Files.isRegularFile(dir.resolve("case.yaml")) && Files.isDirectory(dir.resolve("conf"));
    }

    static CaseResult check(Path dir) {
        String name = dir.getFileName().toString();
        if (DELIBERATE_DEVIATIONS.containsKey(name)) {
            return CaseResult.skipped(CORPUS, name, DELIBERATE_DEVIATIONS.get(name));
        }
        try {
            compare(dir);
            return CaseResult.passed(CORPUS, name);
        } catch (Mismatch m) {
            return CaseResult.failed(CORPUS, name, m.getMessage());
        } catch (IOException e) {
            return CaseResult.failed(CORPUS, name, "cannot read the case: " + e);
        } catch (RuntimeException e) {
            return CaseResult.failed(CORPUS, name, "unexpected " + e);
        }
    }

    private static void compare(Path dir) throws IOException {
        Config caseConfig = Config.of(YamlLoader.loadConfig(dir.resolve("case.yaml")));
        String configName = caseConfig.has("config_name") ? caseConfig.getString("config_name") : "config";
        Path overridesFile = dir.resolve("overrides.txt");
        List<String> overrides = Files.exists(overridesFile) ? Files.readAllLines(overridesFile).stream()
                .filter(line -> !line.isBlank()).toList() : List.of();
        if (caseConfig.has("overrides")) {
            // read as written: an override such as app=${db.driver} is data here, not an interpolation
            Mismatch.check("overrides.txt and case.yaml agree", caseConfig.find("overrides").orElseThrow().toPlain(),
                    overrides);
        }
        Path conf = dir.resolve("conf").toAbsolutePath().normalize();
        Composer composer = new Composer(ConfigRepository.fromDirectory(conf));
        Path expectedFile = dir.resolve("expected.yaml");
        if (Files.exists(expectedFile)) {
            Config expected = Config.of(YamlLoader.loadConfig(expectedFile));
            Config actual = composer.compose(configName, overrides);
            Mismatch.check("composed config", expected.root(), actual.root());
            Mismatch.check("composed config with its key order", expected.toYaml(), actual.toYaml());
            return;
        }
        String expectedError = Files.readString(dir.resolve("expected_error.txt")).stripTrailing()
                .replace("<conf>", conf.toString());
        for (String line : HYDRA_ONLY_SEARCH_PATH_LINES) {
            expectedError = expectedError.replace(line + "\n", "").replace("\n" + line, "");
        }
        ComposerException error;
        try {
            Config composed = composer.compose(configName, overrides);
            throw new Mismatch("an error is expected, but it composed:\n" + composed.toYaml());
        } catch (ComposerException e) {
            error = e;
        }
        Mismatch.check("error message", expectedError, error.getMessage());
        if (caseConfig.has("error_class") && caseConfig.getString("error_class").equals("MissingConfigException")) {
            Mismatch.check("error class", MissingConfigException.class, error.getClass());
        }
    }
}
