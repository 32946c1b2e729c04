package dev.osprey.composer.compose;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Overrides;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sampler's proposal composed into a trial's config through the override machinery. */
class ProposalTest {

    @TempDir
    Path conf;

    private Composer composer;

    private void write(String path, String text) throws IOException {
        Path file = conf.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @BeforeEach
    void tree() throws IOException {
        write("train.yaml", """
                defaults:
                  - optimizer: adam
                  - model: resnet
                  - _self_
                run: ${model.name}_${optimizer.lr}_${osprey:trial.number}
                tag: none
                """);
        write("optimizer/adam.yaml", "name: adam\nlr: 0.001\n");
        write("optimizer/sgd.yaml", "name: sgd\nlr: 0.1\nmomentum: 0.9\n");
        write("model/resnet.yaml", "name: resnet\ndepth: 50\n");
        write("model/vit.yaml", "name: vit\npatch: 16\n");
        composer = new Composer(ConfigRepository.fromDirectory(conf));
    }

    @Test
    void aProposedGroupOptionComposesItsConfig() {
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("model", "vit");
        proposal.put("optimizer", "sgd");
        proposal.put("optimizer.lr", 0.30000000000000004);
        proposal.put("tag", "10");
        Composition trial = composer.composeProposal("train", List.of("optimizer.lr=0.5", "+seed=1"), proposal);
        Config config = trial.config();
        assertEquals("vit", config.getString("model.name"));
        assertEquals(16, config.getInt("model.patch"));
        assertTrue(!config.has("model.depth"), "the default option's config is not merged");
        assertEquals(0.9, config.getDouble("optimizer.momentum"));
        assertEquals(0.30000000000000004, config.getDouble("optimizer.lr"), "the proposal wins, every digit kept");
        assertEquals("10", config.getString("tag"), "a string stays a string");
        assertEquals(1, config.getInt("seed"));
        assertEquals(Map.of("model", "vit", "optimizer", "sgd"), trial.choices());
        Resolvers resolvers = Resolvers.standard(name -> null,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), Map.of("trial.number", 4));
        assertEquals("vit_0.30000000000000004_4", trial.resolvedConfig(resolvers).getString("run"));
    }

    @Test
    void aValueThatCannotBeWrittenNamesTheParameter() {
        CompositionException e = assertThrows(CompositionException.class,
                () -> composer.composeProposal("train", List.of(), Map.of("model", new Object())));
        assertTrue(e.getMessage().startsWith("Cannot compose proposed parameter 'model': a value of type"
                + " java.lang.Object cannot be written as an override value"), e.getMessage());
    }

    @Test
    void valuesAreWrittenSoThatTheyReadBackUnchanged() {
        assertEquals("'10'", Overrides.valueText("10"));
        assertEquals("'true'", Overrides.valueText("true"));
        assertEquals("'null'", Overrides.valueText("null"));
        assertEquals("'1e-3'", Overrides.valueText("1e-3"));
        assertEquals("'inf'", Overrides.valueText("inf"));
        assertEquals("''", Overrides.valueText(""));
        assertEquals("hello\\ world", Overrides.valueText("hello world"));
        assertEquals("a\\,b", Overrides.valueText("a,b"));
        assertEquals("'na\u00efve'", Overrides.valueText("na\u00efve"));
        assertEquals("0.1", Overrides.valueText(0.1f));
        assertEquals("1e-05", Overrides.valueText(1e-5));
        assertEquals("True", Overrides.valueText(true));
        assertEquals("[1,'2',3.5]", Overrides.valueText(List.of(1, "2", 3.5)));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lr", 0.01);
        map.put("name", "10");
        assertEquals("{lr:0.01,name:'10'}", Overrides.valueText(map));
        assertEquals("model@backup=vit", Overrides.assignment("model@backup", "vit"));
    }

    @Test
    void randomStringsAndDoublesRoundTrip() {
        SplittableRandom random = new SplittableRandom(20260304);
        String alphabet = "ab Z09_-.,:=()[]{}\\'\"$#%@/~+*?|\t\u00e9";
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(text.toString());
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(-12, 20)));
        }
        for (Object value : values) {
            if (value instanceof Double d && Double.isNaN(d)) {
                continue;
            }
            String text = Overrides.valueText(value);
            Object back = Overrides.plainValue((Element) Overrides.parse("k=" + text).value());
            assertEquals(value, back, () -> "value " + value + " written as " + text);
        }
    }
}
