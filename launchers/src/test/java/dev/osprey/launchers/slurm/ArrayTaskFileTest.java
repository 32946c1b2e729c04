package dev.osprey.launchers.slurm;

import dev.osprey.launchers.internal.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The array task file and {@code osprey-array.sh}, run by {@code sh} as a Slurm array task would run
 * it (no cluster needed): the task gets its job's arguments and variables exactly, whatever they
 * hold, and a missing task id or a cut file is an error that says so.
 */
class ArrayTaskFileTest {

    /** Values a shell would mangle if it evaluated them. */
    private static final List<String> ARGUMENTS = List.of("lr=0.1", "", "a b; rm -rf x", "$(echo no) `echo no` $HOME",
            "it's \"quoted\"", "two\nlines\n", "\\n stays \\ back", "  spaces  ", "tab\there", "ends in cr\r", "-n", "é");

    @TempDir
    Path work;

    /** A stand-in for the job wrapper: writes its arguments and two variables, each ended by a NUL byte. */
    private Path recordingWrapper() throws Exception {
        Path wrapper = work.resolve("wrapper.sh");
        Files.writeString(wrapper, "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$OUT\"\n"
                + "printf '%s\\0' \"$OSPREY_OVERRIDES\" \"$WEIRD\" >> \"$OUT\"\n");
        return wrapper;
    }

    private Path script() throws Exception {
        Path script = work.resolve(SlurmArrays.SCRIPT);
        try (InputStream in = SlurmArrays.class.getResourceAsStream(SlurmArrays.SCRIPT)) {
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    private Commands.Output runTask(Map<String, String> env) throws Exception {
        return Commands.run(List.of("sh", script().toString(), work.toString()), env, work, Duration.ofSeconds(30));
    }

    @Test
    void aTaskRunsTheWrapperWithItsJobsArgumentsAndVariablesExactly() throws Exception {
        Path out = work.resolve("out");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OUT", out.toString());
        env.put("OSPREY_OVERRIDES", "lr=0.1\nmodel=vit");
        env.put("WEIRD", "$(echo no) 'q' \"d\" \\");
        ArrayTaskFile.write(work.resolve("3.task"), recordingWrapper(), env, ARGUMENTS);
        Commands.Output run = runTask(Map.of("SLURM_ARRAY_TASK_ID", "3"));
        assertEquals(0, run.exitCode(), run.message());
        String[] got = Files.readString(out, StandardCharsets.UTF_8).split("\0", -1);
        List<String> expected = new java.util.ArrayList<>(ARGUMENTS);
        expected.add("lr=0.1\nmodel=vit");
        expected.add("$(echo no) 'q' \"d\" \\");
        expected.add(""); // after the last NUL
        assertEquals(expected, List.of(got));
    }

    @Test
    void withoutAnArrayTaskIdTheScriptSaysItRunsAsOne() throws Exception {
        Commands.Output run = runTask(Map.of());
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("SLURM_ARRAY_TASK_ID is not set"), run.stderr());
    }

    @Test
    void aCutTaskFileIsAnErrorNamingTheFile() throws Exception {
        String text = ArrayTaskFile.text(recordingWrapper(), Map.of("A", "1"), List.of("x", "y"));
        Files.writeString(work.resolve("0.task"), text.substring(0, text.lastIndexOf("1\ny")));
        Commands.Output run = runTask(Map.of("SLURM_ARRAY_TASK_ID", "0"));
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("0.task' is cut short (argument 1)"), run.stderr() + run.stdout());
    }

    @Test
    void aVariableNameNoShellCanSetIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArrayTaskFile.text(Path.of("w"), Map.of("BAD-NAME", "1"), List.of()));
        assertTrue(e.getMessage().contains("'BAD-NAME'"), e.getMessage());
    }
}
