package dev.osprey.studydb;

import dev.osprey.optimizer.storage.StorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * PostgreSQL's password file, read as libpq reads it (the JDBC driver does not): the file named by
 * {@code $PGPASSFILE}, else {@code ~/.pgpass}; one entry a line,
 * {@code hostname:port:database:username:password}, where {@code *} matches anything, {@code \:}
 * and {@code \\} are a colon and a backslash, and lines starting with {@code #} are comments. The
 * first entry that matches wins. A file that its group or others may read is ignored, with a
 * warning, as libpq does.
 */
final class PgPassFile {

    static final String FILE_ENV = "PGPASSFILE";
    private static final System.Logger LOG = System.getLogger(PgPassFile.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY_FORBIDDEN = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** One line of the file. */
    record Entry(String host, String port, String database, String user, String password) {

        boolean matches(String host, int port, String database, String user) {
            return field(this.host, host) && field(this.port, Integer.toString(port))
                    && field(this.database, database) && field(this.user, user);
        }

        private static boolean field(String pattern, String value) {
            return pattern.equals("*") || pattern.equals(value);
        }
    }

    private PgPassFile() {
    }

    /** The file libpq would read: {@code $PGPASSFILE}, else {@code ~/.pgpass}. */
    static Path location(Function<String, String> env) {
        String named = env.apply(FILE_ENV);
        return named != null && !named.isBlank() ? Path.of(named) : Path.of(System.getProperty("user.home"), ".pgpass");
    }

    /** The password for {@code user} at {@code host:port/database}, if the file has one and only its owner may read it. */
    static Optional<String> password(Path file, String host, int port, String database, String user) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OWNER_ONLY_FORBIDDEN::contains)) {
                LOG.log(System.Logger.Level.WARNING, "password file {0} has group or world access; permissions should"
                        + " be u=rw (0600) or less: it is not read (chmod 600 {0})", file);
                return Optional.empty();
            }
            for (String line : Files.readAllLines(file)) {
                Optional<Entry> entry = parse(line);
                if (entry.isPresent() && entry.get().matches(host, port, database, user)) {
                    return Optional.of(entry.get().password());
                }
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            throw new StorageException("cannot read the password file " + file + ": " + e, e);
        }
    }

    /** A line's five fields, or empty for a comment, a blank line or a line with fewer fields. */
    static Optional<Entry> parse(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        if (fields.size() < 5) {
            return Optional.empty();
        }
        return Optional.of(new Entry(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4)));
    }
}
