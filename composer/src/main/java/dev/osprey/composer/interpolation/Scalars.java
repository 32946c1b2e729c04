package dev.osprey.composer.interpolation;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.BoolValue;
import dev.osprey.composer.value.ConfigValue.FloatValue;
import dev.osprey.composer.value.ConfigValue.IntValue;
import dev.osprey.composer.value.ConfigValue.NullValue;
import dev.osprey.composer.value.ConfigValue.StringValue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Scalar text both ways: typing unquoted resolver arguments, and values as text inside strings (Python style). */
final class Scalars {

    private static final Pattern INT = Pattern.compile("[-+]?[0-9](_?[0-9])*");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)");

    private Scalars() {
    }

    /** An unquoted argument: an int, a float, {@code true}/{@code false}, {@code null}, else the text. */
    static ConfigValue typed(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (INT.matcher(text).matches()) {
            try {
                return new IntValue(Long.parseLong(text.replace("_", "")));
            } catch (NumberFormatException tooLarge) {
                return new StringValue(text);
            }
        }
        if (FLOAT.matcher(text).matches()) {
            return new FloatValue(Double.parseDouble(text));
        }
        return switch (lower) {
            case "true" -> new BoolValue(true);
            case "false" -> new BoolValue(false);
            case "null" -> NullValue.INSTANCE;
            case "inf", "+inf" -> new FloatValue(Double.POSITIVE_INFINITY);
            case "-inf" -> new FloatValue(Double.NEGATIVE_INFINITY);
            case "nan" -> new FloatValue(Double.NaN);
            default -> new StringValue(text);
        };
    }

    /** A scalar as Python's {@code str} shows it; {@code null} for a map, list or {@code ???}. */
    static String text(ConfigValue value) {
        return switch (value) {
            case StringValue s -> s.value();
            case IntValue i -> Long.toString(i.value());
            case FloatValue f -> pyFloat(f.value());
            case BoolValue b -> b.value() ? "True" : "False";
            case NullValue n -> "None";
            default -> null;
        };
    }

    /** Python's {@code repr} of a float: {@code 0.001}, {@code 1e-05}, {@code 1e+16}, {@code 3.0}, {@code inf}. */
    static String pyFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        String plain = exact.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
