package dev.osprey.composer.yaml;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.MapValue;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads YAML config files into config trees, with the <b>YAML 1.2 core schema</b>: {@code true},
 * {@code false} (any of {@code true/True/TRUE}) are booleans, {@code null}, {@code ~} and an empty
 * value are null, {@code 10}, {@code 0o17}, {@code 0x1F} are integers, {@code 1.5}, {@code 1e-3},
 * {@code .inf}, {@code .nan} are floats, and everything else is a string — in particular
 * {@code yes}, {@code no}, {@code on}, {@code off}, {@code y} and {@code n} are strings (YAML 1.1 and
 * PyYAML read them as booleans), and {@code 010} is the integer 10 (not octal 8). The text
 * {@code ???} is the missing-value marker; {@code ${...}} stays a string until it is resolved.
 *
 * <p>A document must hold one mapping (an empty document is an empty map). Duplicate keys, non-scalar
 * or null keys, custom tags and integers beyond 64 bits are errors. Every error is a
 * {@link YamlLoadException} whose message is one paragraph starting with
 * {@code <file>:<line>:<column>:}.
 *
 * @since 0.1
 */
public final class YamlLoader {

    private YamlLoader() {
    }

    /** Loads a config file (UTF-8); errors name the file as given. */
    public static MapValue loadConfig(Path file) {
        String source = file.toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new YamlLoadException(source, 1, 1, "the file is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return loadConfig(text, source);
    }

    /** Loads a config document whose top level must be a mapping; {@code source} names it in errors. */
    public static MapValue loadConfig(String text, String source) {
        Optional<Node> node = compose(text, source);
        if (node.isEmpty()) {
            return MapValue.EMPTY;
        }
        if (!(node.get() instanceof MappingNode)) {
            NodeConverter converter = new NodeConverter(source);
            throw converter.error(node.get(), "a config must be a mapping at the top level, not a "
                    + node.get().getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (MapValue) new NodeConverter(source).convert(node.get());
    }

    /** Loads any YAML document (a scalar, a list or a mapping); an empty document is null. */
    public static ConfigValue load(String text, String source) {
        return compose(text, source).map(n -> new NodeConverter(source).convert(n))
                .orElse(ConfigValue.NullValue.INSTANCE);
    }

    private static Optional<Node> compose(String rawText, String source) {
        String text = rawText.startsWith("\uFEFF") ? rawText.substring(1) : rawText;
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            throw marked(source, e);
        } catch (ReaderException e) {
            int[] at = lineAndColumn(text, e.getPosition());
            throw new YamlLoadException(source, at[0], at[1], String.format("unacceptable code point U+%04X (%s)",
                    e.getCodePoint(), oneParagraph(e.getMessage())), e);
        } catch (YamlEngineException e) {
            throw new YamlLoadException(source, 1, 1, oneParagraph(e.getMessage()), e);
        }
    }

    private static YamlLoadException marked(String source, MarkedYamlEngineException e) {
        Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
        StringBuilder problem = new StringBuilder(e.getProblem() == null ? "invalid YAML" : e.getProblem());
        if (e.getContext() != null) {
            problem.append(" (").append(e.getContext());
            e.getContextMark().filter(c -> mark == null || c.getLine() != mark.getLine()
                            || c.getColumn() != mark.getColumn())
                    .ifPresent(c -> problem.append(" at line ").append(c.getLine() + 1)
                            .append(", column ").append(c.getColumn() + 1));
            problem.append(')');
        }
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        return new YamlLoadException(source, line, column, oneParagraph(problem.toString()), e);
    }

    private static String oneParagraph(String text) {
        return text == null ? "invalid YAML" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** 1-based line and column of a code-point offset. */
    private static int[] lineAndColumn(String text, int codePointOffset) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointOffset; i += Character.charCount(text.codePointAt(i))) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            seen++;
        }
        return new int[] {line, column};
    }
}
