package dev.osprey.composer.interpolation;

import dev.osprey.composer.interpolation.Template.Argument;
import dev.osprey.composer.interpolation.Template.Call;
import dev.osprey.composer.interpolation.Template.Literal;
import dev.osprey.composer.interpolation.Template.Piece;
import dev.osprey.composer.interpolation.Template.Reference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A recursive-descent parser of interpolation templates. */
final class TemplateParser {

    private static final Pattern RESOLVER_NAME = Pattern.compile("\\s*([A-Za-z_][\\w\\-]*(?:\\.[A-Za-z_][\\w\\-]*)*)\\s*:");

    private final String text;
    private int pos;

    private TemplateParser(String text) {
        this.text = text;
    }

    static Template parse(String text) {
        TemplateParser parser = new TemplateParser(text);
        return parser.pieces("", 0);
    }

    /** Pieces until the end of text or (outside nested interpolations) one of {@code stops}. */
    private Template pieces(String stops, int quote) {
        int start = pos;
        List<Piece> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int literalStart = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0 && c == quote) {
                break;
            }
            if (quote == 0 && stops.indexOf(c) >= 0) {
                break;
            }
            if (c == '\\' && text.startsWith("${", pos + 1)) {
                literal.append("${");
                pos += 3;
            } else if (c == '\\' && quote != 0 && pos + 1 < text.length() && text.charAt(pos + 1) == quote) {
                literal.append((char) quote);
                pos += 2;
            } else if (text.startsWith("${", pos)) {
                if (!literal.isEmpty()) {
                    out.add(new Literal(literal.toString(), text.substring(literalStart, pos)));
                    literal.setLength(0);
                }
                out.add(interpolation());
                literalStart = pos;
            } else {
                literal.append(c);
                pos++;
            }
        }
        if (!literal.isEmpty()) {
            out.add(new Literal(literal.toString(), text.substring(literalStart, pos)));
        }
        return new Template(out, text.substring(start, pos));
    }

    private Piece interpolation() {
        int start = pos;
        pos += 2;
        Matcher name = RESOLVER_NAME.matcher(text).region(pos, text.length());
        if (name.lookingAt()) {
            pos = name.end();
            List<Argument> arguments = arguments(start);
            return new Call(name.group(1), arguments, text.substring(start, pos));
        }
        Template key = pieces("}", 0);
        expectClose(start);
        String trimmed = key.source().strip();
        if (trimmed.isEmpty()) {
            throw error(start, "an interpolation needs a key or a resolver call: '${}' is empty");
        }
        return new Reference(key, text.substring(start, pos));
    }

    private List<Argument> arguments(int start) {
        List<Argument> out = new ArrayList<>();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
            return out;
        }
        while (true) {
            skipSpaces();
            Argument argument;
            if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
                char quote = text.charAt(pos++);
                Template value = pieces("", quote);
                if (pos >= text.length()) {
                    throw error(start, "a quoted resolver argument is not closed with " + quote);
                }
                pos++;
                skipSpaces();
                argument = new Argument(value, true);
            } else {
                argument = new Argument(trimEnd(pieces(",}", 0)), false);
            }
            out.add(argument);
            if (pos >= text.length()) {
                throw error(start, "an interpolation must be closed with '}'");
            }
            if (text.charAt(pos++) == '}') {
                return out;
            }
        }
    }

    private void expectClose(int start) {
        if (pos >= text.length() || text.charAt(pos) != '}') {
            throw error(start, "an interpolation must be closed with '}'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** Drops trailing blanks of an unquoted argument. */
    private static Template trimEnd(Template template) {
        List<Piece> pieces = new ArrayList<>(template.pieces());
        if (!pieces.isEmpty() && pieces.getLast() instanceof Literal last) {
            String text = last.text().stripTrailing();
            pieces.removeLast();
            if (!text.isEmpty()) {
                pieces.add(new Literal(text, last.source().stripTrailing()));
            }
        }
        return new Template(pieces, template.source().stripTrailing());
    }

    private IllegalArgumentException error(int start, String rule) {
        return new IllegalArgumentException("Invalid interpolation in '" + text + "' at position " + start + ": " + rule);
    }
}
