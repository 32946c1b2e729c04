package dev.osprey.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Markdown tables and the number formats the baseline tables use. */
final class Markdown {

    private Markdown() {
    }

    /** A table with a header row. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    /**
     * A value as the baseline prints it: 3 significant digits below 1 and in exponent form from
     * 10,000 up, one decimal from 100, three decimals in between.
     */
    static String num(double x) {
        if (Double.isNaN(x)) {
            return "-";
        }
        double a = Math.abs(x);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e4 || a < 1e-4) {
            String[] parts = String.format(Locale.ROOT, "%.2e", x).split("e");
            String mantissa = stripZeros(parts[0]);
            int exp = Integer.parseInt(parts[1]);
            return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.3f", x);
        }
        return stripZeros(new BigDecimal(x).round(new MathContext(3)).toPlainString());
    }

    /** {@code median [q25, q75]} of a row. */
    static String quartiles(Map<String, Object> row) {
        return num(Row.num(row, "median")) + " [" + num(Row.num(row, "q25")) + ", " + num(Row.num(row, "q75")) + "]";
    }

    /** A value with a fixed number of decimals. */
    static String fixed(double x, int decimals) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
