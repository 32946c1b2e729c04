package dev.osprey.composer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dotted paths: {@code a.b.c}, with list items as {@code a.list[0]} or {@code a.list.0}. The empty
 * path is the root.
 */
final class ConfigPath {

    private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)]");

    private ConfigPath() {
    }

    static List<String> parse(String path) {
        List<String> segments = new ArrayList<>();
        if (path.isEmpty()) {
            return segments;
        }
        String dotted = path;
        if (path.indexOf('[') >= 0 || path.indexOf(']') >= 0) {
            Matcher m = INDEX.matcher(path);
            dotted = m.replaceAll(r -> (r.start() == 0 ? "" : ".") + r.group(1));
        }
        if (dotted.indexOf('[') >= 0 || dotted.indexOf(']') >= 0) {
            throw new IllegalArgumentException("list indexes must be numbers in brackets: '" + path + "'");
        }
        int start = 0;
        while (true) {
            int dot = dotted.indexOf('.', start);
            String segment = dot < 0 ? dotted.substring(start) : dotted.substring(start, dot);
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("empty key in path '" + path + "'");
            }
            segments.add(segment);
            if (dot < 0) {
                return segments;
            }
            start = dot + 1;
        }
    }

    /** The path of {@code key} under {@code parent} as shown in messages: {@code a.b}, {@code a.list[0]}. */
    static String child(String parent, String key, boolean listItem) {
        if (listItem) {
            return parent + "[" + key + "]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The list index a segment names, or -1 if it is not a number. */
    static int index(String segment) {
        if (segment.isEmpty() || segment.length() > 9 || !segment.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(segment);
    }
}
