package dev.osprey.composer.compose;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import dev.osprey.composer.yaml.YamlLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Composes small Hydra apps ({@code hydra-apps/} in the test resources, cases in its
 * {@code cases.yaml}) with {@link Composer#withHydraRuntime(String)} and with the real Hydra 1.3.2,
 * and compares the hydra node, the job config ({@link Composition#jobConfig()}), the choices, or the
 * error message. The keys Hydra fills in while it runs ({@code hydra.runtime}, {@code hydra.overrides},
 * {@code hydra.job.override_dirname}) are left out of the comparison, and of {@code hydra.help} and
 * {@code hydra.hydra_help}, whose templates Osprey keeps short, only the keys are compared.
 *
 * <p>Hydra is found through {@code OSPREY_HYDRA_PYTHON} and {@code OSPREY_HYDRA_PYTHONPATH} (written by
 * {@code scripts/hydra-peer.sh} into {@code /tmp/osprey-hydra/env.sh}). Without them each case is
 * composed by Osprey only and then skipped, saying why; under {@code CI=true} that fails instead.
 */
class HydraAppsConformanceTest {

    private static final List<String> RUNTIME_FILLED = List.of("runtime", "overrides", "job.override_dirname");
    private static final List<String> HELP = List.of("help", "hydra_help");

    private static Path apps;
    private static List<Map<String, Object>> cases;
    /** The real Hydra's outcome per case name, or {@code null} when Hydra is not available. */
    private static Map<String, Object> hydra;
    private static String unavailable;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void composeWithHydra() throws IOException, InterruptedException, URISyntaxException {
        apps = Path.of(HydraAppsConformanceTest.class.getResource("/hydra-apps").toURI());
        Path casesFile = apps.resolve("cases.yaml");
        cases = (List<Map<String, Object>>) ((Map<String, Object>) YamlLoader.loadConfig(casesFile).toPlain()).get("cases");
        String python = System.getenv("OSPREY_HYDRA_PYTHON");
        String pythonPath = System.getenv("OSPREY_HYDRA_PYTHONPATH");
        if (python == null || pythonPath == null) {
            unavailable = "the real Hydra is not available: OSPREY_HYDRA_PYTHON and OSPREY_HYDRA_PYTHONPATH are not"
                    + " set (run scripts/hydra-peer.sh, then . /tmp/osprey-hydra/env.sh)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and " + unavailable);
            }
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(python, apps.resolve("compose_with_hydra.py").toString(),
                apps.toString(), casesFile.toString());
        builder.environment().put("PYTHONPATH", pythonPath);
        Path errors = Files.createTempFile("hydra-apps", ".stderr");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String stderr = Files.readString(errors);
        Files.delete(errors);
        if (!finished) {
            process.destroyForcibly();
            fail("Hydra took more than 120 s to compose the cases; stderr:\n" + stderr);
        }
        assertEquals(0, process.exitValue(), "compose_with_hydra.py failed:\n" + stderr);
        hydra = (Map<String, Object>) YamlLoader.load(out, "compose_with_hydra.py output").toPlain();
    }

    @TestFactory
    Stream<DynamicTest> appsComposeAsInHydra() {
        return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check(c)));
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> testCase) {
        String name = (String) testCase.get("name");
        Composer composer = new Composer(ConfigRepository.fromDirectory(apps.resolve((String) testCase.get("app"))
                .resolve("conf"))).withHydraRuntime("app");
        List<String> overrides = (List<String>) testCase.getOrDefault("overrides", List.of());
        String config = (String) testCase.getOrDefault("config", "config");
        boolean error = Boolean.TRUE.equals(testCase.get("error"));
        Composition composition = null;
        String message = null;
        if (error) {
            message = assertThrows(RuntimeException.class, () -> composer.composition(config, overrides)).getMessage();
        } else {
            composition = composer.composition(config, overrides);
        }
        assumeTrue(hydra != null, () -> unavailable);
        assumeTrue(testCase.get("deviation") == null, () -> "deliberate deviation: " + testCase.get("deviation"));
        Map<String, Object> expected = (Map<String, Object>) hydra.get(name);
        assertNotNull(expected, "no outcome from Hydra for " + name);
        if (error) {
            assertNotNull(expected.get("error"), "Hydra composed " + name + " without an error");
            if (testCase.containsKey("osprey_error")) {
                // Osprey words this error as Hydra 1.4 does (see the project's conformance corpus, case 23)
                assertEquals(testCase.get("hydra_error"), expected.get("error"), "Hydra 1.3.2's message");
                assertEquals(testCase.get("osprey_error"), message, "Osprey's message");
                return;
            }
            int lines = ((Number) testCase.getOrDefault("error_lines", 1000)).intValue();
            assertEquals(firstLines((String) expected.get("error"), lines), firstLines(message, lines));
            return;
        }
        assertNull(expected.get("error"), () -> "Hydra failed on " + name + ": " + expected.get("error"));
        Map<String, Object> hydraConfig = (Map<String, Object>) expected.get("config");
        Map<String, Object> ospreyConfig = (Map<String, Object>) composition.config().root().toPlain();
        assertEquals(withoutRuntimeValues((Map<String, Object>) hydraConfig.get("hydra")),
                withoutRuntimeValues((Map<String, Object>) ospreyConfig.get("hydra")), "the hydra node of " + name);
        Map<String, Object> hydraJob = new LinkedHashMap<>(hydraConfig);
        hydraJob.remove("hydra");
        assertEquals(hydraJob, composition.jobConfig().root().toPlain(), "the job config of " + name);
        assertEquals(expected.get("choices"), new HashMap<>(composition.choices()), "the choices of " + name);
    }

    private static String firstLines(String text, int lines) {
        List<String> all = Arrays.asList(text.split("\n", -1));
        return String.join("\n", all.subList(0, Math.min(lines, all.size())));
    }

    /**
     * The hydra node without the keys Hydra fills in while running, which Osprey leaves unfilled; of
     * the help templates (shorter in Osprey) only the keys are compared.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutRuntimeValues(Map<String, Object> node) {
        assertNotNull(node, "no hydra node");
        Config config = Config.of((MapValue) ConfigValue.of(node));
        for (String key : RUNTIME_FILLED) {
            assertTrue(config.has(key), "the hydra node lacks " + key);
            config = config.delete(key);
        }
        Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) config.root().toPlain());
        for (String help : HELP) {
            out.put(help, new TreeSet<>(((Map<String, Object>) out.get(help)).keySet()));
        }
        return out;
    }
}
