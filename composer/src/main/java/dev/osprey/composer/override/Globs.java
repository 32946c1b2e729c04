package dev.osprey.composer.override;

import java.util.List;

/**
 * Shell-style name patterns, as Python's {@code fnmatch} reads them: {@code *} any run of
 * characters, {@code ?} one character, {@code [abc]} / {@code [a-z]} one of a set,
 * {@code [!abc]} one outside it; everything else matches itself.
 */
final class Globs {

    private Globs() {
    }

    static boolean matchesAny(String name, List<String> patterns) {
        return patterns.stream().anyMatch(p -> matches(name, p, 0, 0));
    }

    private static boolean matches(String name, String pattern, int n, int p) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int k = n; k <= name.length(); k++) {
                    if (matches(name, pattern, k, p + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (n >= name.length()) {
                return false;
            }
            if (c == '[') {
                int close = setEnd(pattern, p);
                if (close > 0) {
                    if (!inSet(name.charAt(n), pattern.substring(p + 1, close))) {
                        return false;
                    }
                    n++;
                    p = close + 1;
                    continue;
                }
            }
            if (c != '?' && c != name.charAt(n)) {
                return false;
            }
            n++;
            p++;
        }
        return n == name.length();
    }

    /** Index of the ']' closing a set that opens at {@code open}, or -1 when '[' is literal. */
    private static int setEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '!') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        int close = pattern.indexOf(']', i);
        return close;
    }

    private static boolean inSet(char c, String set) {
        boolean negate = set.startsWith("!");
        String body = negate ? set.substring(1) : set;
        boolean found = false;
        for (int i = 0; i < body.length(); i++) {
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                found |= c >= body.charAt(i) && c <= body.charAt(i + 2);
                i += 2;
            } else {
                found |= c == body.charAt(i);
            }
        }
        return found != negate;
    }
}
