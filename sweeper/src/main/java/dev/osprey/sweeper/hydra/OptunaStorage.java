package dev.osprey.sweeper.hydra;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.value.ConfigValue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Optuna storage (an SQLAlchemy URL, or a node whose {@code _target_} builds an
 * {@code RDBStorage}) as the location of Osprey's study database with the same meaning: the study
 * is kept there and continued by a rerun. Osprey does not write Optuna's schema, so a SQLite file
 * becomes an H2 file next to it, and a PostgreSQL URL the same server through JDBC.
 */
final class OptunaStorage {

    /** {@code dialect[+driver]://[user[:password]@]host[:port]/database[?query]}. */
    private static final Pattern SERVER_URL = Pattern.compile(
            "([a-z0-9]+)(\\+[a-z0-9_]+)?://(?:([^:@/]*)(?::([^@/]*))?@)?([^/:?]+)(?::(\\d+))?/([^?]+)(\\?.*)?");

    private OptunaStorage() {
    }

    /** The Osprey location of {@code hydra.sweeper.storage}; a line for {@code notes} says what it became. */
    static String location(ConfigValue storage, List<String> notes) {
        String url = switch (storage) {
            case ConfigValue.StringValue s -> s.value();
            case ConfigValue.MapValue node -> {
                Config config = Config.of(node);
                Object target = OptunaSweeperSettings.value(config, "_target_").orElse("");
                Object given = OptunaSweeperSettings.value(config, "url").orElseThrow(() -> new IllegalArgumentException(
                        "hydra.sweeper.storage builds " + target + " without a url; Osprey needs the storage's URL"
                                + " (or give --storage with an Osprey location)"));
                if (node.entries().size() > 2) {
                    notes.add("hydra.sweeper.storage: only its url is used; Osprey's study database keeps trial"
                            + " heartbeats itself (other settings: " + node.entries().keySet() + ")");
                }
                yield String.valueOf(given);
            }
            default -> throw new IllegalArgumentException("hydra.sweeper.storage must be an Optuna storage URL such as"
                    + " sqlite:///optuna.db, got " + storage.toPlain());
        };
        return fromUrl(url, notes);
    }

    static String fromUrl(String url, List<String> notes) {
        if (url.startsWith("sqlite:")) {
            String path = url.startsWith("sqlite:///") ? url.substring("sqlite:///".length()) : "";
            if (path.isEmpty() || path.equals(":memory:")) {
                notes.add("hydra.sweeper.storage " + url + " keeps a study in memory; Osprey stores it in its default"
                        + " study database instead, so that a rerun continues it");
                return null;
            }
            String file = path.replaceAll("\\.(db|sqlite3?)$", "");
            if (file.isEmpty() || file.endsWith("/")) {
                throw new IllegalArgumentException("hydra.sweeper.storage " + url + " names no file; write"
                        + " sqlite:///optuna.db, or give --storage with an Osprey location");
            }
            notes.add("hydra.sweeper.storage " + url + ": Osprey keeps this study in the H2 file " + file
                    + ".mv.db (Osprey's study database; it does not write SQLite)");
            return file;
        }
        Matcher m = SERVER_URL.matcher(url);
        if (m.matches() && (m.group(1).equals("postgresql") || m.group(1).equals("postgres"))) {
            StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(m.group(5));
            if (m.group(6) != null) {
                jdbc.append(':').append(m.group(6));
            }
            jdbc.append('/').append(m.group(7));
            String separator = "?";
            if (m.group(3) != null && !m.group(3).isEmpty()) {
                jdbc.append(separator).append("user=").append(encode(decode(m.group(3))));
                separator = "&";
            }
            if (m.group(4) != null) {
                jdbc.append(separator).append("password=").append(encode(decode(m.group(4))));
            }
            notes.add("hydra.sweeper.storage: Osprey keeps this study in the PostgreSQL database " + m.group(7) + " on "
                    + m.group(5) + " in its own tables (not Optuna's)");
            return jdbc.toString();
        }
        String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : url;
        throw new IllegalArgumentException("hydra.sweeper.storage '" + dev.osprey.composer.config.Secrets.mask(url) + "': Osprey's study database"
                + " is an H2 file, an H2 server or PostgreSQL, and " + scheme + " has no Osprey equivalent; use"
                + " sqlite:///FILE.db (kept as an H2 file), postgresql://HOST/DB, or --storage with an Osprey location");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
