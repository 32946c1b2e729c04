package dev.osprey.sweeper.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fenced code blocks of docs/configs-and-overrides.md, with their info strings: a language, flags
 * ({@code overrides}, {@code result}, ...) and {@code key=value} attributes ({@code file=conf/db/mysql.yaml}).
 */
final class DocBlocks {

    /** The page, relative to the composer module (the tests' working directory). */
    static final Path PAGE = Path.of("..", "docs", "configs-and-overrides.md");

    record Block(int line, String language, Set<String> flags, Map<String, String> attributes, String content) {

        boolean is(String flag) {
            return flags.contains(flag);
        }

        String attribute(String key) {
            return attributes.get(key);
        }

        /** The content's lines, without a trailing empty line. */
        List<String> lines() {
            return content.isEmpty() ? List.of() : Arrays.asList(content.split("\n", -1));
        }
    }

    private DocBlocks() {
    }

    static List<Block> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PAGE.toAbsolutePath().normalize(), e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                continue;
            }
            String[] words = lines.get(i).substring(3).strip().split("\\s+");
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            Set<String> flags = new LinkedHashSet<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int w = 1; w < words.length; w++) {
                int eq = words[w].indexOf('=');
                if (eq > 0) {
                    attributes.put(words[w].substring(0, eq), words[w].substring(eq + 1));
                } else {
                    flags.add(words[w]);
                }
            }
            blocks.add(new Block(i + 1, words[0], flags, attributes, String.join("\n", lines.subList(start, end))));
            i = end;
        }
        return blocks;
    }

    /** The block with attribute {@code id=<id>}. */
    static Block block(String id) {
        return read().stream().filter(b -> id.equals(b.attribute("id"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no block with id=" + id + " in " + PAGE));
    }

    /** Writes every {@code file=conf/...} block under {@code conf}; later blocks of a path replace earlier ones. */
    static void writeFiles(List<Block> blocks, Path conf) {
        for (Block block : blocks) {
            if (block.attribute("file") != null) {
                writeFile(block, conf);
            }
        }
    }

    static void writeFile(Block block, Path conf) {
        String path = block.attribute("file");
        if (!path.startsWith("conf/")) {
            throw new IllegalStateException("line " + block.line() + ": file blocks live under conf/, not " + path);
        }
        Path file = conf.resolve(path.substring("conf/".length()));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, block.content() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
