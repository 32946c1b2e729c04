package dev.osprey.composer.bind;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.config.MissingValueException;
import dev.osprey.composer.interpolation.InterpolationException;
import dev.osprey.composer.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordsTest {

    enum Accelerator { CPU, GPU }

    record Optimizer(String name, double lr, List<Double> betas) {
    }

    record Trainer(int maxEpochs, Accelerator accelerator, boolean fastDevRun, Optional<Long> seed) {
        Trainer {
            if (maxEpochs < 1) {
                throw new IllegalArgumentException("maxEpochs must be at least 1, but was " + maxEpochs);
            }
        }
    }

    record Train(Optimizer optimizer, Trainer trainer, Map<String, Integer> layers, Set<String> tags, float dropout,
                 String runName) {
        static Train defaults() {
            return new Train(new Optimizer("adam", 1e-3, List.of(0.9, 0.999)),
                    new Trainer(10, Accelerator.CPU, false, Optional.empty()), Map.of(), Set.of(), 0.1f, "run");
        }
    }

    record Db(String host, int port) {
    }

    private static Config yaml(String text) {
        return Config.of(YamlLoader.loadConfig(text, "test.yaml"));
    }

    @Test
    void bindsWithCoercionsAndResolvedInterpolations() {
        Config config = yaml("""
                optimizer: {name: sgd, lr: '1e-2', betas: [1, 0.5]}
                trainer: {maxEpochs: '20', accelerator: gpu, fastDevRun: 'yes', seed: 3.0}
                layers: {a: 1, b: 2}
                tags: [x, y]
                dropout: 0.25
                runName: ${optimizer.name}-${trainer.maxEpochs}
                """);
        Train train = Records.bind(config, Train.class);
        assertEquals(new Optimizer("sgd", 0.01, List.of(1.0, 0.5)), train.optimizer());
        assertEquals(new Trainer(20, Accelerator.GPU, true, Optional.of(3L)), train.trainer());
        assertEquals(Map.of("a", 1, "b", 2), train.layers());
        assertEquals(Set.of("x", "y"), train.tags());
        assertEquals(0.25f, train.dropout());
        assertEquals("sgd-20", train.runName());
        assertEquals(new Trainer(20, Accelerator.GPU, true, Optional.of(3L)),
                Records.bind(config, "trainer", Trainer.class));
    }

    @Test
    void missingKeysComeFromTheRecordsDefaults() {
        Train train = Records.bind(yaml("optimizer: {lr: 0.5}\ntrainer: {seed: null}\n"), Train.class);
        assertEquals(new Optimizer("adam", 0.5, List.of(0.9, 0.999)), train.optimizer());
        assertEquals(Optional.empty(), train.trainer().seed());
        assertEquals(10, train.trainer().maxEpochs());
        ConfigBindingException e = assertThrows(ConfigBindingException.class,
                () -> Records.bind(yaml("host: h\n"), Db.class));
        assertEquals("Missing key 'port' (int) of record Db. Add it to the config, make the component Optional, or"
                + " give the record a static defaults() method", e.getMessage());
    }

    @Test
    void wrongTypesNameThePathTheTypeAndTheValue() {
        assertEquals("'trainer.maxEpochs' expects int, got the string 'ten'. Fix the value in the config or the"
                + " override that sets it", bindError("trainer: {maxEpochs: ten}\n").getMessage());
        ConfigBindingException lossy = bindError("trainer: {maxEpochs: 2.5}\n");
        assertEquals("trainer.maxEpochs", lossy.path());
        assertEquals("int", lossy.expectedType());
        assertEquals("the float 2.5", lossy.actual());
        assertTrue(lossy.getMessage().contains("(an int cannot hold it without losing precision)"), lossy.getMessage());
        assertTrue(bindError("trainer: {accelerator: tpu}\n").getMessage().contains(
                "expects Accelerator (one of CPU, GPU), got the string 'tpu'"));
        assertTrue(bindError("optimizer: {betas: [0.9, x]}\n").getMessage().startsWith(
                "'optimizer.betas[1]' expects Double, got the string 'x'"));
        assertTrue(bindError("trainer: {fastDevRun: maybe}\n").getMessage().contains(
                "(a boolean is true/false, yes/no, on/off, y/n or 1/0)"));
        assertTrue(bindError("runName: null\n").getMessage().contains("(null is allowed only for an Optional field)"));
        assertTrue(bindError("tags: [a, a]\n").getMessage().contains("(it has duplicate items)"));
        assertTrue(bindError("dropout: 1e300\n").getMessage().contains("beyond the range of a float"));
        assertTrue(bindError("layers: {a: 3000000000}\n").getMessage().contains(
                "'layers.a' expects Integer, got the int 3000000000 (it is beyond the range of Integer"));
    }

    @Test
    void unknownKeysListTheKnownOnes() {
        ConfigBindingException e = bindError("trainer: {maxEpoch: 3}\n");
        assertEquals("Unknown key 'trainer.maxEpoch': record Trainer has no component 'maxEpoch'. Known keys at"
                + " 'trainer': maxEpochs, accelerator, fastDevRun, seed. Remove or rename the key, or add the component"
                + " to the record", e.getMessage());
        assertEquals("trainer.maxEpoch", e.path());
    }

    @Test
    void theRecordsOwnValidationRuns() {
        assertEquals("Record Trainer at 'trainer' rejected its values: maxEpochs must be at least 1, but was 0. Fix"
                + " the value in the config or the override that sets it", bindError("trainer: {maxEpochs: 0}\n")
                .getMessage());
    }

    @Test
    void missingValuesAndBrokenInterpolationsAreReported() {
        assertThrows(MissingValueException.class, () -> Records.bind(yaml("host: ???\nport: 1\n"), Db.class));
        assertThrows(InterpolationException.class, () -> Records.bind(yaml("host: ${nope}\nport: 1\n"), Db.class));
    }

    @Test
    void recordsBecomeConfigs() {
        Config config = Records.toConfig(new Db(null, 5432));
        assertTrue(config.isMissing("host"), "a null component must be given later");
        assertEquals(5432, config.getInt("port"));
        Config train = Records.defaults(Train.class);
        assertEquals(0.1, train.getDouble("dropout"), "a float keeps its shortest decimal");
        assertEquals("CPU", train.getString("trainer.accelerator"));
        assertTrue(train.get("trainer.seed") instanceof ConfigValue.NullValue);
        assertEquals(Train.defaults(), Records.bind(train, Train.class), "a record round-trips");
        assertThrows(IllegalArgumentException.class, () -> Records.defaults(Db.class));
    }

    @Test
    void overridesAreCheckedAgainstTheSchemaBeforeAnythingRuns() {
        Records.checkOverrides(Train.class, List.of("optimizer.lr=0.1", "trainer.maxEpochs=range(1,10)",
                "optimizer.lr=tag(log, interval(1e-4, 1e-1))", "trainer.accelerator=cpu,GPU", "layers.extra=3",
                "+tags=[a]", "~trainer.seed", "optimizer={lr: 0.2}", "runName=${optimizer.name}",
                "trainer.maxEpochs=int(interval(1, 5))"));
        ConfigBindingException e = assertThrows(ConfigBindingException.class, () -> Records.checkOverrides(
                Train.class, List.of("trainer.maxEpoch=3", "trainer.maxEpochs=ten", "optimizer.lr=0.1",
                        "trainer.maxEpochs=interval(1, 5)", "trainer.accelerator=cpu,tpu", "~trainer.maxEpochs",
                        "optimizer={lr: x}")));
        assertEquals("""
                6 overrides do not fit schema Train:
                Override 'trainer.maxEpoch=3' (key at column 9): 'trainer.maxEpoch' is not a key of record Trainer. \
                Known keys at 'trainer': maxEpochs, accelerator, fastDevRun, seed
                Override 'trainer.maxEpochs=ten' (value at column 19): 'trainer.maxEpochs' expects int, got the \
                string 'ten'
                Override 'trainer.maxEpochs=interval(1, 5)' (value at column 19): 'trainer.maxEpochs' expects int, \
                but interval(...) gives floats; use int(interval(...))
                Override 'trainer.accelerator=cpu,tpu' (value at column 21): 'trainer.accelerator' expects \
                Accelerator (one of CPU, GPU), got the string 'tpu'
                Override '~trainer.maxEpochs' (key at column 2): 'trainer.maxEpochs' is a required int of the schema \
                and cannot be deleted
                Override 'optimizer={lr: x}' (value at column 11): 'optimizer.lr' expects double, got the string 'x' \
                (it is not a number). Fix the overrides, or the schema Train if it is out of date""", e.getMessage());
        Records.checkOverrides(Train.class, List.of("optimizer=sgd"), group -> group.equals("optimizer"));
    }

    private static ConfigBindingException bindError(String yaml) {
        return assertThrows(ConfigBindingException.class, () -> Records.bind(yaml(yaml), Train.class));
    }
}
