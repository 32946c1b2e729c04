package dev.osprey.sweeper.hydra;

import dev.osprey.composer.config.Config;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptunaSweeperSettingsTest {

    /** hydra.sweeper as hydra-optuna-sweeper 1.3.0.dev0 composes it, with the TPE sampler, and {@code changes}. */
    private static Config hydra(Map<String, Object> changes) {
        Map<String, Object> sampler = new LinkedHashMap<>(Map.of("_target_", "optuna.samplers.TPESampler",
                "consider_prior", true, "prior_weight", 1.0, "consider_magic_clip", true, "consider_endpoints", false,
                "n_startup_trials", 10, "n_ei_candidates", 24, "multivariate", false, "warn_independent_sampling", true));
        sampler.put("seed", null);
        Map<String, Object> sweeper = new LinkedHashMap<>();
        sweeper.put("_target_", OptunaSweeperSettings.OPTUNA_SWEEPER);
        sweeper.put("sampler", sampler);
        sweeper.put("direction", "minimize");
        sweeper.put("storage", null);
        sweeper.put("study_name", null);
        sweeper.put("n_trials", 20);
        sweeper.put("n_jobs", 2);
        sweeper.put("max_failure_rate", 0.0);
        sweeper.put("search_space", null);
        sweeper.put("params", null);
        sweeper.put("custom_search_space", null);
        Config config = Config.of(Map.of("sweeper", sweeper));
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            if (change.getKey().equals("sweeper.sampler")) {
                config = config.delete("sweeper.sampler"); // another sampler option replaces the node
            }
            config = config.forceAdd(change.getKey(), change.getValue());
        }
        return config;
    }

    private static Config sweeper(Map<String, Object> changes) {
        return OptunaSweeperSettings.of(hydra(changes)).ospreyNode().getConfig("sweeper");
    }

    @Test
    void theSweepBecomesOspreysSettingsWithABudgetPerRun() {
        Config s = sweeper(Map.of("sweeper.params", Map.of("x", "interval(-5.0, 5.0)", "+opt", "choice(adam,sgd)"),
                "sweeper.direction", List.of("minimize", "maximize"), "sweeper.study_name", "sphere",
                "sweeper.n_trials", 50, "sweeper.sampler.seed", 123));
        assertEquals(50, s.getInt("n_trials"));
        assertEquals("run", s.getString("budget"), "n_trials counts per invocation, as the plugin does");
        assertEquals(2, s.getInt("n_jobs"));
        assertEquals(List.of("minimize", "maximize"), s.getList("direction"));
        assertEquals("sphere", s.getString("study_name"));
        assertEquals("tpe", s.getString("sampler"));
        assertEquals(123, s.getInt("seed"));
        assertEquals(0.0, s.getDouble("max_failure_rate"));
        assertEquals("interval(-5.0, 5.0)", s.getString("params.x"));
        assertEquals("choice(adam,sgd)", s.getConfig("params").root().entries().get("+opt").toPlain());
        assertFalse(s.has("tpe"), "the plugin's TPE defaults leave Osprey's in place");
        assertFalse(s.has("storage"));
    }

    @Test
    void changedTpeOptionsAreHonouredAndUnknownOnesNamed() {
        Config s = sweeper(Map.of("sweeper.sampler.n_startup_trials", 5, "sweeper.sampler.multivariate", true));
        assertEquals(5, s.getInt("tpe.n_startup_trials"));
        assertTrue(s.getBoolean("tpe.multivariate"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> sweeper(Map.of("sweeper.sampler.gamma_fn", "my.gamma")));
        assertTrue(e.getMessage().startsWith("hydra.sweeper.sampler.gamma_fn=my.gamma: Osprey's tpe sampler has no such option"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sweeper(Map.of("sweeper.sampler.consider_prior", false)));
        assertTrue(e.getMessage().contains("consider_prior=false"), e.getMessage());
    }

    @Test
    void samplersMapByTargetAndMissingOnesSayWhatToUse() {
        assertEquals("random", sweeper(Map.of("sweeper.sampler", Map.of("_target_", "optuna.samplers.RandomSampler",
                "seed", 7))).getString("sampler"));
        assertEquals("grid", sweeper(Map.of("sweeper.sampler", Map.of("_target_", "optuna.samplers.GridSampler",
                "_partial_", true))).getString("sampler"));
        Config nsga = sweeper(Map.of("sweeper.sampler", Map.of("_target_", "optuna.samplers.NSGAIISampler",
                "population_size", 20, "crossover_prob", 0.9, "swapping_prob", 0.5)));
        assertEquals("nsga2", nsga.getString("sampler"));
        assertEquals(20, nsga.getInt("nsga2.population_size"));
        assertFalse(nsga.has("nsga2.crossover_prob"), "the plugin's defaults leave Osprey's");
        List<String> notes = OptunaSweeperSettings.of(hydra(Map.of("sweeper.sampler", Map.of("_target_",
                "optuna.samplers.MOTPESampler", "n_startup_trials", 10)))).notes();
        assertTrue(notes.get(0).contains("MOTPESampler"), notes.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> sweeper(Map.of("sweeper.sampler",
                Map.of("_target_", "my.Sampler"))));
        assertTrue(e.getMessage().startsWith("hydra.sweeper.sampler._target_ my.Sampler is not a sampler Osprey knows"),
                e.getMessage());
    }

    @Test
    void cmaEsQmcGpAndNsgaIiiMapToOspreysSamplersWithTheirChangedOptions() {
        Map<String, Object> cma = new LinkedHashMap<>();
        cma.put("_target_", "optuna.samplers.CmaEsSampler");
        cma.put("x0", null);
        cma.put("sigma0", 0.3);
        cma.put("restart_strategy", "ipop");
        cma.put("inc_popsize", 2);
        cma.put("independent_sampler", null);
        Config cmaes = sweeper(Map.of("sweeper.sampler", cma));
        assertEquals("cmaes", cmaes.getString("sampler"));
        assertEquals(0.3, cmaes.getDouble("cmaes.sigma0"));
        assertEquals("ipop", cmaes.getString("cmaes.restart_strategy"));
        assertFalse(cmaes.has("cmaes.inc_popsize"), "the plugin's default leaves Osprey's");
        Config qmc = sweeper(Map.of("sweeper.sampler", Map.of("_target_", "optuna.samplers.QMCSampler",
                "qmc_type", "halton", "scramble", true)));
        assertEquals("qmc", qmc.getString("sampler"));
        assertEquals("halton", qmc.getString("qmc.qmc_type"));
        assertTrue(qmc.getBoolean("qmc.scramble"));
        List<String> notes = OptunaSweeperSettings.of(hydra(Map.of("sweeper.sampler", Map.of("_target_",
                "optuna.samplers.QMCSampler", "scramble", false)))).notes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("osprey.sweeper.qmc.scramble=false")), notes.toString());
        Config gp = sweeper(Map.of("sweeper.sampler", Map.of("_target_", "optuna.samplers.GPSampler",
                "n_startup_trials", 5)));
        assertEquals("gp", gp.getString("sampler"));
        assertEquals(5, gp.getInt("gp.n_startup_trials"));
        Config nsga3 = sweeper(Map.of("sweeper.sampler", Map.of("_target_", "optuna.samplers.NSGAIIISampler",
                "population_size", 40, "dividing_parameter", 4)));
        assertEquals("nsga3", nsga3.getString("sampler"));
        assertEquals(40, nsga3.getInt("nsga3.population_size"));
        assertEquals(4, nsga3.getInt("nsga3.dividing_parameter"));
    }

    @Test
    void samplerOptionsOspreyCannotHonourAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> sweeper(Map.of("sweeper.sampler",
                Map.of("_target_", "optuna.samplers.CmaEsSampler", "x0", Map.of("lr", 0.1)))));
        assertEquals("hydra.sweeper.sampler.x0={lr=0.1}: Osprey's cmaes sampler has no such option; its options are"
                + " osprey.sweeper.cmaes.inc_popsize, lr_adapt, n_startup_trials, popsize, restart_strategy, sigma0,"
                + " use_separable_cma, with_margin (docs/samplers-and-pruners.md)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> sweeper(Map.of("sweeper.sampler",
                Map.of("_target_", "optuna.samplers.NSGAIISampler", "constraints_func", "app.constraints"))));
        assertTrue(e.getMessage().startsWith("hydra.sweeper.sampler.constraints_func=app.constraints names a Python"
                + " object"), e.getMessage());
        assertTrue(e.getMessage().contains("osprey:constraint"), e.getMessage());
    }

    @Test
    void customSearchSpaceIsRefusedWithTheDeclarativeReplacement() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> sweeper(Map.of("sweeper.custom_search_space", "app.configure")));
        assertTrue(e.getMessage().startsWith("hydra.sweeper.custom_search_space names the Python function app.configure"),
                e.getMessage());
        assertTrue(e.getMessage().contains("osprey: {params:"), e.getMessage());
    }

    @Test
    void theDeprecatedTypedSearchSpaceIsConvertedUnlessParamsAreSet() {
        Map<String, Object> space = new LinkedHashMap<>();
        space.put("lr", Map.of("type", "float", "low", 1e-4, "high", 0.1, "log", true));
        space.put("layers", Map.of("type", "int", "low", 1, "high", 8));
        space.put("batch", Map.of("type", "int", "low", 16, "high", 64, "step", 16));
        space.put("act", Map.of("type", "categorical", "choices", List.of("relu", "it's")));
        Config s = sweeper(Map.of("sweeper.search_space", space));
        assertEquals("tag(log,interval(1.0E-4,0.1))", s.getString("params.lr"));
        assertEquals("int(interval(1,8))", s.getString("params.layers"));
        assertEquals("range(16,65,16)", s.getString("params.batch"), "Optuna's high is inclusive");
        assertEquals("choice('relu','it\\'s')", s.getString("params.act"));
        Config both = sweeper(Map.of("sweeper.search_space", space, "sweeper.params", Map.of("x", "interval(0,1)")));
        assertEquals(List.of("x"), new ArrayList<>(both.getConfig("params").root().entries().keySet()));
    }

    @Test
    void storageUrlsBecomeOspreyLocations() {
        List<String> notes = new ArrayList<>();
        assertEquals("runs/hpo", OptunaStorage.fromUrl("sqlite:///runs/hpo.db", notes));
        assertTrue(notes.get(0).contains("H2 file runs/hpo.mv.db"), notes.toString());
        assertEquals("/data/optuna", OptunaStorage.fromUrl("sqlite:////data/optuna.sqlite3", notes));
        assertNull(OptunaStorage.fromUrl("sqlite:///:memory:", notes));
        assertEquals("jdbc:postgresql://db.example:5433/hpo?user=ann&password=p%40ss",
                OptunaStorage.fromUrl("postgresql+psycopg2://ann:p%40ss@db.example:5433/hpo", notes));
        var e = assertThrows(IllegalArgumentException.class,
                () -> OptunaStorage.fromUrl("mysql://root:secret@localhost/optuna", notes));
        assertTrue(e.getMessage().contains("mysql has no Osprey equivalent"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "no password in messages: " + e.getMessage());
        Config node = hydra(Map.of("sweeper.storage", Map.of("_target_", "optuna.storages.RDBStorage",
                "url", "sqlite:///x.db", "heartbeat_interval", 60)));
        OptunaSweeperSettings translated = OptunaSweeperSettings.of(node);
        assertEquals("x", translated.ospreyNode().getString("sweeper.storage"));
        assertTrue(translated.notes().stream().anyMatch(n -> n.contains("only its url is used")), translated.notes().toString());
    }

    @Test
    void aConfigWithoutTheOptunaSweeperTranslatesToNothing() {
        Config basic = Config.of(Map.of("sweeper", Map.of("_target_",
                "hydra._internal.core_plugins.basic_sweeper.BasicSweeper", "max_batch_size", 10)));
        assertFalse(OptunaSweeperSettings.selected(basic));
        assertEquals(Config.empty(), OptunaSweeperSettings.of(basic).ospreyNode());
    }
}
