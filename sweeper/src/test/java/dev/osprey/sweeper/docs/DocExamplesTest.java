package dev.osprey.sweeper.docs;

import dev.osprey.composer.ComposerException;
import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.Composition;
import dev.osprey.composer.compose.ConfigRepository;
import dev.osprey.composer.config.Config;
import dev.osprey.sweeper.docs.DocBlocks.Block;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.multirun.BasicSweeper;
import dev.osprey.sweeper.space.SearchSpaces;
import dev.osprey.composer.yaml.YamlLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks every example of docs/configs-and-overrides.md, in the page's order: files are written into a
 * config directory, overrides composed, and each result, resolved config, type list, error, job list
 * and distribution list compared with what the composer gives. A block of an unknown kind fails, so
 * that no example goes unchecked.
 */
class DocExamplesTest {

    /** The runtime the page states for its resolved examples. */
    static final Resolvers RESOLVERS = Resolvers.standard(Map.of("USER", "ana")::get,
            Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC),
            Map.of("job.num", 3, "trial.number", 17, "study.name", "mnist", "output_dir", "/runs/mnist/3"));

    @TempDir
    Path conf;

    private Composition composition;
    private RuntimeException compositionError;
    private List<String> pending;

    @TestFactory
    Stream<DynamicTest> examples() {
        List<Block> blocks = DocBlocks.read();
        assertTrue(blocks.size() > 30, "the page has its examples");
        return blocks.stream().map(b -> DynamicTest.dynamicTest("line " + b.line() + ": " + b.language() + " "
                + String.join(" ", b.flags()) + " " + b.attributes(), () -> check(b)));
    }

    private void check(Block block) throws IOException {
        if (block.attribute("file") != null) {
            DocBlocks.writeFile(block, conf);
        } else if (block.attribute("check") != null) {
            javaExample(block);
        } else if (block.attribute("id") != null) {
            String source = Files.readString(DocJavaExamplesTest.SOURCE);
            assertTrue(source.contains("block(\"" + block.attribute("id") + "\")"),
                    "the block id=" + block.attribute("id") + " is checked by DocJavaExamplesTest");
        } else if (block.is("overrides")) {
            compose(block);
        } else if (block.is("result")) {
            Config expected = Config.of(YamlLoader.loadConfig(block.content(), "line " + block.line()));
            Config actual = composed(block);
            assertEquals(expected.root(), actual.root());
            assertEquals(expected.toYaml(), actual.toYaml(), "key order");
        } else if (block.is("resolved")) {
            Config expected = Config.of(YamlLoader.loadConfig(block.content(), "line " + block.line()));
            Config actual = composition(block).resolvedConfig(RESOLVERS);
            assertEquals(expected.resolve(Resolvers.empty()).root(), actual.root());
            assertEquals(expected.toYaml(), actual.toYaml(), "key order and escapes");
        } else if (block.is("types")) {
            Config config = composed(block);
            for (String line : block.lines()) {
                String[] pathAndType = line.split(": ", 2);
                assertEquals(pathAndType[1], config.get(pathAndType[0]).typeName(), line);
            }
        } else if (block.is("error")) {
            error(block);
        } else if (block.is("sweep") || block.is("search-space")) {
            pending = block.lines();
        } else if (block.is("jobs")) {
            assertNotNull(pending, "a jobs block follows a sweep block");
            List<String> jobs = BasicSweeper.create().batchesOf(pending).getFirst().stream()
                    .map(job -> String.join(" ", job)).toList();
            assertEquals(block.lines(), jobs);
        } else if (block.is("distributions")) {
            assertNotNull(pending, "a distributions block follows a search-space block");
            List<String> lines = new ArrayList<>();
            SearchSpaces.fromStrings(pending).distributions().forEach((name, d) -> lines.add(name + ": " + d));
            assertEquals(block.lines(), lines);
        } else {
            fail("line " + block.line() + ": a block of an unknown kind is not checked: " + block.language() + " "
                    + block.flags() + " " + block.attributes());
        }
    }

    private void compose(Block block) {
        Composer composer = new Composer(ConfigRepository.fromDirectory(conf));
        String name = block.attribute("config");
        assertNotNull(name, "line " + block.line() + ": an overrides block names its config=");
        composition = null;
        compositionError = null;
        try {
            composition = composer.composition(name, block.lines().stream().filter(l -> !l.isBlank()).toList());
        } catch (ComposerException e) {
            compositionError = e;
        }
    }

    private Composition composition(Block block) {
        if (compositionError != null) {
            throw new AssertionError("line " + block.line() + ": the composition failed: "
                    + compositionError.getMessage(), compositionError);
        }
        assertNotNull(composition, "line " + block.line() + ": an overrides block comes first");
        return composition;
    }

    private Config composed(Block block) {
        return composition(block).config();
    }

    private void error(Block block) {
        String expected = block.content().replace("<conf>", conf.toAbsolutePath().normalize().toString());
        String key = block.attribute("resolve");
        if (key != null) {
            Config config = composed(block);
            assertEquals(expected, assertThrows(ComposerException.class, () -> config.get(key)).getMessage());
            return;
        }
        assertNotNull(compositionError, "line " + block.line() + ": the composition was expected to fail");
        assertEquals(expected, compositionError.getMessage());
    }

    private static void javaExample(Block block) throws IOException {
        Path source = DocJavaExamplesTest.SOURCE.resolveSibling(block.attribute("check") + ".java");
        assertTrue(normalized(Files.readString(source)).contains(normalized(block.content())),
                "line " + block.line() + ": the Java example appears in " + source.getFileName() + ", which runs it");
    }

    /** Lines stripped of indentation and blank lines dropped, so that indentation does not matter. */
    private static String normalized(String text) {
        return String.join("\n", text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
}
