package dev.osprey.launchers.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads objective values the way external programs report them: a line made only of numbers
 * (separated by spaces or commas), in the result file or as the last such line of stdout; and
 * intermediate values as lines {@code osprey:report STEP VALUE}.
 *
 * @since 0.1
 */
public final class ObjectiveLines {

    /** The prefix of an intermediate-value line on stdout. */
    public static final String REPORT_PREFIX = "osprey:report";

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?(?i:nan|inf|infinity)");

    private ObjectiveLines() {
    }

    /** An intermediate value. */
    public record Report(int step, double value) {
    }

    /**
     * The numbers of a line made only of numbers (NaN and infinities included, so that the caller
     * can reject them by name), or empty for any other line.
     */
    public static Optional<List<Double>> numbers(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        List<Double> values = new ArrayList<>();
        for (String token : SEPARATORS.split(trimmed)) {
            if (token.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(token).matches()) {
                return Optional.empty();
            }
            values.add(parse(token));
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }

    /** The intermediate value of an {@code osprey:report STEP VALUE} line, if it is one. */
    public static Optional<Report> report(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith(REPORT_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = SEPARATORS.split(trimmed.substring(REPORT_PREFIX.length()).strip());
        if (parts.length != 2 || !parts[0].matches("\\d{1,9}") || !NUMBER.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        double value = parse(parts[1]);
        return Double.isFinite(value) ? Optional.of(new Report(Integer.parseInt(parts[0]), value)) : Optional.empty();
    }

    /** Null when the values are usable objective values, otherwise why not. */
    public static String problem(List<Double> values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return "the objective is NaN";
            }
            if (Double.isInfinite(v)) {
                return "the objective is " + (v > 0 ? "+inf" : "-inf");
            }
        }
        return null;
    }

    private static double parse(String token) {
        String t = token.toLowerCase(Locale.ROOT);
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
