package dev.osprey.launchers.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A program's result file ({@code OSPREY_RESULT_FILE}) written as JSON: a list of values
 * {@code [0.1, 12]}, or an object {@code {"values": ..., "constraints": ...}} whose values are a
 * list or named ({@code {"loss": 0.1, "latency_ms": 12}}) and whose constraints are named, each a
 * number stored as it is, {@code {"value": V, "limit": L}} for {@code V <= L} (stored as
 * {@code V - L}) or {@code {"value": V, "at_least": L}} for {@code V >= L} (stored as
 * {@code L - V}): the same forms as the {@link NamedLines} on stdout. Python's {@code NaN} and
 * {@code Infinity} are read, to be rejected by name.
 *
 * <p>The reader is deliberately small, so that the queued launchers' wrapper script reads the
 * same files the same way in {@code awk}: a string is whatever lies between two quotes (a name
 * has no escapes to decode), and every error message below is the script's too.
 */
final class ResultFile {

    /** How the file is named in errors. */
    static final String SOURCE = "the result file objective.txt";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern NUMBER = Pattern.compile(
            "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|-?Infinity");
    private static final String WORD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.+-";

    /** What the file held: its values (named or not) and its constraints; or why it cannot be used. */
    sealed interface Read {
        record Values(List<Double> values, List<String> names, Map<String, Double> constraints) implements Read {
        }

        record Problem(String error) implements Read {
        }
    }

    private final List<String> tokens = new ArrayList<>();
    private final String text;
    private int at;

    private ResultFile(String text) {
        this.text = text;
    }

    /** Whether the file's text is JSON rather than a line of numbers: it starts with a bracket. */
    static boolean isJson(String text) {
        String t = text.replaceFirst("^[ \\t\\n\\u000B\\f\\r]+", "");
        return t.startsWith("{") || t.startsWith("[");
    }

    static Read read(String text) {
        ResultFile file = new ResultFile(text);
        try {
            return file.parse();
        } catch (Malformed e) {
            return new Read.Problem(e.getMessage());
        }
    }

    /** What the reader found wrong; unchecked as every exception here, caught in {@link #read} alone. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private Malformed syntax() {
        String shown = text.strip();
        if (shown.length() > 80) {
            shown = shown.substring(0, 77) + "...";
        }
        return new Malformed(SOURCE + " holds '" + shown + "', which is not a list of numbers nor"
                + " {\"values\": ..., \"constraints\": ...}");
    }

    private Read parse() throws Malformed {
        tokenize();
        List<Double> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Double> constraints = new LinkedHashMap<>();
        boolean hasValues = false;
        if (peek("[")) {
            list(values);
            hasValues = true;
        } else {
            expect("{");
            if (!peek("}")) {
                do {
                    String field = string();
                    expect(":");
                    switch (field) {
                        case "values" -> {
                            values.clear();
                            names.clear();
                            if (peek("[")) {
                                list(values);
                            } else {
                                named(values, names);
                            }
                            hasValues = true;
                        }
                        case "constraints" -> constraints(constraints);
                        default -> throw new Malformed(SOURCE + " has the field '" + field
                                + "'; it may hold \"values\" and \"constraints\"");
                    }
                } while (accept(","));
            }
            expect("}");
        }
        if (at != tokens.size()) {
            throw syntax();
        }
        if (!hasValues || values.isEmpty()) {
            throw new Malformed(SOURCE + " holds no values; write \"values\": [VALUE, ...] or"
                    + " {\"NAME\": VALUE, ...}");
        }
        return problem(values, names, constraints);
    }

    /** The values as read, or the first non-finite value or constraint, named. */
    private static Read problem(List<Double> values, List<String> names, Map<String, Double> constraints) {
        for (int i = 0; i < values.size(); i++) {
            String bad = nonFinite(values.get(i));
            if (bad != null) {
                return new Read.Problem("the objective " + (names.isEmpty() ? "" : "'" + names.get(i) + "' ")
                        + "is " + bad + " (from " + SOURCE + ")");
            }
        }
        for (Map.Entry<String, Double> c : constraints.entrySet()) {
            String bad = nonFinite(c.getValue());
            if (bad != null) {
                return new Read.Problem("the constraint '" + c.getKey() + "' is " + bad + " (from " + SOURCE + ")");
            }
        }
        return new Read.Values(values, names, constraints);
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "+inf" : "-inf") : null;
    }

    private void list(List<Double> into) throws Malformed {
        expect("[");
        if (!accept("]")) {
            do {
                into.add(number());
            } while (accept(","));
            expect("]");
        }
    }

    private void named(List<Double> values, List<String> names) throws Malformed {
        expect("{");
        if (!accept("}")) {
            do {
                String name = name();
                expect(":");
                double v = number();
                int known = names.indexOf(name);
                if (known >= 0) {
                    values.set(known, v);
                } else {
                    names.add(name);
                    values.add(v);
                }
            } while (accept(","));
            expect("}");
        }
    }

    private void constraints(Map<String, Double> into) throws Malformed {
        if (peek("[")) {
            List<Double> positional = new ArrayList<>();
            list(positional);
            for (int i = 0; i < positional.size(); i++) {
                into.put(Integer.toString(i), positional.get(i));
            }
            return;
        }
        expect("{");
        if (!accept("}")) {
            do {
                String name = name();
                expect(":");
                into.put(name, peek("{") ? bounded(name) : number());
            } while (accept(","));
            expect("}");
        }
    }

    /** {@code {"value": V, "limit": L}} or {@code {"value": V, "at_least": L}}, in {@code <= 0} form. */
    private double bounded(String name) throws Malformed {
        Map<String, Double> fields = new LinkedHashMap<>();
        expect("{");
        if (!accept("}")) {
            do {
                String field = string();
                expect(":");
                fields.put(field, number());
            } while (accept(","));
            expect("}");
        }
        boolean known = fields.keySet().stream().allMatch(f -> f.equals("value") || f.equals("limit")
                || f.equals("at_least"));
        if (!known || !fields.containsKey("value") || fields.containsKey("limit") == fields.containsKey("at_least")) {
            throw new Malformed("the constraint '" + name + "' in " + SOURCE + " needs \"value\" and one of"
                    + " \"limit\" (value <= limit) or \"at_least\" (value >= limit)");
        }
        double value = fields.get("value");
        boolean atMost = fields.containsKey("limit");
        double limit = atMost ? fields.get("limit") : fields.get("at_least");
        // a NaN or an infinity stays as given, so that it is rejected by what it was
        return !Double.isFinite(value) ? value : !Double.isFinite(limit) ? limit
                : atMost ? value - limit : limit - value;
    }

    private String name() throws Malformed {
        String name = string();
        if (!NAME.matcher(name).matches()) {
            throw new Malformed(SOURCE + " has the name '" + name + "'; a name is a letter or _, then letters,"
                    + " digits, _ . or -");
        }
        return name;
    }

    private String string() throws Malformed {
        if (at < tokens.size() && tokens.get(at).startsWith("\"")) {
            String t = tokens.get(at++);
            return t.substring(1, t.length() - 1);
        }
        throw syntax();
    }

    private double number() throws Malformed {
        if (at < tokens.size() && NUMBER.matcher(tokens.get(at)).matches()) {
            String t = tokens.get(at++);
            return t.equals("NaN") ? Double.NaN : t.endsWith("Infinity")
                    ? (t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                    : Double.parseDouble(t);
        }
        throw syntax();
    }

    private boolean peek(String token) {
        return at < tokens.size() && tokens.get(at).equals(token);
    }

    private boolean accept(String token) {
        if (peek(token)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String token) throws Malformed {
        if (!accept(token)) {
            throw syntax();
        }
    }

    /** Punctuation, {@code "..."} strings (quotes kept), and runs of number characters. */
    private void tokenize() throws Malformed {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if ("{}[]:,".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw syntax();
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (WORD.indexOf(c) >= 0) {
                int end = i;
                while (end < n && WORD.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            } else {
                throw syntax();
            }
        }
    }
}
