package dev.osprey.composer.output;

import dev.osprey.composer.ComposerException;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Overrides;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputDirectoriesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path base;

    private OutputDirectories outputs() {
        return OutputDirectories.under(base, CLOCK);
    }

    @Test
    void runDirectoriesFollowHydrasPatternAndNeverShareAName() throws IOException {
        JobDirectory first = outputs().createRun();
        assertEquals(base.resolve("outputs/2026-03-04/05-06-07"), first.path());
        assertTrue(Files.isDirectory(first.path()));
        assertEquals(OptionalInt.empty(), first.jobNum());
        assertEquals(base.resolve("outputs/2026-03-04/05-06-07_1"), outputs().createRun().path(),
                "a second run in the same second gets a suffix");
        Files.createDirectory(base.resolve("outputs/2026-03-04/05-06-07_2"));
        assertEquals(base.resolve("outputs/2026-03-04/05-06-07_3"), outputs().createRun().path(),
                "a name taken by another process is skipped");
    }

    @Test
    void sweepsHoldOneDirectoryPerJobNumber() {
        SweepDirectory sweep = outputs().createSweep();
        assertEquals(base.resolve("multirun/2026-03-04/05-06-07"), sweep.path());
        JobDirectory job = sweep.createJob(0);
        assertEquals(sweep.path().resolve("0"), job.path());
        assertEquals(OptionalInt.of(0), job.jobNum());
        assertEquals(sweep.path().resolve("12"), sweep.createJob(12).path());
        ComposerException twice = assertThrows(ComposerException.class, () -> sweep.createJob(0));
        assertEquals("The directory of job 0 already exists: " + sweep.path().resolve("0") + ". Each job of a sweep"
                + " needs its own number; give the next job the next number (or start a new sweep).", twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sweep.createJob(-1));
        assertEquals(base.resolve("multirun/2026-03-04/05-06-07_1"), outputs().createSweep().path());
    }

    @Test
    void patternsUseTheClockAndTheEnvironment() {
        JobDirectory run = outputs().createRun("runs/${oc.env:OSPREY_NO_SUCH_VARIABLE,local}/${now:yyyyMMdd-HHmmss}");
        assertEquals(base.resolve("runs/local/20260304-050607"), run.path());
        ComposerException e = assertThrows(ComposerException.class, () -> outputs().createRun("runs/${model.name}"));
        assertTrue(e.getMessage().startsWith("Cannot name the output directory from the pattern 'runs/${model.name}':"
                + " Interpolation '${model.name}' at 'dir': key 'model' not found."), e.getMessage());
    }

    @Test
    void metadataRecordsConfigOverridesAndSettings() throws IOException {
        JobDirectory job = outputs().createSweep().createJob(3);
        Config config = Config.of(Map.of("optimizer", Map.of("lr", 0.01, "name", "sgd"), "note", "\\${x}"))
                .resolve();
        assertEquals("${x}", config.getString("note"));
        List<ConfigOverride> overrides = Overrides.parseAll(List.of("optimizer=sgd", "optimizer.lr=1e-2", "+note=a b",
                "+quote=\"it's\""));
        job.writeMetadata(config, overrides, Config.of(Map.of("sampler", "tpe", "seed", 7)));
        Path meta = job.path().resolve(".osprey");
        assertEquals(meta, job.metadataDir());
        assertEquals(config.root(), Config.of(YamlLoader.loadConfig(meta.resolve("config.yaml"))).resolve().root(),
                "the file reads back as the config, literal text included");
        ConfigValue written = YamlLoader.load(Files.readString(meta.resolve("overrides.yaml")), "overrides.yaml");
        assertEquals(List.of("optimizer=sgd", "optimizer.lr=0.01", "+note=a\\ b", "+quote=\"it's\""), written.toPlain(),
                "each override as a job receives it");
        assertEquals(Map.of("sampler", "tpe", "seed", 7L),
                YamlLoader.loadConfig(meta.resolve("osprey.yaml")).toPlain());
        ComposerException again = assertThrows(ComposerException.class,
                () -> job.writeMetadata(config, overrides, Config.empty()));
        assertTrue(again.getMessage().endsWith("config.yaml already exists: the metadata of a job is written once."
                + " Write the metadata of another run to its own directory."), again.getMessage());
    }

    @Test
    void noOverridesIsAnEmptyList() throws IOException {
        JobDirectory run = outputs().createRun();
        run.writeMetadata(Config.empty(), List.of(), Config.empty());
        assertEquals(List.of(), YamlLoader.load(Files.readString(run.metadataDir().resolve("overrides.yaml")), "o")
                .toPlain());
    }
}
