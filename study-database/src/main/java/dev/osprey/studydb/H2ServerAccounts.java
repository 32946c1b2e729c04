package dev.osprey.studydb;

import dev.osprey.optimizer.storage.StorageException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The two database users of an H2 server's database. The admin, {@value #ADMIN_USER}, owns the
 * database: the server logs in as it to create and migrate the database, to keep it open with
 * H2's result reuse off, and to set up the worker; its password is random, kept beside the
 * database in {@code <name>.admin-password} (owner-only), and never leaves the server's host.
 * The worker user is what clients log in as: it may read and write the rows of the study tables
 * and nothing else. It cannot create or drop tables, define Java functions ({@code CREATE ALIAS},
 * H2's way to run code on the server), read or write files, change settings or shut the
 * database down: H2 keeps all of that to admins.
 */
final class H2ServerAccounts {

    static final String ADMIN_USER = "OSPREY_ADMIN";
    static final String ADMIN_PASSWORD_SUFFIX = ".admin-password";
    /** Flyway's history: workers read it to see that the schema is current, and never write it. */
    private static final String HISTORY_TABLE = "flyway_schema_history";
    private static final int ADMIN_PASSWORD_BYTES = 24;

    private H2ServerAccounts() {
    }

    /** The admin's password for the database {@code <directory>/<database>}, made on first use. */
    static String adminPassword(Path directory, String database) {
        Path file = directory.resolve(database + ADMIN_PASSWORD_SUFFIX);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[ADMIN_PASSWORD_BYTES];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password);
            return password;
        } catch (FileAlreadyExistsException e) {
            throw new StorageException("another server is setting up " + file + " at the same time: start one", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new StorageException("cannot read or create the H2 server's admin password file " + file + ": " + e, e);
        }
    }

    /** Removes the admin's password file of a database that was not handed to the admin after all. */
    static void forgetAdminPassword(Path directory, String database) {
        try {
            Files.deleteIfExists(directory.resolve(database + ADMIN_PASSWORD_SUFFIX));
        } catch (IOException e) {
            throw new StorageException("cannot remove " + directory.resolve(database + ADMIN_PASSWORD_SUFFIX)
                    + ", made for a database that could not be handed to " + ADMIN_USER + ": remove it", e);
        }
    }

    /**
     * Hands an existing database whose admin is {@code legacyUser} (as servers before the split of
     * users made them) to {@value #ADMIN_USER}; the legacy user becomes the worker below.
     */
    static void adopt(String fileUrl, String legacyUser, String legacyPassword, String adminPassword) {
        try (Connection legacy = DriverManager.getConnection(fileUrl, legacyUser, legacyPassword);
             PreparedStatement create = legacy.prepareStatement(
                     "CREATE USER IF NOT EXISTS " + ADMIN_USER + " PASSWORD ? ADMIN")) {
            create.setString(1, adminPassword);
            create.execute();
        } catch (SQLException e) {
            throw new StorageException("the H2 database " + fileUrl.substring("jdbc:h2:file:".length()) + ".mv.db was"
                    + " made without " + ADMIN_USER + ", and logging in as '" + legacyUser + "' with $"
                    + JdbcLocation.PASSWORD_ENV + " to hand it over failed: " + SqlErrors.describe(e)
                    + ". Start the server with the user and password that made the database, or serve a new"
                    + " folder", e);
        }
    }

    /** Creates the worker user, or sets its password, and grants it the rows of the study tables only. */
    static void setUpWorker(Connection admin, String worker, String password) throws SQLException {
        String name = quoted(userName(worker));
        // one statement at a time: H2 looks the user up when a statement is prepared
        try (PreparedStatement create = admin.prepareStatement("CREATE USER IF NOT EXISTS " + name + " PASSWORD ?")) {
            create.setString(1, password);
            create.execute();
        }
        try (PreparedStatement alter = admin.prepareStatement("ALTER USER " + name + " SET PASSWORD ?")) {
            alter.setString(1, password);
            alter.execute();
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER USER " + name + " ADMIN FALSE");
            for (String table : studyTables(admin)) {
                String rights = table.equals(HISTORY_TABLE) ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE";
                statement.execute("GRANT " + rights + " ON PUBLIC." + quoted(table) + " TO " + name);
            }
        }
        admin.commit();
    }

    private static List<String> studyTables(Connection admin) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** H2 keeps user names in upper case, as it reads them when clients log in. */
    static String userName(String given) {
        return given.toUpperCase(Locale.ROOT);
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
