package dev.osprey.cli;

import dev.osprey.studydb.WithPostgres;
import dev.osprey.studydb.PostgresTestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a terminal, a database password that nothing else gives is asked for and not echoed;
 * without a terminal nothing is asked. The terminal is a pseudo-terminal made by util-linux's
 * {@code script}.
 */
class PasswordPromptTest extends WithPostgres {

    /** A guard against a hung process, not a timing claim. */
    private static final long PATIENCE_SECONDS = 120;


    @TempDir
    Path work;


    @Test
    void onATerminalTheMissingPasswordIsAskedForAndNotEchoed() throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.require(postgres);
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script makes the terminal");
        String password = database.credentials().getProperty("password");
        Process studies = start(List.of("/usr/bin/script", "-qec", shellQuoted(ospreyStudies(database)), "/dev/null"));
        var fromTerminal = studies.getInputStream();
        StringBuilder prompt = new StringBuilder();
        // type only once asked: what is typed before the prompt turns echo off is echoed
        while (!prompt.toString().contains(" at jdbc:postgresql:") || !prompt.toString().endsWith(": ")) {
            int c = fromTerminal.read();
            assertTrue(c >= 0, "the command ended without asking: " + prompt);
            prompt.append((char) c);
        }
        try (OutputStream in = studies.getOutputStream()) {
            in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = prompt + new String(fromTerminal.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(studies.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS));

        assertFalse(output.contains(password), "the password is not echoed");
        assertEquals(0, studies.exitValue(), output);
        assertTrue(output.contains("password for " + database.credentials().getProperty("user") + " at jdbc:postgresql:"),
                output);
    }

    @Test
    void withoutATerminalNothingIsAsked() throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.require(postgres);
        Process studies = start(ospreyStudies(database));
        studies.getOutputStream().close();
        String output = new String(studies.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(studies.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS));

        assertEquals(OspreyCli.FAILED, studies.exitValue(), output);
        assertFalse(output.contains("password for"), output);
    }

    private List<String> ospreyStudies(PostgresTestDatabase database) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OspreyCli.class.getName(), "studies",
                "--storage", database.url() + "&user=" + database.credentials().getProperty("user"));
    }

    private Process start(List<String> command) throws java.io.IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OSPREY_") || name.startsWith("PG"));
        builder.environment().put("PGPASSFILE", work.resolve("no-such-file").toString());
        builder.environment().put("TERM", "xterm");
        return builder.start();
    }

    private static String shellQuoted(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }
}
