package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code osprey server}: its workers run studies and nothing else; other hosts need a strong password. */
class ServerCommandTest {

    private static final String PASSWORD = "Workers-Secret-2026";
    /** A guard against a hung process, not a timing claim. */
    private static final long PATIENCE_SECONDS = 120;

    @TempDir
    Path work;

    @Test
    void workersOfTheServerRunAStudyButCannotDefineJavaFunctionsNorDropTables() throws Exception {
        Process server = osprey(PASSWORD, "server", "--dir", work.resolve("db").toString(), "--port", "0");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String serving = out.readLine();
            String workers = out.readLine();
            assertNotNull(workers, "the server printed its URL and its workers' user");
            assertTrue(serving.startsWith("serving "), serving);
            assertTrue(workers.contains("user osprey reads and writes the study tables and nothing else"), workers);
            String url = serving.substring(serving.indexOf(" at ") + 4);

            CliRunner sweep = CliRunner.run("run", "-m", "-cp", RunCommandTest.EXAMPLE.resolve("conf").toString(),
                    "-cn", "training", "training.epochs=1,2", "--storage", url + ";USER=osprey;PASSWORD=" + PASSWORD,
                    "--study", "served", "osprey.sweep.dir=" + work.resolve("sweep"), "--", "sh", "-c", "echo 0.5");
            assertEquals(0, sweep.exitCode(), sweep::toString);
            assertFalse((sweep.out() + sweep.err()).contains(PASSWORD), sweep::toString);

            try (Connection worker = DriverManager.getConnection(url, "osprey", PASSWORD);
                 Statement statement = worker.createStatement()) {
                assertThrows(SQLException.class, () -> statement.execute(
                        "CREATE ALIAS RUN_COMMAND FOR 'java.lang.Runtime.getRuntime'"));
                assertThrows(SQLException.class, () -> statement.execute("DROP TABLE trials"));
                try (var rows = statement.executeQuery("SELECT COUNT(*) FROM trials")) {
                    assertTrue(rows.next());
                    assertEquals(2, rows.getInt(1), "the sweep's trials are there, the table too");
                }
            }
        } finally {
            server.destroy();
            assertTrue(server.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void allowOthersRefusesAWeakPasswordNamingTheRule() throws Exception {
        Process server = osprey("password", "server", "--dir", work.resolve("db").toString(), "--port", "0",
                "--allow-others");
        String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(server.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS));

        assertEquals(OspreyCli.USAGE, server.exitValue(), output);
        assertTrue(output.contains("at least 16 characters, at least 8 of them different"), output);
        assertFalse(Files.exists(work.resolve("db").resolve("studies.mv.db")), "nothing was served nor made");
    }

    /** {@code osprey ARGS} in its own JVM, with the workers' password in its environment. */
    private Process osprey(String password, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OspreyCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put(Storages.PASSWORD_ENV, password);
        return builder.start();
    }
}
