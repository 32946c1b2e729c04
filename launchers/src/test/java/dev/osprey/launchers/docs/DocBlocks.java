package dev.osprey.launchers.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples a Markdown page marks as tested: a line {@code <!-- tested: NAME -->} right before a
 * fenced code block or a table. Tests read them by name, so that the page cannot drift from the code,
 * and check that every marked example is checked by some test.
 */
public final class DocBlocks {

    private static final Pattern MARKER = Pattern.compile("<!-- tested: ([\\w.-]+) -->\\n");
    private static final Pattern FENCE = Pattern.compile("```[^\\n]*\\n(.*?\\n)```\\n", Pattern.DOTALL);

    private final String page;
    private final Map<String, String> blocks = new LinkedHashMap<>();
    private final Map<String, List<List<String>>> tables = new LinkedHashMap<>();

    private DocBlocks(String page, String text) {
        this.page = page;
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            String name = marker.group(1);
            if (blocks.containsKey(name) || tables.containsKey(name)) {
                throw new IllegalStateException(page + " marks '" + name + "' as tested twice");
            }
            String rest = text.substring(marker.end());
            Matcher fence = FENCE.matcher(rest);
            if (fence.lookingAt()) {
                blocks.put(name, fence.group(1));
            } else if (rest.startsWith("|")) {
                tables.put(name, parseTable(rest));
            } else {
                throw new IllegalStateException(page + ": the tested example '" + name
                        + "' must be followed at once by a fenced block or a table");
            }
        }
    }

    /** The page {@code docs/NAME} of this repository. */
    public static DocBlocks read(String name) {
        Path file = repositoryRoot().resolve("docs").resolve(name);
        try {
            return new DocBlocks(name, Files.readString(file).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The repository's root: the first directory upwards from here that has {@code docs/}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docs/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The content of the fenced block named {@code name}, ending with a newline. */
    public String block(String name) {
        String block = blocks.get(name);
        if (block == null) {
            throw new AssertionError(page + " has no tested code block '" + name + "'; it has " + names());
        }
        return block;
    }

    /** The body rows of the table named {@code name}, each a list of trimmed cells. */
    List<List<String>> table(String name) {
        List<List<String>> rows = tables.get(name);
        if (rows == null) {
            throw new AssertionError(page + " has no tested table '" + name + "'; it has " + names());
        }
        return rows;
    }

    /** Every name the page marks as tested. */
    public Set<String> names() {
        Set<String> names = new java.util.TreeSet<>(blocks.keySet());
        names.addAll(tables.keySet());
        return names;
    }

    /** The text inside the first pair of backticks of a cell, or the cell itself. */
    static String code(String cell) {
        int open = cell.indexOf('`');
        int close = cell.indexOf('`', open + 1);
        return open >= 0 && close > open ? cell.substring(open + 1, close) : cell;
    }

    private static List<List<String>> parseTable(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = text.lines().takeWhile(l -> l.startsWith("|")).toList();
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1)) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        return rows;
    }
}
