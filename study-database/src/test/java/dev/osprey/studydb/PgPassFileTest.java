package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A PostgreSQL password from libpq's password file, read only when its owner alone may read it. */
class PgPassFileTest extends WithPostgres {

    private static final Pattern ADDRESS = Pattern.compile("jdbc:postgresql://([^/:]+):(\\d+)/([^/?]+).*");


    @TempDir
    Path dir;


    @Test
    void aPasswordFileOnlyItsOwnerMayReadOpensTheDatabase() throws IOException {
        PostgresTestDatabase database = PostgresTestDatabase.require(postgres);
        Path file = passwordFile(database, "rw-------");

        try (Storage storage = JdbcStorages.openLocation(database.url(), userOnly(database), env(file))) {
            assertTrue(storage.studies().isEmpty());
        }
    }

    @Test
    void aPasswordFileOthersMayReadIsIgnoredAsLibpqDoes() throws IOException {
        PostgresTestDatabase database = PostgresTestDatabase.require(postgres);
        for (String permissions : new String[] {"rw-r-----", "rw----r--"}) {
            Path file = passwordFile(database, permissions);

            assertNull(JdbcLocation.parse(database.url(), userOnly(database), env(file)).password(), permissions);
            StorageException refused = assertThrows(StorageException.class,
                    () -> JdbcStorages.openLocation(database.url(), userOnly(database), env(file)).close());
            assertFalse(refused.getMessage().contains(database.credentials().getProperty("password")));
        }
    }

    @Test
    void linesFollowLibpqsFormat() throws IOException {
        Path file = dir.resolve("pgpass");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, """
                # a comment
                db.example:5432:other:alice:wrong
                db.example:*:hpo:alice:pa\\:ss\\\\word
                *:*:*:*:fallback
                """);

        assertEquals(Optional.of("pa:ss\\word"), PgPassFile.password(file, "db.example", 6543, "hpo", "alice"));
        assertEquals(Optional.of("fallback"), PgPassFile.password(file, "db.example", 5432, "hpo", "bob"));
        assertEquals("pa:ss\\word", JdbcLocation.parse("jdbc:postgresql://db.example:6543/hpo?user=alice",
                new Properties(), env(file)).password());
        assertEquals("given", JdbcLocation.parse("jdbc:postgresql://db.example/hpo?user=alice&password=given",
                new Properties(), env(file)).password(), "a password given elsewhere comes first");
    }

    private Path passwordFile(PostgresTestDatabase database, String permissions) throws IOException {
        Matcher address = ADDRESS.matcher(database.url());
        assertTrue(address.matches(), database.url());
        Path file = dir.resolve("pgpass-" + permissions.replace("-", "_"));
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, String.join(":", address.group(1), address.group(2), address.group(3),
                database.credentials().getProperty("user"), database.credentials().getProperty("password")) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static Properties userOnly(PostgresTestDatabase database) {
        Properties user = new Properties();
        user.setProperty("user", database.credentials().getProperty("user"));
        return user;
    }

    private static Function<String, String> env(Path file) {
        return Map.of(PgPassFile.FILE_ENV, file.toString())::get;
    }
}
