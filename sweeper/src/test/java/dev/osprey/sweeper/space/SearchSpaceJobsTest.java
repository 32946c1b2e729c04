package dev.osprey.sweeper.space;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.ConfigRepository;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.ConfigOverride;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A search space's proposal gives the same config whether composed directly or through the job's overrides. */
class SearchSpaceJobsTest {

    @TempDir
    Path conf;

    private Composer tree() throws IOException {
        Files.createDirectories(conf.resolve("optimizer"));
        Files.createDirectories(conf.resolve("model"));
        Files.writeString(conf.resolve("train.yaml"), """
                defaults:
                  - optimizer: adam
                  - model: resnet
                  - _self_
                tag: none
                """);
        Files.writeString(conf.resolve("optimizer/adam.yaml"), "name: adam\nlr: 0.001\n");
        Files.writeString(conf.resolve("model/resnet.yaml"), "name: resnet\ndepth: 50\n");
        Files.writeString(conf.resolve("model/vit.yaml"), "name: vit\npatch: 16\n");
        return new Composer(ConfigRepository.fromDirectory(conf));
    }

    @Test
    void aSearchSpaceOverGroupsAndValuesGivesTheSameConfig() throws IOException {
        Composer composer = tree();
        SearchSpace space = SearchSpaces.fromStrings(List.of("model=choice(resnet,vit)",
                "optimizer.lr=tag(log, interval(1e-5, 1e-1))", "+note=hello world"));
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("model", "vit");
        proposal.put("optimizer.lr", 1.2345678901234567e-5);
        List<ConfigOverride> job = space.jobOverrides(proposal);
        List<String> jobStrings = job.stream().map(ConfigOverride::jobString).toList();
        assertEquals(List.of("+note=hello\\ world", "model=vit", "optimizer.lr=1.2345678901234568e-05"), jobStrings);
        Config viaJob = composer.composeParsed("train", job).config();
        assertEquals(viaJob, composer.compose("train", jobStrings), "a Hydra app reading the job strings gets the same");
        Config viaProposal = composer.composeProposal("train", List.of("+note=hello world"), proposal).config();
        assertEquals(viaJob, viaProposal);
        assertEquals(1.2345678901234567e-5, viaJob.getDouble("optimizer.lr"));
        assertEquals("hello world", viaJob.getString("note"));
    }
}
