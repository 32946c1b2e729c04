package dev.osprey.sweeper.docs;

import dev.osprey.composer.bind.ConfigBindingException;
import dev.osprey.composer.bind.Records;
import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.Composition;
import dev.osprey.composer.compose.ConfigRepository;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.output.JobDirectory;
import dev.osprey.composer.output.OutputDirectories;
import dev.osprey.composer.output.SweepDirectory;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.sweeper.space.SearchSpace;
import dev.osprey.sweeper.space.SearchSpaces;
import dev.osprey.composer.yaml.YamlLoader;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Java examples of docs/configs-and-overrides.md: {@link DocExamplesTest} checks that each
 * appears here word for word, and the blocks with an {@code id} are compared with what the code gives.
 */
class DocJavaExamplesTest {

    static final Path SOURCE = Path.of("src", "test", "java", "dev", "osprey", "sweeper", "docs",
            "DocJavaExamplesTest.java");

    record Optimizer(String name, double lr) {
    }

    record Trainer(int epochs, Optional<Long> seed) {
    }

    record Train(Optimizer optimizer, Trainer trainer) {
        static Train defaults() {
            return new Train(new Optimizer("adam", 1e-3), new Trainer(10, Optional.empty()));
        }
    }

    @TempDir
    Path dir;

    private Path conf;

    @BeforeEach
    void tree() {
        conf = dir.resolve("conf");
        DocBlocks.writeFiles(DocBlocks.read(), conf);
    }

    @Test
    void composing() {
        Composer composer = new Composer(ConfigRepository.fromDirectory(conf));
        Config config = composer.compose("config", List.of("db=postgresql", "app.workers=8"));
        int workers = config.getInt("app.workers");
        assertEquals(8, workers);
        assertEquals("postgresql", config.getString("db.driver"));
    }

    @Test
    void proposalsAndOutputDirectories() throws IOException {
        Composer composer = new Composer(ConfigRepository.fromDirectory(conf));
        SearchSpace space = SearchSpaces.fromStrings(List.of("db=choice(mysql,postgresql)", "+app.lr=interval(1e-5, 1e-1)"));
        Map<String, Object> proposal = Map.of("db", "postgresql", "+app.lr", 0.0031);
        Composition trial = composer.composeProposal("config", List.of("app.workers=8"), proposal);
        List<ConfigOverride> jobOverrides = space.jobOverrides(proposal);
        Resolvers resolvers = Resolvers.standard().withRuntimeValues(Map.of("trial.number", 17, "output_dir", "runs/17"));
        Config trialConfig = trial.resolvedConfig(resolvers);
        assertEquals("postgresql", trialConfig.getString("db.driver"));
        assertEquals(0.0031, trialConfig.getDouble("app.lr"));
        assertEquals(8, trialConfig.getInt("app.workers"));
        assertTrue(jobOverrides.stream().map(ConfigOverride::jobString).toList()
                .containsAll(List.of("db=postgresql", "+app.lr=0.0031")), jobOverrides.toString());

        Path base = dir.resolve("work");
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
        OutputDirectories outputs = OutputDirectories.under(base, clock);
        JobDirectory run = outputs.createRun();
        SweepDirectory sweep = outputs.createSweep();
        JobDirectory job = sweep.createJob(0);
        job.writeMetadata(trialConfig, jobOverrides, Config.of(Map.of("sampler", "tpe")));
        JobDirectory second = outputs.createSweep().createJob(0);
        assertEquals(DocBlocks.block("outputs").lines(), leaves(base));
        assertEquals(base.resolve("outputs/2026-03-04/05-06-07"), run.path());
        assertEquals(base.resolve("multirun/2026-03-04/05-06-07_1/0"), second.path());
    }

    @Test
    void records() {
        Config composed = Config.of(YamlLoader.loadConfig("optimizer: {name: sgd, lr: '0.01'}\ntrainer: {epochs: 20}\n",
                "composed"));
        Train train = Records.bind(composed, Train.class);
        Trainer trainer = Records.bind(composed, "trainer", Trainer.class);
        ConfigRepository withSchema = ConfigRepository.fromDirectory(conf).withRecord("train_schema", Train.class);
        assertEquals(new Train(new Optimizer("sgd", 0.01), new Trainer(20, Optional.empty())), train);
        assertEquals(train.trainer(), trainer);
        assertEquals(10, new Composer(withSchema).compose("train_schema").getInt("trainer.epochs"));
        ConfigBindingException e = assertThrows(ConfigBindingException.class, () -> {
            Records.checkOverrides(Train.class, List.of("trainer.epoch=3", "trainer.epochs=ten", "optimizer.lr=interval(0, 1)"));
        });
        assertEquals(DocBlocks.block("schema").content(), e.getMessage());
    }

    /** Files and empty directories under {@code base}, relative, with {@code /}, sorted. */
    private static List<String> leaves(Path base) throws IOException {
        try (Stream<Path> paths = Files.walk(base)) {
            return paths.filter(p -> {
                if (Files.isRegularFile(p)) {
                    return true;
                }
                try (Stream<Path> children = Files.list(p)) {
                    return children.findAny().isEmpty();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> base.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
