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
        Matcher m = INDEX.matcher(path);
        String dotted = m.replaceAll(r -> (r.start() == 0 ? "" : ".") + r.group(1));
        if (dotted.indexOf('[') >= 0 || dotted.indexOf(']') >= 0) {
            throw new IllegalArgumentException("list indexes must be numbers in brackets: '" + path + "'");
        }
        for (String segment : dotted.split("\\.", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("empty key in path '" + path + "'");
            }
            segments.add(segment);
        }
        return segments;
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
