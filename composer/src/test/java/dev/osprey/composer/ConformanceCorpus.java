package dev.osprey.composer;

import dev.osprey.optimizer.internal.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads the Hydra conformance corpus (test resources under {@code conformance/hydra/}): one JSON case per line. */
public final class ConformanceCorpus {

    private ConformanceCorpus() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> cases(String file) {
        String resource = "/conformance/hydra/" + file;
        try (InputStream in = ConformanceCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(l -> !l.isBlank()).map(l -> (Map<String, Object>) Json.parse(l)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test name that shows tabs, newlines and backslashes the way Java source would. */
    public static String displayName(String input) {
        StringBuilder out = new StringBuilder();
        for (char c : input.toCharArray()) {
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
