package dev.osprey.launchers.process;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonScriptTest {

    @Test
    void anInterpreterItsFlagsAndAScriptAreRecognised() {
        assertEquals(Optional.of(new PythonScript(List.of("python"), "app.py", List.of("x=1", "y=2"))),
                PythonScript.of(List.of("python", "app.py", "x=1", "y=2")));
        assertEquals(Optional.of(new PythonScript(List.of("/usr/bin/python3.11", "-u", "-X", "dev", "-Wignore"),
                        "src/train.py", List.of())),
                PythonScript.of(List.of("/usr/bin/python3.11", "-u", "-X", "dev", "-Wignore", "src/train.py")));
        assertEquals(List.of("app.py", "lr=0.1"), PythonScript.of(List.of("python3", "app.py", "lr=0.1")).orElseThrow().argv());
    }

    @Test
    void otherCommandsAreNotScripts() {
        for (List<String> command : List.of(List.of("sh", "-c", "python app.py"), List.of("python", "-m", "pkg.train"),
                List.of("python", "-c", "print(1)"), List.of("python"), List.of("python", "-u"),
                List.of("./train.py", "x=1"), List.of("python", "notebook.ipynb"), List.of("pythonista", "app.py"),
                List.of("uv", "run", "app.py"))) {
            assertTrue(PythonScript.of(command).isEmpty(), command.toString());
        }
    }
}
