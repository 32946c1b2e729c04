package dev.osprey.launchers.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named lines a program prints on stdout: {@code osprey:objective NAME VALUE} for one objective
 * of a study with named objectives, and {@code osprey:constraint NAME VALUE [<= LIMIT | >= LIMIT]}
 * for a constraint, stored as {@code VALUE - LIMIT} (resp. {@code LIMIT - VALUE}) so that a value
 * {@code <= 0} is feasible. Tokens are separated by whitespace; a name is a letter or {@code _}
 * followed by letters, digits, {@code _ . -}. The last line for a name wins; names keep the order
 * in which they first appeared. The wrapper script of the queued launchers reads the same lines
 * the same way, in {@code awk}.
 *
 * @param objectives  the named objective values (NaN and infinities included, rejected by name later)
 * @param constraints the constraint values, already turned into {@code <= 0} form
 * @param malformed   the first line that starts like a named line but is not one, if any
 * @since 0.1
 */
public record NamedLines(Map<String, Double> objectives, Map<String, Double> constraints, Optional<String> malformed) {

    /** The prefix of a named objective line. */
    public static final String OBJECTIVE_PREFIX = "osprey:objective";

    /** The prefix of a constraint line. */
    public static final String CONSTRAINT_PREFIX = "osprey:constraint";

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_.-]*";
    private static final String NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?(?i:nan|inf|infinity)";
    private static final Pattern OBJECTIVE = Pattern.compile(
            Pattern.quote(OBJECTIVE_PREFIX) + "\\s+(" + NAME + ")\\s+(" + NUMBER + ")");
    private static final Pattern CONSTRAINT = Pattern.compile(Pattern.quote(CONSTRAINT_PREFIX)
            + "\\s+(" + NAME + ")\\s+(" + NUMBER + ")(?:\\s+(<=|>=)\\s+(" + NUMBER + "))?");

    public NamedLines {
        objectives = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(objectives));
        constraints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
    }

    /** The named lines of a program's output file; a missing file has none. */
    public static NamedLines read(Path stdoutLog) {
        Reader reader = new Reader();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(stdoutLog),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                reader.accept(line);
            }
        } catch (IOException e) {
            // a missing or unreadable output has no named lines
        }
        return reader.lines();
    }

    /** Collects named lines one output line at a time. */
    public static final class Reader {
        private final Map<String, Double> objectives = new LinkedHashMap<>();
        private final Map<String, Double> constraints = new LinkedHashMap<>();
        private String malformed;

        public void accept(String line) {
            String trimmed = line.strip();
            boolean objective = isNamed(trimmed, OBJECTIVE_PREFIX);
            if (!objective && !isNamed(trimmed, CONSTRAINT_PREFIX)) {
                return;
            }
            Matcher m = (objective ? OBJECTIVE : CONSTRAINT).matcher(trimmed);
            if (!m.matches()) {
                if (malformed == null) {
                    malformed = trimmed;
                }
                return;
            }
            double value = parse(m.group(2));
            if (objective) {
                objectives.put(m.group(1), value);
            } else if (m.group(3) == null) {
                constraints.put(m.group(1), value);
            } else {
                double limit = parse(m.group(4));
                // a NaN or an infinity stays as given, so that it is rejected by what it was
                constraints.put(m.group(1), !Double.isFinite(value) ? value : !Double.isFinite(limit) ? limit
                        : m.group(3).equals("<=") ? value - limit : limit - value);
            }
        }

        public NamedLines lines() {
            return new NamedLines(objectives, constraints, Optional.ofNullable(malformed));
        }
    }

    /** Null when the lines are usable, otherwise why not (the first bad name, in order). */
    public String problem() {
        if (malformed.isPresent()) {
            String shown = malformed.get().length() > 80 ? malformed.get().substring(0, 77) + "..." : malformed.get();
            return "the line '" + shown + "' is neither '" + OBJECTIVE_PREFIX + " NAME VALUE' nor '"
                    + CONSTRAINT_PREFIX + " NAME VALUE [<= LIMIT | >= LIMIT]'";
        }
        for (Map.Entry<String, Double> e : objectives.entrySet()) {
            String bad = nonFinite(e.getValue());
            if (bad != null) {
                return "the objective '" + e.getKey() + "' is " + bad;
            }
        }
        for (Map.Entry<String, Double> e : constraints.entrySet()) {
            String bad = nonFinite(e.getValue());
            if (bad != null) {
                return "the constraint '" + e.getKey() + "' is " + bad;
            }
        }
        return null;
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "+inf" : "-inf") : null;
    }

    /** Whether the line starts with the prefix followed by whitespace or nothing. */
    private static boolean isNamed(String trimmed, String prefix) {
        return trimmed.startsWith(prefix)
                && (trimmed.length() == prefix.length() || Character.isWhitespace(trimmed.charAt(prefix.length())));
    }

    private static double parse(String token) {
        String t = token.toLowerCase(java.util.Locale.ROOT);
        String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.startsWith("inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(token);
    }
}
