package dev.osprey.composer.compose;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.Resolvers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    void aValueWithoutAnOverrideFormNamesTheParameter() {
        CompositionException e = assertThrows(CompositionException.class,
                () -> composer.composeProposal("train", List.of(), Map.of("model", new Object())));
        assertTrue(e.getMessage().startsWith("Cannot compose proposed parameter 'model': a value of type"
                + " java.lang.Object has no override form"), e.getMessage());
    }

    @Test
    void proposedStringsReachTheConfigVerbatim() {
        for (String text : List.of("it's", ";x", "`x`", "a \\ b", "\"q\"", "$(date)", "10", "na\u00efve")) {
            Config config = composer.composeProposal("train", List.of(), Map.of("tag", text)).config();
            assertEquals(text, config.getString("tag"), text);
        }
    }
}
