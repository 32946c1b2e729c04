package dev.osprey.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialEndHookTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void eachFinishedTrialRunsTheHooksInOrderWithTheTrialOnStdinAndInTheEnvironment() throws Exception {
        Path record = work.resolve("record with space.sh");
        Files.writeString(record, """
                out="$1"
                printf 'ENV %s|%s|%s|%s|%s\\n' "$OSPREY_STUDY" "$OSPREY_TRIAL_NUMBER" "$OSPREY_TRIAL_STATE" \\
                    "$OSPREY_TRIAL_VALUES" "$OSPREY_STORAGE" >> "$out"
                cat >> "$out"
                echo >> "$out"
                """);
        Path log = work.resolve("hook.log");
        String storage = work.resolve("studies").toString();
        CliRunner run = CliRunner.run("run", "-m", "-cp", RunCommandTest.EXAMPLE.resolve("conf").toString(),
                "-cn", "training", "training.epochs=10,20,30", "--storage", storage, "--study", "hooked",
                "osprey.sweep.dir=" + work.resolve("multirun"),
                "--on-trial-end", "sh '" + record + "' \"" + log + "\"",
                "--on-trial-end", "sh -c 'echo first line >&2; echo the hook broke >&2; exit 7'",
                "--", "sh", "-c", "if [ \"$1\" = 1 ]; then echo no value; exit 3; fi; echo \"osprey:report 1 0.9\"; echo 0.$1",
                "sh", "{num}");

        assertEquals(0, run.exitCode(), "a grid whose every point ran ends well; failing hooks change nothing: " + run);
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        List<String> env = lines.stream().filter(l -> l.startsWith("ENV ")).toList();
        List<Map<?, ?>> trials = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{")) {
                trials.add(JSON.readValue(line, Map.class));
            }
        }
        assertEquals(3, env.size(), lines.toString());
        assertEquals(3, trials.size(), lines.toString());
        String location = storage; // a plain path is shown as it is
        assertTrue(env.contains("ENV hooked|0|COMPLETE|0.0|" + location), env.toString());
        assertTrue(env.contains("ENV hooked|1|FAIL||" + location), env.toString());
        assertTrue(env.contains("ENV hooked|2|COMPLETE|0.2|" + location), env.toString());
        Map<?, ?> failed = trials.stream().filter(t -> t.get("state").equals("FAIL")).findFirst().orElseThrow();
        assertEquals(1, failed.get("number"));
        assertEquals(List.of(), failed.get("values"));
        assertTrue(String.valueOf(failed.get("fail_reason")).contains("3"), failed.toString());
        Map<?, ?> complete = trials.stream().filter(t -> t.get("number").equals(2)).findFirst().orElseThrow();
        assertEquals("hooked", complete.get("study"));
        assertEquals(List.of(0.2), complete.get("values"));
        assertTrue(((Map<?, ?>) complete.get("params")).containsKey("training.epochs"), complete.toString());
        assertEquals(Map.of("1", 0.9), complete.get("intermediate_values"));
        assertTrue(Files.isDirectory(Path.of((String) complete.get("job_dir"))), complete.toString());
        assertTrue(complete.containsKey("user_attrs"), complete.toString());
        assertTrue(run.err().contains("warning: --on-trial-end sh for trial 0 exited with status 7: first line | the hook broke"),
                run.err());
    }

    @Test
    void commandWordsSplitOnWhitespaceWithQuotesAndNoShell() {
        assertEquals(List.of("notify", "a b", "$HOME", "it's"), CommandWords.split("notify  'a b' $HOME \"it's\""));
        assertEquals(List.of("x", ""), CommandWords.split("x ''"));
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> CommandWords.split("x 'y"));
        assertTrue(open.getMessage().contains("unclosed ' quote"), open.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("   "));
    }

    @Test
    void theHookIsForSweepsOnly() {
        CliRunner run = CliRunner.run("run", "-cp", RunCommandTest.EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "--on-trial-end", "true", "--", "sh", "-c", "echo 1");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--on-trial-end is for sweeps: add -m"), run.err());
    }
}
