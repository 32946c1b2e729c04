package dev.osprey.composer.interpolation;

import java.util.List;
import java.util.Objects;

/**
 * A string value parsed for interpolations: literal text, references ({@code ${a.b}}, relative
 * {@code ${.x}} / {@code ${..x}}) and resolver calls ({@code ${name:arg1,arg2}}) whose arguments may
 * hold further interpolations. {@code \${} is a literal {@code ${}.
 *
 * {@snippet :
 * Template.parse("lr_${optimizer.lr}_${seed}").pieces().size(); // 4
 * Template.parse("${seed}").whole();                            // the reference, so its type is kept
 * }
 *
 * @param pieces the parts in order
 * @param source the text as written
 * @since 0.1
 */
public record Template(List<Piece> pieces, String source) {

    public Template {
        pieces = List.copyOf(pieces);
        Objects.requireNonNull(source, "source");
    }

    /** One part of a template. */
    public sealed interface Piece {
        /** The text of this part as written. */
        String source();
    }

    /** Literal text (escapes already removed). */
    public record Literal(String text, String source) implements Piece {
    }

    /** {@code ${key}}: a reference to another node; the key may itself hold interpolations. */
    public record Reference(Template key, String source) implements Piece {
    }

    /** {@code ${name:args}}: a call of a registered resolver. */
    public record Call(String name, List<Argument> arguments, String source) implements Piece {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** One resolver argument; a quoted argument is always a string. */
    public record Argument(Template value, boolean quoted) {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the rule that is broken (unterminated {@code ${}, empty key, ...)
     */
    public static Template parse(String text) {
        return TemplateParser.parse(text);
    }

    /** Whether {@code text} holds an interpolation that resolution would change ({@code ${} not escaped). */
    public static boolean hasInterpolation(String text) {
        int at = text.indexOf("${");
        while (at >= 0) {
            if (at == 0 || text.charAt(at - 1) != '\\') {
                return true;
            }
            at = text.indexOf("${", at + 2);
        }
        return text.contains("\\${");
    }

    /** The single interpolation this template consists of, or {@code null}: such a value keeps its type. */
    public Piece whole() {
        return pieces.size() == 1 && !(pieces.getFirst() instanceof Literal) ? pieces.getFirst() : null;
    }

    /** Whether the template is only literal text. */
    public boolean isLiteral() {
        return pieces.stream().allMatch(p -> p instanceof Literal);
    }
}
