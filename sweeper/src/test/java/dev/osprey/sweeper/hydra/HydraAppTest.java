package dev.osprey.sweeper.hydra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HydraAppTest {

    private static final Path SCRIPT = Path.of("/apps/sphere/app.py");

    @Test
    void readsConfigPathRelativeToTheScriptAndConfigName() {
        HydraApp app = HydraApp.parse(SCRIPT, """
                import hydra
                @hydra.main(version_base=None, config_path="conf", config_name="config")
                def main(cfg): return cfg.x
                """).orElseThrow();
        assertEquals(Optional.of(Path.of("/apps/sphere/conf")), app.configDir());
        assertEquals(Optional.of("config"), app.configName());
    }

    @Test
    void positionalArgumentsSingleQuotesAndYamlSuffix() {
        HydraApp app = HydraApp.parse(SCRIPT, """
                from hydra import main
                @main('../shared/conf', 'train.yaml')
                def run(cfg): pass
                """).orElseThrow();
        assertEquals(Optional.of(Path.of("/apps/shared/conf")), app.configDir());
        assertEquals(Optional.of("train"), app.configName());
    }

    @Test
    void noneAndExpressionsLeaveTheFlagsToTheCommandLine() {
        HydraApp app = HydraApp.parse(SCRIPT, """
                import hydra, os
                @hydra.main(
                    config_path=os.environ["CONF"],
                    config_name=None,
                    version_base="1.3",
                )
                def main(cfg): pass
                """).orElseThrow();
        assertEquals(Optional.empty(), app.configDir());
        assertEquals(Optional.empty(), app.configName());
    }

    @Test
    void aPlainScriptOrAnUnrelatedMainDecoratorIsNoHydraApp() {
        assertTrue(HydraApp.parse(SCRIPT, "import sys\nprint(0.5)\n").isEmpty());
        assertTrue(HydraApp.parse(SCRIPT, "import click\n@click.main()\ndef f(): pass\n").isEmpty());
        assertTrue(HydraApp.parse(SCRIPT, "@main()\ndef f(): pass\n").isEmpty(), "main without hydra's import");
    }

    @Test
    void detectsTheFirstPythonFileOfACommand(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.py"), "import hydra\n@hydra.main(config_path='conf', config_name='c')\n"
                + "def main(cfg): return 1\nmain()\n");
        Files.writeString(dir.resolve("plain.py"), "print(1)\n");
        HydraApp app = HydraApp.detect(List.of("python3", "-u", "app.py", "{overrides}"), dir).orElseThrow();
        assertEquals(dir.resolve("app.py").toAbsolutePath(), app.script());
        assertEquals(Optional.of(dir.resolve("conf").toAbsolutePath()), app.configDir());
        assertTrue(HydraApp.detect(List.of("python3", "plain.py"), dir).isEmpty());
        assertTrue(HydraApp.detect(List.of("python3", "missing.py"), dir).isEmpty());
        assertTrue(HydraApp.detect(List.of("sh", "run.sh"), dir).isEmpty());
    }
}
