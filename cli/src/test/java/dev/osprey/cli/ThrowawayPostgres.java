package dev.osprey.cli;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server of one test's own, made by {@code scripts/pg-throwaway.sh} in a new folder on
 * a free port, which the test may halt and start again (its data and password kept) and which is
 * removed at the end. Without PostgreSQL installed the test is skipped, except on CI
 * ({@code CI=true}), where that is a failure.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private static final Path SCRIPT = Path.of("..", "scripts", "pg-throwaway.sh").toAbsolutePath().normalize();
    private static final Pattern ENV = Pattern.compile("export (OSPREY_TEST_PG_\\w+)='([^']*)'");

    private final Path dir;
    private final int port;

    private ThrowawayPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a new server, or skips the test (fails it on CI) when PostgreSQL is not installed. */
    static ThrowawayPostgres start() throws IOException, InterruptedException {
        if (!installed()) {
            String missing = "PostgreSQL is not installed (no initdb: set OSPREY_PG_BIN or install postgresql),"
                    + " so the tests with a study database that goes away do not run";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true needs PostgreSQL: " + missing);
            }
            System.err.println("SKIPPED: " + missing);
            Assumptions.abort(missing);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // a folder the script makes, so that it can hand it to the postgres user
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-pg-outage-" + UUID.randomUUID());
        ThrowawayPostgres server = new ThrowawayPostgres(dir, port);
        server.script("start");
        return server;
    }

    private static boolean installed() {
        String bin = System.getenv("OSPREY_PG_BIN");
        if (bin != null && !bin.isBlank()) {
            return Files.isExecutable(Path.of(bin, "initdb"));
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            if (versions.anyMatch(v -> Files.isExecutable(v.resolve("bin/initdb")))) {
                return true;
            }
        } catch (IOException noneThere) {
            // look on the PATH
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "initdb"))) {
                return true;
            }
        }
        return false;
    }

    /** Stops the server, keeping its data: {@link #restart()} brings it back. */
    void halt() throws IOException, InterruptedException {
        script("halt");
    }

    void restart() throws IOException, InterruptedException {
        script("start");
    }

    /** The server's URL with its credentials, as a user would give it to {@code --storage}. */
    String url() throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("env.sh"))) {
            Matcher m = ENV.matcher(line.strip());
            if (m.matches()) {
                env.put(m.group(1), m.group(2));
            }
        }
        return env.get("OSPREY_TEST_PG_URL") + "?user=" + env.get("OSPREY_TEST_PG_USER") + "&password="
                + env.get("OSPREY_TEST_PG_PASSWORD");
    }

    private void script(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true);
        builder.environment().put("OSPREY_PG_DIR", dir.toString());
        builder.environment().put("OSPREY_PG_PORT", Integer.toString(port));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("pg-throwaway.sh " + command + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script("stop");
    }
}
