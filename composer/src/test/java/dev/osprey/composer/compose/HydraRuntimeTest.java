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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Composing with Hydra's runtime: Hydra's own config groups, the hydra node and the job's view. */
class HydraRuntimeTest {

    @TempDir
    Path conf;

    private Composer plain;
    private Composer hydra;

    private void write(String path, String text) throws IOException {
        Path file = conf.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @BeforeEach
    void tree() throws IOException {
        write("config.yaml", """
                defaults:
                  - db: mysql
                  - _self_
                  - override hydra/job_logging: disabled
                lr: 0.1
                """);
        write("db/mysql.yaml", "driver: mysql\n");
        write("db/h2.yaml", "driver: h2\n");
        write("bare.yaml", "x: 1\n");
        plain = new Composer(ConfigRepository.fromDirectory(conf));
        hydra = plain.withHydraRuntime();
    }

    private Composition compose(String config, String... overrides) {
        return hydra.composition(config, List.of(overrides));
    }

    private String error(String config, String... overrides) {
        return assertThrows(CompositionException.class, () -> compose(config, overrides)).getMessage();
    }

    @Test
    void theDefaultComposerIsUnchangedAndKnowsNoHydraGroups() {
        assertFalse(plain.hasHydraRuntime());
        assertFalse(plain.repository().hasHydraConfigs());
        assertTrue(hydra.hasHydraRuntime());
        assertNotSame(plain.repository(), hydra.repository());
        String message = assertThrows(CompositionException.class, () -> plain.compose("config")).getMessage();
        assertEquals("In 'config': Invalid Defaults List override 'hydra/job_logging: disabled'.\n"
                + "No earlier Group Default for 'hydra/job_logging' exists to override.", message);
        assertFalse(plain.compose("bare").has("hydra"));
    }

    @Test
    void hydraDefaultsAreComposedUnderTheHydraNode() {
        Composition run = compose("bare");
        Config config = run.config();
        assertEquals("outputs/${now:%Y-%m-%d}/${now:%H-%M-%S}", config.find("hydra.run.dir").orElseThrow().toPlain());
        assertEquals("${hydra.job.num}", config.find("hydra.sweep.subdir").orElseThrow().toPlain());
        assertEquals("hydra._internal.core_plugins.basic_launcher.BasicLauncher",
                config.getString("hydra.launcher._target_"));
        assertEquals("hydra._internal.core_plugins.basic_sweeper.BasicSweeper", config.getString("hydra.sweeper._target_"));
        assertEquals("INFO", config.getString("hydra.job_logging.root.level"));
        assertEquals(Map.of(), config.find("hydra.env").orElseThrow().toPlain());
        assertEquals(".hydra", config.getString("hydra.output_subdir"));
        assertEquals("bare", config.getString("hydra.job.config_name"));
        assertTrue(config.isMissing("hydra.job.name"));
        assertTrue(config.isMissing("hydra.job.num"));
        assertTrue(config.isMissing("hydra.runtime.output_dir"));
        assertEquals(Map.of(), config.find("hydra.runtime.choices").orElseThrow().toPlain());
        assertEquals("=", config.getString("hydra.job.config.override_dirname.kv_sep"));
        Map<String, String> choices = new java.util.HashMap<>(run.choices());
        assertEquals(Map.of("hydra/output", "default", "hydra/launcher", "basic", "hydra/sweeper", "basic",
                "hydra/help", "default", "hydra/hydra_help", "default", "hydra/hydra_logging", "default",
                "hydra/job_logging", "default", "hydra/env", "default"), without(choices, "hydra/callbacks"));
        assertTrue(run.choices().containsKey("hydra/callbacks"));
        assertEquals(Optional.empty(), run.choice("hydra/callbacks"));
        assertEquals(List.of("hydra/output/default", "hydra/launcher/basic", "hydra/sweeper/basic",
                "hydra/help/default", "hydra/hydra_help/default", "hydra/hydra_logging/default",
                "hydra/job_logging/default", "hydra/env/default", "hydra/config", "bare"),
                run.defaults().stream().map(ComposedDefault::configPath).toList());
    }

    private static Map<String, String> without(Map<String, String> map, String key) {
        map.remove(key);
        return map;
    }

    @Test
    void theJobViewHasNoHydraNode() {
        Composition run = compose("config");
        assertTrue(run.config().has("hydra"));
        Config job = run.jobConfig();
        assertFalse(job.has("hydra"));
        assertEquals(Map.of("db", Map.of("driver", "mysql"), "lr", 0.1), job.root().toPlain());
        assertTrue(run.hydraNode().isPresent());
        assertTrue(plain.composition("bare", List.of()).hydraNode().isEmpty());
    }

    @Test
    void theJobViewResolvesWithoutHydrasRuntimeValues() throws IOException {
        write("dated.yaml", "day: ${now:%Y-%m-%d}\nname: ${oc.env:NO_SUCH_VARIABLE_HERE,x}\n");
        Composition run = compose("dated");
        Resolvers resolvers = Resolvers.standard(name -> null,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), Map.of());
        assertEquals(Map.of("day", "2026-03-04", "name", "x"), run.resolvedJobConfig(resolvers).root().toPlain());
        assertThrows(RuntimeException.class, () -> run.resolvedConfig(resolvers));
    }

    @Test
    void overridesOfHydraGroupsInThePrimaryConfig() {
        Composition run = compose("config");
        assertEquals(Optional.of("disabled"), run.choice("hydra/job_logging"));
        assertEquals(Map.of("version", 1L, "root", Map.of("level", "ERROR"), "disable_existing_loggers", true),
                run.config().find("hydra.job_logging").orElseThrow().toPlain());
    }

    @Test
    void optunaSweeperWithSamplerFromTheCommandLine() {
        Composition run = compose("bare", "hydra/sweeper=optuna", "hydra/sweeper/sampler=random",
                "hydra.sweeper.n_trials=5");
        Config config = run.config();
        assertEquals(Optional.of("optuna"), run.choice("hydra/sweeper"));
        assertEquals(Optional.of("random"), run.choice("hydra/sweeper/sampler"));
        assertEquals("hydra_plugins.hydra_optuna_sweeper.optuna_sweeper.OptunaSweeper",
                config.getString("hydra.sweeper._target_"));
        Map<String, Object> sampler = new java.util.HashMap<>();
        sampler.put("_target_", "optuna.samplers.RandomSampler");
        sampler.put("seed", null);
        assertEquals(sampler, config.find("hydra.sweeper.sampler").orElseThrow().toPlain());
        assertEquals(5, config.getInt("hydra.sweeper.n_trials"));
        assertEquals("minimize", config.getString("hydra.sweeper.direction"));
        assertEquals(0.0, config.getDouble("hydra.sweeper.max_failure_rate"));
    }

    @Test
    void tpeIsTheDefaultSamplerAndEverySamplerOptionComposes() {
        Config tpe = compose("bare", "hydra/sweeper=optuna").config();
        assertEquals("optuna.samplers.TPESampler", tpe.getString("hydra.sweeper.sampler._target_"));
        assertEquals(24, tpe.getInt("hydra.sweeper.sampler.n_ei_candidates"));
        assertEquals(List.of("cmaes", "gp", "grid", "motpe", "nsgaii", "qmc", "random", "tpe"),
                hydra.repository().options("hydra/sweeper/sampler"));
        Map<String, String> targets = Map.of("cmaes", "CmaEsSampler", "gp", "GPSampler", "grid", "GridSampler",
                "motpe", "MOTPESampler", "nsgaii", "NSGAIISampler", "qmc", "QMCSampler", "random", "RandomSampler",
                "tpe", "TPESampler");
        targets.forEach((option, type) -> assertEquals("optuna.samplers." + type, compose("bare",
                "hydra/sweeper=optuna", "hydra/sweeper/sampler=" + option).config()
                .getString("hydra.sweeper.sampler._target_"), option));
        assertTrue(compose("bare", "hydra/sweeper=optuna", "hydra/sweeper/sampler=grid").config()
                .getBoolean("hydra.sweeper.sampler._partial_"));
    }

    @Test
    void valueOverridesOfTheHydraNodeInStructMode() {
        Config config = compose("bare", "hydra.job.chdir=true", "hydra.run.dir=out/${now:%Y}",
                "+hydra.job.env_set.K=v", "++hydra.callbacks.x._target_=a.B").config();
        assertTrue(config.getBoolean("hydra.job.chdir"));
        assertEquals("out/${now:%Y}", config.find("hydra.run.dir").orElseThrow().toPlain());
        assertEquals("v", config.getString("hydra.job.env_set.K"));
        assertEquals("a.B", config.getString("hydra.callbacks.x._target_"));
        assertTrue(error("bare", "hydra.job.env_set.K=v").startsWith("Could not override 'hydra.job.env_set.K'.\n"
                + "To append to your config use +hydra.job.env_set.K=v"));
    }

    @Test
    void aJobNameFillsHydraJobNameOnlyWhenUnset() throws IOException {
        assertEquals("train", plain.withHydraRuntime("train").compose("bare").getString("hydra.job.name"));
        write("named.yaml", "hydra:\n  job:\n    name: mine\n    config_name: ignored\n");
        Config named = plain.withHydraRuntime("train").compose("named");
        assertEquals("mine", named.getString("hydra.job.name"));
        assertEquals("named", named.getString("hydra.job.config_name"));
        assertThrows(IllegalArgumentException.class, () -> plain.withHydraRuntime(" "));
    }

    @Test
    void hydraErrorTexts() throws IOException {
        write("plain_sweeper.yaml", "defaults:\n  - hydra/sweeper: optuna\n");
        assertEquals("Multiple values for hydra/sweeper. To override a value use 'override hydra/sweeper: optuna'",
                error("plain_sweeper"));
        String missing = assertThrows(MissingConfigException.class, () -> compose("bare", "hydra/sweeper=nope"))
                .getMessage();
        assertEquals("In 'hydra/config': Could not find 'hydra/sweeper/nope'\n\n"
                + "Available options in 'hydra/sweeper':\n\tbasic\n\toptuna\n"
                + "Config search path:\n\tprovider=hydra, path=pkg://hydra.conf\n\tprovider=main, path=file://"
                + conf.toAbsolutePath().normalize() + "\n\tprovider=schema, path=structured://", missing);
    }

    @Test
    void hydrasStructuredConfigsAcceptNoNewKeysButTheirDictNodesDo() throws IOException {
        write("typo.yaml", "hydra:\n  sweeper:\n    sampler:\n      seed: 1\n    n_trial: 3\n");
        assertEquals("In 'typo': ConfigKeyError raised while composing config:\nKey 'n_trial' not in 'OptunaSweeperConf'\n"
                + "    full_key: hydra.sweeper.n_trial\n    object_type=OptunaSweeperConf",
                error("typo", "hydra/sweeper=optuna"));
        assertEquals("In 'typo': ConfigKeyError raised while composing config:\nKey 'seed' not in 'GridSamplerConfig'\n"
                + "    full_key: hydra.sweeper.sampler.seed\n    reference_type=SamplerConfig\n"
                + "    object_type=GridSamplerConfig", error("typo", "hydra/sweeper=optuna", "hydra/sweeper/sampler=grid"));
        write("open.yaml", "hydra:\n  job:\n    env_set: {A: b}\n  env: {site: x}\n  job_logging: {extra: 1}\n");
        Config open = compose("open").config();
        assertEquals("b", open.getString("hydra.job.env_set.A"));
        assertEquals("x", open.getString("hydra.env.site"));
        assertEquals(1, open.getInt("hydra.job_logging.extra"));
        write("hydra/sweeper/optuna.yaml", "_target_: my.Sweeper\n");
        Composer fresh = new Composer(ConfigRepository.fromDirectory(conf)).withHydraRuntime();
        assertEquals(3, fresh.compose("typo", List.of("hydra/sweeper=optuna")).getInt("hydra.sweeper.n_trial"),
                "an app's own file replaces the structured config, and its keys are open");
    }

    @Test
    void anAppMayAddOptionsToHydraGroups() throws IOException {
        write("hydra/job_logging/custom.yaml", "version: 1\nroot:\n  level: WARNING\n");
        ConfigRepository repository = ConfigRepository.fromDirectory(conf).withHydraConfigs();
        assertEquals(List.of("custom", "default", "disabled", "none", "stdout"), repository.options("hydra/job_logging"));
        Config config = new Composer(repository).withHydraRuntime().compose("bare", List.of("hydra/job_logging=custom"));
        assertEquals("WARNING", config.getString("hydra.job_logging.root.level"));
    }
}
