package dev.osprey.sweeper.hydra;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.ConfigRepository;
import dev.osprey.composer.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HydraSettingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path conf;

    private HydraSettings settings(String config, String... overrides) throws Exception {
        Files.writeString(conf.resolve("config.yaml"), config);
        Composer composer = new Composer(ConfigRepository.fromDirectory(conf)).withHydraRuntime("train");
        return HydraSettings.of(composer.compose("config", List.of(overrides)), "train", CLOCK);
    }

    @Test
    void hydrasDefaultFoldersLeaveOspreysAndChangedOnesAreTaken() throws Exception {
        assertEquals(Config.empty(), settings("x: 1\n").ospreyNode());
        HydraSettings changed = settings("x: 1\n", "hydra.run.dir=runs/${hydra.job.name}/${now:%H}",
                "hydra.sweep.dir=sweeps/${hydra:job.name}");
        assertEquals("runs/train/10", changed.ospreyNode().getString("run.dir"),
                "a folder that refers to Hydra's own values is resolved when the run starts");
        assertEquals("runs/${now:%H}", settings("x: 1\n", "hydra.run.dir=runs/${now:%H}").ospreyNode().find("run.dir")
                        .orElseThrow().toPlain(),
                "one that does not is left to the output folders, which date it");
        assertEquals("sweeps/train", changed.ospreyNode().getString("sweep.dir"));
    }

    @Test
    void aSubdirOtherThanTheJobNumberIsNoted() throws Exception {
        HydraSettings settings = settings("x: 1\n", "hydra.sweep.subdir=${hydra.job.override_dirname}");
        assertTrue(settings.notes().get(0).startsWith("hydra.sweep.subdir is ${hydra.job.override_dirname}, but Osprey"),
                settings.notes().toString());
    }

    @Test
    void theOptunaSweeperSelectedInTheDefaultsListBecomesTheSweep() throws Exception {
        HydraSettings settings = settings("""
                defaults:
                  - override hydra/sweeper: optuna
                  - override hydra/sweeper/sampler: random
                hydra:
                  sweeper:
                    n_trials: ${oc.env:NO_SUCH_VARIABLE_HERE,7}
                    params:
                      x: interval(0, 1)
                x: 0.5
                """);
        Config sweeper = settings.ospreyNode().getConfig("sweeper");
        assertEquals("random", sweeper.getString("sampler"));
        assertEquals("7", String.valueOf(sweeper.get("n_trials").toPlain()), "interpolations in hydra.sweeper resolve");
        assertEquals("interval(0, 1)", sweeper.getString("params.x"));
        assertFalse(settings("x: 1\n").ospreyNode().has("sweeper"), "the basic sweeper means no settings");
    }
}
