package dev.osprey.studydb;

import dev.osprey.optimizer.space.PlainValues;
import dev.osprey.optimizer.space.Distribution;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How values are written to and read from the study database: times as UTC TIMESTAMPs with
 * microseconds (what both H2 and PostgreSQL keep), doubles as a value and a type so that NaN and
 * the infinities survive, attributes as JSON text.
 */
final class SqlCodec {

    private static final int DISTRIBUTION_CACHE_LIMIT = 4096;
    private static final Map<String, Distribution> DISTRIBUTIONS = new ConcurrentHashMap<>();

    private SqlCodec() {
    }

    /** An instant as the database keeps it: truncated to microseconds. */
    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static void setTime(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
        }
    }

    static Instant getTime(ResultSet rows, int index) throws SQLException {
        LocalDateTime time = rows.getObject(index, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /** The type column of a double: FINITE, INF_POS, INF_NEG or NAN. */
    static String typeOf(double value) {
        if (Double.isNaN(value)) {
            return "NAN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "INF_POS" : "INF_NEG";
        }
        return "FINITE";
    }

    /** Sets a double and, at {@code index + 1}, its type. */
    static void setDouble(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            statement.setDouble(index, value);
        } else {
            statement.setNull(index, Types.DOUBLE);
        }
        statement.setString(index + 1, typeOf(value));
    }

    static double toDouble(double stored, String type) {
        return switch (type) {
            case "FINITE" -> stored;
            case "INF_POS" -> Double.POSITIVE_INFINITY;
            case "INF_NEG" -> Double.NEGATIVE_INFINITY;
            case "NAN" -> Double.NaN;
            default -> throw new IllegalStateException("unknown value type '" + type + "' in the study database");
        };
    }

    static String json(Object value) {
        return StoredJson.write(PlainValues.normalize(value));
    }

    static Object fromJson(String text) {
        return StoredJson.parse(text);
    }

    /** Distributions are few and their JSON repeats on every trial: parse each text once. */
    static Distribution distribution(String json) {
        Distribution known = DISTRIBUTIONS.get(json);
        if (known != null) {
            return known;
        }
        Distribution parsed = DistributionJson.read(json);
        if (DISTRIBUTIONS.size() < DISTRIBUTION_CACHE_LIMIT) {
            DISTRIBUTIONS.put(json, parsed);
        }
        return parsed;
    }
}
