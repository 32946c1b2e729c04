package dev.osprey.cli.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced blocks of a Markdown page, with the marker comment before each, and the shell-word
 * splitting and output matching that {@link CliDocsTest} applies to them.
 *
 * <p>Markers (an HTML comment on the line before the fence, blank lines allowed between):
 * <ul>
 *   <li>{@code <!-- tested -->}: every {@code osprey ...} line of the {@code sh} block runs in
 *       process and must exit 0; {@code exit=N} makes the last one exit N;</li>
 *   <li>{@code <!-- tested bash -->}: the block runs in {@code bash}, with an {@code osprey}
 *       command on the PATH that starts this build's command line in a JVM of its own;</li>
 *   <li>{@code <!-- not tested: why -->}: an {@code sh} block that cannot run here (another
 *       machine, a cluster).</li>
 *   <li>{@code <!-- tested: NAME -->} is another test's marker (docs/launchers.md's
 *       LaunchersDocTest), not one of these.</li>
 * </ul>
 * A {@code text} block right after a tested block lists lines that must appear, in order, in the
 * output (stdout, then stderr, of each command); {@code ...} in a line matches anything and a run
 * of spaces matches any run of whitespace. A {@code yaml file=PATH} block is written to that path
 * of the working directory; a {@code java check=PATH} block must appear line by line (stripped,
 * in order) in that repository file.
 */
final class CliDocBlocks {

    private static final Pattern MARKER = Pattern.compile("^<!--\\s*(tested(?!: )|not tested)\\b(.*?)-->\\s*$");

    private CliDocBlocks() {
    }

    /** One fenced block. */
    record Block(String info, String marker, String content, int line, Optional<Block> expected) {

        boolean tested() {
            return marker.startsWith("tested");
        }

        boolean bash() {
            return marker.matches("tested\\b.*\\bbash\\b.*");
        }

        int lastExit() {
            Matcher m = Pattern.compile("\\bexit=(\\d+)").matcher(marker);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }

        Optional<String> attribute(String name) {
            Matcher m = Pattern.compile("\\b" + name + "=(\\S+)").matcher(info);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        String language() {
            int space = info.indexOf(' ');
            return space < 0 ? info : info.substring(0, space);
        }
    }

    /** The blocks of a page, in order; an expected-output block is attached to the block it follows. */
    static List<Block> parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        List<Block> raw = new ArrayList<>();
        List<Integer> gapBefore = new ArrayList<>();
        String marker = "";
        boolean onlyBlankSinceFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                // a fence may be indented (inside a list item); its lines lose that indentation
                int indent = line.length() - line.stripLeading().length();
                String info = line.strip().substring(3).strip();
                StringBuilder content = new StringBuilder();
                int start = i + 1;
                i++;
                while (i < lines.size() && !lines.get(i).stripLeading().startsWith("```")) {
                    String text = lines.get(i);
                    int cut = Math.min(indent, text.length() - text.stripLeading().length());
                    content.append(text.substring(cut)).append('\n');
                    i++;
                }
                raw.add(new Block(info, marker, content.toString(), start, Optional.empty()));
                gapBefore.add(onlyBlankSinceFence ? 1 : 0);
                marker = "";
                onlyBlankSinceFence = true;
                continue;
            }
            Matcher m = MARKER.matcher(line.strip());
            if (m.matches()) {
                marker = (m.group(1) + " " + m.group(2).strip()).strip();
                onlyBlankSinceFence = false;
            } else if (!line.isBlank()) {
                marker = "";
                onlyBlankSinceFence = false;
            }
        }
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Block b = raw.get(i);
            if (b.tested() && b.language().equals("sh") && i + 1 < raw.size() && gapBefore.get(i + 1) == 1
                    && raw.get(i + 1).info().equals("text") && raw.get(i + 1).marker().isEmpty()) {
                out.add(new Block(b.info(), b.marker(), b.content(), b.line(), Optional.of(raw.get(i + 1))));
                i++;
            } else {
                out.add(b);
            }
        }
        return out;
    }

    /** The commands of an {@code sh} block: lines joined at a trailing backslash, comments and blank lines dropped. */
    static List<String> commands(String content) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : content.lines().toList()) {
            if (current.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                current.append(line);
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /**
     * Splits a command line as a POSIX shell would, for the subset the docs use: single quotes,
     * double quotes without expansions, backslash escapes, comments. Anything the shell would
     * expand or treat specially outside quotes is refused, so that a tested line means the same
     * in a real shell.
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        StringBuilder unquoted = new StringBuilder(); // the word's unquoted characters, a NUL per quoted part
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    braceCheck(unquoted, line);
                    words.add(word.toString());
                    word.setLength(0);
                    unquoted.setLength(0);
                    inWord = false;
                }
                continue;
            }
            if (c == '#' && !inWord) {
                break;
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed single quote in: " + line);
                }
                word.append(line, i + 1, end);
                unquoted.append('\0');
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char d = line.charAt(j);
                    if (d == '$' || d == '`') {
                        throw new IllegalArgumentException("expansions are not supported in tested lines: " + line);
                    }
                    if (d == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        j++;
                    }
                    word.append(line.charAt(j));
                }
                if (j >= line.length()) {
                    throw new IllegalArgumentException("unclosed double quote in: " + line);
                }
                unquoted.append('\0');
                i = j;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                unquoted.append('\0');
                inWord = true;
            } else {
                if ("|&;<>()$`*?[".indexOf(c) >= 0 || c == '~' && !inWord) {
                    throw new IllegalArgumentException("'" + c + "' must be quoted for a shell in: " + line);
                }
                word.append(c);
                unquoted.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            braceCheck(unquoted, line);
            words.add(word.toString());
        }
        return words;
    }

    private static void braceCheck(CharSequence unquoted, String line) {
        if (Pattern.compile("\\{[^}\\x00]*(,|\\.\\.)[^}\\x00]*}").matcher(unquoted).find()) {
            throw new IllegalArgumentException("a shell would brace-expand '" + unquoted + "'; quote it: " + line);
        }
    }

    /** Whether {@code expected}'s lines appear, in order, among {@code actual}'s lines. */
    static Optional<String> missing(String expected, List<String> actual) {
        int from = 0;
        for (String want : expected.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Pattern pattern = pattern(want);
            int found = -1;
            for (int i = from; i < actual.size(); i++) {
                if (pattern.matcher(actual.get(i).strip()).matches()) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return Optional.of(want);
            }
            from = found + 1;
        }
        return Optional.empty();
    }

    private static Pattern pattern(String want) {
        StringBuilder regex = new StringBuilder();
        for (String part : want.split("\\.\\.\\.", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            String[] pieces = part.split("\\s+", -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    regex.append("\\s+");
                }
                regex.append(Pattern.quote(pieces[i]));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** A path as a process started in {@code cwd} would read it. */
    static String absolute(String value, Path cwd) {
        if (value.startsWith("jdbc:") || value.contains("://") || Path.of(value).isAbsolute()) {
            return value;
        }
        return cwd.resolve(value).normalize().toString();
    }
}
