package dev.osprey.composer.override;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers the way the override language and Hydra's functions see them: lengths of number
 * tokens for the lexer, Python's {@code int()} and {@code float()} of strings and floats, and
 * Python's {@code repr} of a float (the shortest text that reads back as the same double, in
 * scientific notation below 1e-4 and from 1e16 up).
 */
final class Numbers {

    private Numbers() {
    }

    // ---------------------------------------------------------------- token lengths (lexer)

    /** {@code '0' | [1-9] ('_'? DIGIT)*} at {@code i}: its length, or 0. */
    static int unsignedIntLength(String s, int i) {
        if (i >= s.length() || !Lexer.isDigit(s.charAt(i))) {
            return 0;
        }
        if (s.charAt(i) == '0') {
            return 1;
        }
        return 1 + digitTail(s, i + 1);
    }

    /** Like {@link #unsignedIntLength} but also counts a trailing {@code '_'} that could still be followed by a digit. */
    static int unsignedIntViable(String s, int i) {
        int length = unsignedIntLength(s, i);
        return length > 0 && i + length < s.length() && s.charAt(i + length) == '_' ? length + 1 : length;
    }

    /** Length of {@code ('_'? DIGIT)*} at {@code i}. */
    private static int digitTail(String s, int i) {
        int j = i;
        while (j < s.length()) {
            if (Lexer.isDigit(s.charAt(j))) {
                j++;
            } else if (s.charAt(j) == '_' && j + 1 < s.length() && Lexer.isDigit(s.charAt(j + 1))) {
                j += 2;
            } else {
                break;
            }
        }
        return j - i;
    }

    /** {@code DIGIT ('_'? DIGIT)*} at {@code i}: its length, or 0. */
    private static int digitPart(String s, int i) {
        return i < s.length() && Lexer.isDigit(s.charAt(i)) ? 1 + digitTail(s, i + 1) : 0;
    }

    private static int sign(String s, int i) {
        return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? 1 : 0;
    }

    /** Length of an INT token at {@code i}, or 0. */
    static int intLength(String s, int i) {
        int sign = sign(s, i);
        int digits = unsignedIntLength(s, i + sign);
        return digits == 0 ? 0 : sign + digits;
    }

    /** Length of a FLOAT token at {@code i} (longest of point, exponent, inf and nan forms), or 0. */
    static int floatLength(String s, int i) {
        int j = i + sign(s, i);
        int best = s.regionMatches(true, j, "inf", 0, 3) || s.regionMatches(true, j, "nan", 0, 3) ? j + 3 : 0;
        int intLength = unsignedIntLength(s, j);
        int pointEnd = -1;
        if (intLength > 0 && j + intLength < s.length() && s.charAt(j + intLength) == '.') {
            pointEnd = j + intLength + 1 + digitPart(s, j + intLength + 1);
        } else if (j < s.length() && s.charAt(j) == '.' && digitPart(s, j + 1) > 0) {
            pointEnd = j + 1 + digitPart(s, j + 1);
        }
        best = Math.max(best, pointEnd);
        int base = pointEnd >= 0 ? pointEnd : intLength > 0 ? j + intLength : -1;
        if (base >= 0 && base < s.length() && (s.charAt(base) == 'e' || s.charAt(base) == 'E')) {
            int k = base + 1 + sign(s, base + 1);
            int digits = digitPart(s, k);
            if (digits > 0) {
                best = Math.max(best, k + digits);
            }
        }
        return best > 0 ? best - i : 0;
    }

    // ---------------------------------------------------------------- Python conversions

    /** Python's {@code int(text)} for a string: whitespace, a sign, digits with single underscores. */
    static BigInteger parseInt(String text) {
        String s = text.strip();
        int sign = sign(s, 0);
        int digits = digitPart(s, sign);
        if (digits == 0 || sign + digits != s.length()) {
            throw PyError.valueError("invalid literal for int() with base 10: " + PyFormat.repr(text));
        }
        return new BigInteger(s.replace("_", ""));
    }

    /** Python's {@code float(text)} for a string: decimal or exponent notation, inf, infinity, nan. */
    static double parseFloat(String text) {
        String s = text.strip();
        int sign = sign(s, 0);
        String body = s.substring(sign).toLowerCase(java.util.Locale.ROOT);
        boolean negative = sign == 1 && s.charAt(0) == '-';
        if (body.equals("inf") || body.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan")) {
            return Double.NaN;
        }
        int intPart = digitPart(s, sign);
        int end = sign + intPart;
        int fraction = 0;
        if (end < s.length() && s.charAt(end) == '.') {
            fraction = digitPart(s, end + 1);
            end += 1 + fraction;
        }
        boolean valid = intPart + fraction > 0;
        if (valid && end < s.length() && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
            int k = end + 1 + sign(s, end + 1);
            int exponent = digitPart(s, k);
            valid = exponent > 0;
            end = k + exponent;
        }
        if (!valid || end != s.length()) {
            throw PyError.valueError("could not convert string to float: " + PyFormat.repr(text));
        }
        return Double.parseDouble(s.replace("_", ""));
    }

    /** Python's {@code int(x)} of a float: truncation toward zero. */
    static BigInteger truncate(double value) {
        if (Double.isNaN(value)) {
            throw PyError.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(value)) {
            throw new PyError("OverflowError", "cannot convert float infinity to integer");
        }
        return new BigDecimal(value).toBigInteger();
    }

    /** Python's {@code float(n)} of an int. */
    static double toDouble(BigInteger value) {
        double d = value.doubleValue();
        if (Double.isInfinite(d)) {
            throw new PyError("OverflowError", "int too large to convert to float");
        }
        return d;
    }

    /** The exact decimal value of a float's shortest repr (what Python's {@code Decimal(str(x))} gives). */
    static BigDecimal shortestDecimal(double value) {
        return new BigDecimal(Double.toString(value));
    }

    /** Python's {@code repr(float)}. */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = (value < 0 || (value == 0 && 1 / value < 0)) ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        BigDecimal exact = shortestDecimal(Math.abs(value)).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }
}
