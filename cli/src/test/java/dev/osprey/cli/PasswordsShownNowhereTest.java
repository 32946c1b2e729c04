package dev.osprey.cli;

import dev.osprey.studydb.WithPostgres;
import dev.osprey.optimizer.Storages;
import dev.osprey.studydb.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep on PostgreSQL whose storage location carries the database's password writes it to no
 * file and prints it nowhere, and its jobs do not inherit it; nor do {@code --cfg} and override
 * errors show it.
 */
class PasswordsShownNowhereTest extends WithPostgres {

    /** A guard against a hung sweep, not a timing claim. */
    private static final long PATIENCE_SECONDS = 300;


    @TempDir
    Path work;


    @Test
    void aSweepWritesAndPrintsThePasswordOfItsStorageNowhere() throws IOException {
        PostgresTestDatabase database = PostgresTestDatabase.require(postgres);
        CliRunner run = CliRunner.run(sweep(database, "in-jvm", "printf '%s\\n' \"$@\" > args.txt; echo 0.5").toArray(String[]::new));

        assertEquals(0, run.exitCode(), run::toString);
        assertNoPassword(database, "what the sweep printed", run.out() + run.err());
        assertNoFileHoldsPassword(database, work.resolve("in-jvm"));
        String settings = Files.readString(work.resolve("in-jvm").resolve("0").resolve(".osprey/osprey.yaml"));
        assertTrue(settings.contains("password=***"), "the snapshot says where the study is: " + settings);
        String args = Files.readString(work.resolve("in-jvm").resolve("0").resolve("args.txt"));
        assertTrue(args.contains("training.epochs="), "the job got its overrides, and no storage: " + args);
    }

    @Test
    void jobsInheritNeitherThePasswordVariableNorALocationWithAPassword() throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.require(postgres);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OspreyCli.class.getName()));
        command.addAll(sweep(database, "child", "env > env.txt; echo 0.5"));
        Path log = work.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the test's own copy of the password, which no sweep would have
        builder.environment().keySet().removeIf(name -> name.startsWith("OSPREY_TEST_PG_"));
        builder.environment().put(Storages.USER_ENV, database.credentials().getProperty("user"));
        builder.environment().put(Storages.PASSWORD_ENV, password(database));
        builder.environment().put(Storages.LOCATION_ENV, locationWithPassword(database));
        Process sweep = builder.start();
        try {
            assertTrue(sweep.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "the sweep ends");
            assertEquals(0, sweep.exitValue(), Files.readString(log));
        } finally {
            sweep.destroyForcibly();
        }

        String env = Files.readString(work.resolve("child").resolve("0").resolve("env.txt"));
        assertTrue(env.contains("OSPREY_JOB_DIR="), "the job printed its environment: " + env);
        assertFalse(env.contains(Storages.PASSWORD_ENV + "="), "no password variable in the job's environment");
        assertFalse(env.contains(Storages.LOCATION_ENV + "="), "no location with a password in it");
        assertNoFileHoldsPassword(database, work);
    }

    @Test
    void cfgShowsTheStorageWithItsPasswordMasked() {
        PostgresTestDatabase database = PostgresTestDatabase.require(postgres);
        for (String view : List.of("osprey", "all")) {
            CliRunner run = CliRunner.run("run", "-cp", RunCommandTest.EXAMPLE.resolve("conf").toString(),
                    "-cn", "training", "--storage", locationWithPassword(database), "--cfg", view);

            assertEquals(0, run.exitCode(), run::toString);
            assertNoPassword(database, "--cfg " + view, run.out() + run.err());
            assertTrue(run.out().contains("password=***"), "--cfg " + view + " names the storage: " + run.out());
        }
    }

    @Test
    void anOverrideErrorMasksThePasswordInTheOverride() {
        PostgresTestDatabase database = PostgresTestDatabase.require(postgres);
        CliRunner run = CliRunner.run("run", "-cp", RunCommandTest.EXAMPLE.resolve("conf").toString(),
                "-cn", "training", "osprey.sweeper.storage=" + locationWithPassword(database) + "=)", "--cfg", "osprey");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Error parsing override"), run::toString);
        assertNoPassword(database, "the override error", run.out() + run.err());
    }

    private List<String> sweep(PostgresTestDatabase database, String name, String job) {
        return List.of("run", "-m", "-cp", RunCommandTest.EXAMPLE.resolve("conf").toString(), "-cn", "training",
                "training.epochs=1,2", "--storage", locationWithPassword(database), "--study", "secrets-" + name,
                "osprey.sweep.dir=" + work.resolve(name), "--", "sh", "-c", job, "sh", "{overrides}");
    }

    private static String locationWithPassword(PostgresTestDatabase database) {
        return database.url() + "&user=" + database.credentials().getProperty("user")
                + "&password=" + URLEncoder.encode(password(database), StandardCharsets.UTF_8);
    }

    private static String password(PostgresTestDatabase database) {
        String password = database.credentials().getProperty("password");
        assertTrue(password != null && password.length() >= 4, "the test database has a password to look for");
        return password;
    }

    private static void assertNoPassword(PostgresTestDatabase database, String where, String text) {
        assertFalse(text.contains(password(database)), where + " holds the password:\n" + text);
    }

    private static void assertNoFileHoldsPassword(PostgresTestDatabase database, Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty(), "the sweep wrote files under " + directory);
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(password(database)), file + " holds the password");
        }
    }
}
