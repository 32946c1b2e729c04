package dev.osprey.benchmarks.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The suite's own throwaway PostgreSQL ({@code scripts/pg-throwaway.sh} on a private directory and
 * port, which {@code benchmarks/bench reliability} starts): a private one, because the outage
 * scenarios halt it and start it again under running sweeps.
 */
final class PostgresCluster {

    private final String url;
    private final String user;
    private final String password;
    private final Path script;

    private PostgresCluster(String url, String user, String password, Path script) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.script = script;
    }

    /** The cluster the bench script started (its env.sh exported), or none. */
    static Optional<PostgresCluster> fromEnvironment(Path root) {
        String url = System.getenv("OSPREY_TEST_PG_URL");
        if (url == null || url.isBlank() || System.getenv("OSPREY_PG_DIR") == null) {
            return Optional.empty();
        }
        return Optional.of(new PostgresCluster(url.strip(), System.getenv("OSPREY_TEST_PG_USER"),
                System.getenv("OSPREY_TEST_PG_PASSWORD"), root.resolve("scripts").resolve("pg-throwaway.sh")));
    }

    /** A new schema of its own for one scenario, so that every scenario starts from an empty study database. */
    Backend freshSchema(String schema) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(url, credentials); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        // the password reaches osprey through the environment, never in the URL
        return new Backend("PostgreSQL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                Map.of("OSPREY_STORAGE_USER", user, "OSPREY_STORAGE_PASSWORD", password));
    }

    /** Stops the server and keeps its data ({@code pg-throwaway.sh halt}): the outage. */
    void halt() throws IOException, InterruptedException {
        script("halt");
    }

    /** Starts the halted server again, with its data and password. */
    void start() throws IOException, InterruptedException {
        script("start");
    }

    private void script(String verb) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("bash", script.toString(), verb)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(Duration.ofSeconds(90).toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException("pg-throwaway.sh " + verb + " did not end within 90 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("pg-throwaway.sh " + verb + " exited " + p.exitValue());
        }
    }
}
