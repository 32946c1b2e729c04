package dev.osprey.studydb;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a JDBC storage lives: the URL handed to the driver and the credentials, parsed from what
 * the user gave. The URL never holds the password (it is moved to {@link #password()}), so the URL
 * may be shown in messages; {@link #toString()} never shows the password either.
 *
 * @param kind     which database and how it is reached
 * @param url      the JDBC URL without credentials, with Osprey's settings added
 * @param user     the user name, or null to let the driver choose
 * @param password the password, or null
 * @param file     the database file, when the location was a plain path
 */
record JdbcLocation(Kind kind, String url, String user, String password, Optional<Path> file) {

    /** The H2 lock timeout Osprey sets unless the URL sets one: longer than a busy study's queue. */
    static final int H2_LOCK_TIMEOUT_MS = 10_000;
    /**
     * The H2 setting that turns off its reuse of a query's previous result. H2 2.3 reuses a result
     * when no row was written since it was computed, but it counts writes when they are made, not
     * when they commit: a transaction that read while another one's writes were uncommitted gets
     * the same stale rows again after that commit, even under the study lock (a stale trial was
     * failed twice that way). Osprey sets it unless the URL does.
     */
    static final String H2_NO_RESULT_REUSE = "OPTIMIZE_REUSE_RESULTS";
    /**
     * Writes each commit to the file at once: by default H2 keeps commits in memory for up to half
     * a second, and a driver killed with kill -9 would lose trials whose jobs already run.
     */
    static final String H2_WRITE_AT_COMMIT = "WRITE_DELAY=0";
    /**
     * No {@code NAME.trace.db} beside a study file: H2 writes one as soon as it logs an error, and
     * the schema check of a new database logs one (the table it looks for does not exist yet), which
     * left an empty-looking trace file in the user's folder. Errors reach Osprey as exceptions anyway.
     */
    static final String H2_NO_TRACE_FILE = "TRACE_LEVEL_FILE=0";
    static final String USER_ENV = "OSPREY_STORAGE_USER";
    static final String PASSWORD_ENV = "OSPREY_STORAGE_PASSWORD";
    private static final String H2_SUFFIX = ".mv.db";
    /**
     * The H2 URL settings a location may carry: locking, closing and caching, which change how the
     * database is kept and nothing else. Every other setting is refused, for H2 settings can run
     * code ({@code INIT=RUNSCRIPT FROM ...}, whose script may {@code CREATE ALIAS} a Java method),
     * write files ({@code TRACE_LEVEL_FILE}), open a server ({@code AUTO_SERVER}), or change the SQL
     * and the storage under Osprey ({@code MODE}, {@code ACCESS_MODE_DATA}, {@code FILE_LOCK}).
     */
    static final Set<String> H2_SETTINGS = Set.of("USER", "PASSWORD", "LOCK_TIMEOUT", H2_NO_RESULT_REUSE,
            "DB_CLOSE_DELAY", "DB_CLOSE_ON_EXIT", "CACHE_SIZE", "WRITE_DELAY", "MAX_COMPACT_TIME", "IFEXISTS");
    /**
     * The PostgreSQL driver parameters a location may carry: credentials, TLS, timeouts, the schema
     * and a client name. Others are refused, for some name a class the driver loads and runs
     * ({@code socketFactory}, {@code sslfactory}, {@code authenticationPluginClassName}, ...) or a
     * file it writes ({@code loggerFile}).
     */
    static final Set<String> POSTGRES_PARAMETERS = Set.of("user", "password", "ssl", "sslmode", "sslrootcert",
            "sslcert", "sslkey", "connectTimeout", "socketTimeout", "loginTimeout", "tcpKeepAlive",
            "currentSchema", "ApplicationName", "targetServerType");
    private static final Pattern SECRET = Pattern.compile("(?i)([a-z_]*password\\s*=)[^;&]*");
    /** {@code jdbc:postgresql://host[:port]/database} or {@code jdbc:postgresql:database}. */
    private static final Pattern POSTGRES_ADDRESS =
            Pattern.compile("jdbc:postgresql:(?://([^/:,\\[\\]]+)(?::(\\d{1,5}))?/)?([^/?]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    enum Kind {
        /** An H2 database file opened in this process. */
        H2_EMBEDDED,
        /** An H2 database in this process's memory. */
        H2_MEMORY,
        /** An H2 database served by an H2 TCP server. */
        H2_SERVER,
        /** A PostgreSQL database. */
        POSTGRESQL;

        boolean isH2() {
            return this != POSTGRESQL;
        }

        boolean isEmbedded() {
            return this == H2_EMBEDDED || this == H2_MEMORY;
        }

        String driverClass() {
            return isH2() ? "org.h2.Driver" : "org.postgresql.Driver";
        }
    }

    JdbcLocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
    }

    /**
     * Parses a location: a plain path is an H2 file ({@code .mv.db} may be left off or given),
     * {@code jdbc:h2:} and {@code jdbc:postgresql:} URLs are used as given. Credentials come from
     * the URL, else from {@code properties} ({@code user}, {@code password}), else from the
     * environment ({@value #USER_ENV}, {@value #PASSWORD_ENV}); a PostgreSQL password, else from
     * libpq's password file ({@code $PGPASSFILE} or {@code ~/.pgpass}); a server's password, last,
     * typed at the terminal when there is one.
     */
    static JdbcLocation parse(String location, Properties properties, Function<String, String> env) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("a storage location must not be empty: give a file path or a JDBC URL");
        }
        String given = location.strip();
        if (given.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("storage location '" + redact(visible(given)) + "' holds a control"
                    + " character (a line break, a tab, ...); give the path or URL on one line");
        }
        String lower = given.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return h2Url(given, properties, env);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return postgresUrl(given, properties, env);
        }
        if (lower.startsWith("jdbc:") || lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("unsupported storage location '" + redact(given)
                    + "': give a file path, a jdbc:h2: URL or a jdbc:postgresql:// URL");
        }
        return h2File(given, properties, env);
    }

    private static JdbcLocation h2File(String given, Properties properties, Function<String, String> env) {
        // H2 reads what follows a ';' in a file URL as settings, and a backslash as a folder separator:
        // a path is data, so either is refused rather than passed on
        for (char special : new char[] {';', '\\'}) {
            if (given.indexOf(special) >= 0) {
                throw new IllegalArgumentException("storage path '" + redact(given) + "' holds '" + special + "', which"
                        + " H2 would read as " + (special == ';' ? "the start of database settings" : "a folder separator")
                        + "; a study database path may not hold it: rename the folder or file, and give settings"
                        + " (the documented ones) in a jdbc:h2:file: URL");
            }
        }
        Path path = Path.of(given).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("storage location '" + given + "' is a directory; give a database"
                    + " file such as " + path.resolve("studies") + " (H2 adds " + H2_SUFFIX + ")");
        }
        String name = path.toString();
        if (name.endsWith(H2_SUFFIX)) {
            name = name.substring(0, name.length() - H2_SUFFIX.length());
        }
        Path file = Path.of(name + H2_SUFFIX);
        // the storage closes the database itself: H2's own shutdown hook would close it under a
        // sweep that is still failing its interrupted trials (Ctrl-C)
        String url = "jdbc:h2:file:" + name + ";LOCK_TIMEOUT=" + H2_LOCK_TIMEOUT_MS + ";" + H2_NO_RESULT_REUSE
                + "=FALSE;DB_CLOSE_ON_EXIT=FALSE;" + H2_WRITE_AT_COMMIT + ";" + H2_NO_TRACE_FILE;
        return new JdbcLocation(Kind.H2_EMBEDDED, url, h2User(null, properties, env),
                credential(null, properties, "password", env, PASSWORD_ENV), Optional.of(file));
    }

    private static JdbcLocation h2Url(String given, Properties properties, Function<String, String> env) {
        String[] parts = given.split(";");
        String scheme = parts[0].substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        if (scheme.matches("^[a-z]+:.*") && !scheme.startsWith("file:") && !scheme.startsWith("mem:")
                && !scheme.startsWith("tcp://") && !scheme.startsWith("ssl://")) {
            throw new IllegalArgumentException("unsupported H2 location '" + redact(parts[0]) + "': Osprey opens"
                    + " jdbc:h2:file:PATH, jdbc:h2:mem:NAME and jdbc:h2:tcp://HOST:PORT/NAME (or a plain file path)");
        }
        StringBuilder url = new StringBuilder(parts[0]);
        String user = null;
        String password = null;
        boolean lockTimeout = false;
        boolean resultReuse = false;
        for (int i = 1; i < parts.length; i++) {
            String setting = parts[i];
            int eq = setting.indexOf('=');
            String key = (eq < 0 ? setting : setting.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : setting.substring(eq + 1);
            if (!key.isEmpty() && !H2_SETTINGS.contains(key)) {
                throw new IllegalArgumentException("storage location '" + redact(given) + "' has the H2 setting '"
                        + key + "', which Osprey does not accept: a storage location is data, and H2 settings can"
                        + " run code, write files or change the database under Osprey. Leave it out; the settings"
                        + " accepted are " + String.join(", ", new java.util.TreeSet<>(H2_SETTINGS)));
            }
            switch (key) {
                case "USER" -> user = value;
                case "PASSWORD" -> password = value;
                case "" -> { }
                default -> {
                    lockTimeout |= key.equals("LOCK_TIMEOUT");
                    resultReuse |= key.equals(H2_NO_RESULT_REUSE);
                    url.append(';').append(setting);
                }
            }
        }
        if (!lockTimeout) {
            url.append(";LOCK_TIMEOUT=").append(H2_LOCK_TIMEOUT_MS);
        }
        String base = parts[0].toLowerCase(Locale.ROOT);
        Kind kind = base.startsWith("jdbc:h2:mem:") ? Kind.H2_MEMORY
                : base.startsWith("jdbc:h2:tcp:") || base.startsWith("jdbc:h2:ssl:") ? Kind.H2_SERVER
                : Kind.H2_EMBEDDED;
        // a server's clients are not admins, who alone may set it: the server turns it off for all
        if (!resultReuse && kind != Kind.H2_SERVER) {
            url.append(';').append(H2_NO_RESULT_REUSE).append("=FALSE");
        }
        String givenUser = h2User(user, properties, env);
        String givenPassword = credential(password, properties, "password", env, PASSWORD_ENV);
        if (givenPassword == null && kind == Kind.H2_SERVER) {
            givenPassword = TerminalPassword.ask(givenUser, redact(parts[0])).orElse(null);
        }
        return new JdbcLocation(kind, url.toString(), givenUser, givenPassword, h2FileOf(parts[0]));
    }

    /** The file of a {@code jdbc:h2:file:} (or implicit file) URL, for the checks made before H2 opens it. */
    private static Optional<Path> h2FileOf(String base) {
        String rest = base.substring("jdbc:h2:".length());
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            rest = rest.substring(5);
        } else if (!rest.startsWith("/") && !rest.startsWith("./") && !rest.startsWith("~")) {
            return Optional.empty();
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return rest.isEmpty() ? Optional.empty() : Optional.of(Path.of(rest + H2_SUFFIX).toAbsolutePath().normalize());
    }

    private static JdbcLocation postgresUrl(String given, Properties properties, Function<String, String> env) {
        int query = given.indexOf('?');
        String base = query < 0 ? given : given.substring(0, query);
        if (USER_INFO.matcher(base).find() || base.substring("jdbc:postgresql:".length()).contains("@")) {
            throw new IllegalArgumentException("storage location '" + redact(given) + "' has user:password@ in it,"
                    + " which the PostgreSQL driver does not read; use ?user=...&password=... or properties");
        }
        List<String> kept = new ArrayList<>();
        String user = null;
        String password = null;
        if (query >= 0) {
            for (String param : given.substring(query + 1).split("&")) {
                int eq = param.indexOf('=');
                String key = eq < 0 ? param : param.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
                if (!key.isEmpty() && !POSTGRES_PARAMETERS.contains(key)) {
                    throw new IllegalArgumentException("storage location '" + redact(given) + "' has the PostgreSQL"
                            + " driver parameter '" + key + "', which Osprey does not accept: a storage location is"
                            + " data, and driver parameters can load classes or write files. Leave it out; the"
                            + " parameters accepted are " + String.join(", ", new java.util.TreeSet<>(POSTGRES_PARAMETERS)));
                }
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "" -> { }
                    default -> kept.add(param);
                }
            }
        }
        String url = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
        String givenUser = credential(user, properties, "user", env, USER_ENV);
        String givenPassword = credential(password, properties, "password", env, PASSWORD_ENV);
        if (givenPassword == null) {
            givenPassword = fromPasswordFile(base, givenUser, env)
                    .or(() -> TerminalPassword.ask(givenUser, redact(base))).orElse(null);
        }
        return new JdbcLocation(Kind.POSTGRESQL, url, givenUser, givenPassword, Optional.empty());
    }

    /**
     * The password for a PostgreSQL URL from libpq's password file ({@link PgPassFile}), for the
     * user given, else the one the driver logs in as (the system user's name).
     */
    private static Optional<String> fromPasswordFile(String base, String user, Function<String, String> env) {
        var address = POSTGRES_ADDRESS.matcher(base);
        if (!address.matches()) {
            return Optional.empty(); // several hosts, or none: libpq's file has one host a line
        }
        String host = address.group(1) == null ? "localhost" : address.group(1);
        int port = address.group(2) == null ? 5432 : Integer.parseInt(address.group(2));
        return PgPassFile.password(PgPassFile.location(env), host, port, address.group(3),
                user != null ? user : System.getProperty("user.name"));
    }

    /** H2 makes the first user of a new database its administrator; Osprey's default is H2's usual "sa". */
    private static String h2User(String fromUrl, Properties properties, Function<String, String> env) {
        String user = credential(fromUrl, properties, "user", env, USER_ENV);
        return user != null ? user : "sa";
    }

    private static String credential(String fromUrl, Properties properties, String property,
                                     Function<String, String> env, String variable) {
        if (fromUrl != null) {
            return fromUrl;
        }
        String fromProperties = properties.getProperty(property);
        if (fromProperties != null) {
            return fromProperties;
        }
        String fromEnv = env.apply(variable);
        return fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }

    /** The URL with any password in it replaced by {@code ***}: the form every message shows. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        return USER_INFO.matcher(SECRET.matcher(url).replaceAll("$1***")).replaceAll("$1***@");
    }

    /** Control characters shown as escapes, so that a message stays on one line. */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The URL to show people. */
    String shown() {
        return redact(url);
    }

    /** The properties the driver gets: the user and password, when known. */
    Properties driverProperties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /**
     * The location of this file as another process serves it ({@link StudyFileServer}): H2's TCP
     * protocol to {@code server} (host:port), with the server's key as the database name.
     */
    JdbcLocation servedAt(String server, String key) {
        return new JdbcLocation(Kind.H2_SERVER, "jdbc:h2:tcp://" + server + "/" + key + ";LOCK_TIMEOUT="
                + H2_LOCK_TIMEOUT_MS, user, password, Optional.empty());
    }

    @Override
    public String toString() {
        return kind + " " + shown() + (user == null ? "" : " as " + user) + (password == null ? "" : " (password set)");
    }
}
