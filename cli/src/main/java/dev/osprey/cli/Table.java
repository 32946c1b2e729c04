package dev.osprey.cli;


import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows printed as an aligned table for people, or as JSON or CSV for scripts ({@code --format}). */
final class Table {

    enum Format { TABLE, JSON, CSV }

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    Table(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    Table row(Object... values) {
        rows.add(java.util.Arrays.asList(values));
        return this;
    }

    void print(PrintStream out, Format format) {
        switch (format) {
            case JSON -> {
                List<Object> list = new ArrayList<>();
                for (List<Object> row : rows) {
                    Map<String, Object> object = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        object.put(columns.get(i), jsonValue(row.get(i)));
                    }
                    list.add(object);
                }
                out.println(JsonOutput.write(list));
            }
            case CSV -> {
                out.println(String.join(",", columns.stream().map(Table::csv).toList()));
                rows.forEach(row -> out.println(String.join(",", row.stream().map(v -> csv(text(v))).toList())));
            }
            case TABLE -> {
                int[] widths = new int[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    widths[i] = columns.get(i).length();
                    for (List<Object> row : rows) {
                        widths[i] = Math.max(widths[i], text(row.get(i)).length());
                    }
                }
                out.println(line(columns.stream().map(Object.class::cast).toList(), widths));
                for (List<Object> row : rows) {
                    out.println(line(row, widths));
                }
            }
        }
    }

    private static String line(List<Object> values, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String t = text(values.get(i));
            b.append(values.get(i) instanceof Number ? " ".repeat(widths[i] - t.length()) + t : t + " ".repeat(widths[i] - t.length()));
            if (i + 1 < values.size()) {
                b.append("  ");
            }
        }
        return b.toString().stripTrailing();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() ? "" : String.format(java.util.Locale.ROOT, "%.6g", d);
        }
        return value.toString();
    }

    private static Object jsonValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Map || value instanceof List) {
            return value instanceof Integer i ? (Object) (long) i : value;
        }
        return value.toString();
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
