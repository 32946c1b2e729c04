package dev.osprey.composer.override;

import dev.osprey.composer.override.Token.Type;

/**
 * Splits an override into tokens, on demand. Two modes, as in Hydra's lexer: KEY mode until the
 * first {@code =}, VALUE mode after it. At each position the longest match wins; among matches
 * of equal length, the token type listed first below wins.
 *
 * <pre>
 * KEY mode:   EQUAL '=' WS? (enters VALUE mode) | TILDE '~' | PLUS '+' | AT '@' | COLON ':' | SLASH '/'
 *             ID          (CHAR|'_') (CHAR|DIGIT|'_'|'-')*
 *             KEY_SPECIAL (CHAR|'_'|'$') (CHAR|DIGIT|'_'|'-'|'$')*
 *             DOT_PATH    (KEY_SPECIAL|INT_UNSIGNED) ('.' (KEY_SPECIAL|INT_UNSIGNED))+
 * VALUE mode: POPEN WS? '(' WS? | COMMA WS? ',' WS? | PCLOSE WS? ')' | BRACKET_OPEN '[' WS?
 *             BRACKET_CLOSE WS? ']' | BRACE_OPEN '{' WS? | BRACE_CLOSE WS? '}'
 *             COLON WS? ':' WS? | EQUAL WS? '=' WS?
 *             FLOAT [+-]? (POINT_FLOAT | EXPONENT_FLOAT | inf | nan)    (case-insensitive inf, nan)
 *             INT [+-]? INT_UNSIGNED | BOOL true|false | NULL null       (case-insensitive)
 *             UNQUOTED_CHAR one of / - \ + . $ % * @ ? |
 *             ID (CHAR|'_') (CHAR|DIGIT|'_'|'-')*
 *             ESC ('\\' | '\(' | '\)' | '\[' | '\]' | '\{' | '\}' | '\:' | '\=' | '\,' | '\ ' | '\TAB')+
 *             WS [ \t]+
 *             QUOTED_VALUE a quote, then text up to the first quote of the same kind preceded by an
 *                          even number of backslashes
 *             INTERPOLATION '${' ~'}'+ '}'
 * INT_UNSIGNED   = '0' | [1-9] ('_'? DIGIT)*
 * POINT_FLOAT    = INT_UNSIGNED '.' | INT_UNSIGNED? '.' DIGIT ('_'? DIGIT)*
 * EXPONENT_FLOAT = (INT_UNSIGNED | POINT_FLOAT) [eE] [+-]? DIGIT ('_'? DIGIT)*
 * </pre>
 *
 * Only {@code [a-zA-Z]} are letters; any other character outside quotes is an error,
 * reported as {@code token recognition error at: '<text>'}.
 */
final class Lexer {

    private static final Type[] VALUE_ORDER = {Type.POPEN, Type.COMMA, Type.PCLOSE, Type.BRACKET_OPEN,
        Type.BRACKET_CLOSE, Type.BRACE_OPEN, Type.BRACE_CLOSE, Type.COLON, Type.EQUAL, Type.FLOAT, Type.INT,
        Type.BOOL, Type.NULL, Type.UNQUOTED_CHAR, Type.ID, Type.ESC, Type.WS, Type.QUOTED_VALUE, Type.INTERPOLATION};
    /** The characters besides letters, digits and {@code _} that an unquoted value may hold as they are. */
    static final String UNQUOTED_CHARS = "/-\\+.$%*@?|";
    /** The characters an unquoted value may hold when a backslash escapes them. */
    static final String ESCAPABLE = "\\()[]{}:=, \t";

    private final String input;
    private int pos;
    private boolean valueMode;

    Lexer(String input) {
        this.input = input;
    }

    /** The next token; {@link Type#EOF} at the end (and again on every later call). */
    Token next() {
        if (pos >= input.length()) {
            return new Token(Type.EOF, "", input.length());
        }
        Token token = valueMode ? valueToken() : keyToken();
        pos = token.end();
        if (token.type() == Type.EQUAL) {
            valueMode = true;
        }
        return token;
    }

    private Token keyToken() {
        char c = input.charAt(pos);
        switch (c) {
            case '=' -> {
                return token(Type.EQUAL, 1 + whitespace(pos + 1));
            }
            case '~' -> {
                return token(Type.TILDE, 1);
            }
            case '+' -> {
                return token(Type.PLUS, 1);
            }
            case '@' -> {
                return token(Type.AT, 1);
            }
            case ':' -> {
                return token(Type.COLON, 1);
            }
            case '/' -> {
                return token(Type.SLASH, 1);
            }
            default -> {
            }
        }
        int id = identifier(pos, false);
        int special = identifier(pos, true);
        int dotPath = dotPath(pos);
        if (dotPath > Math.max(id, special)) {
            return token(Type.DOT_PATH, dotPath);
        }
        if (id > 0 && id >= special) {
            return token(Type.ID, id);
        }
        if (special > 0) {
            return token(Type.KEY_SPECIAL, special);
        }
        throw error(Math.max(pos, dotPathViable(pos)), "a key: letters, digits, '_', '-', '$', '.', '/' and one '@'");
    }

    private Token valueToken() {
        int[] lengths = new int[Type.values().length];
        int ws = whitespace(pos);
        int afterWs = pos + ws;
        char c = afterWs < input.length() ? input.charAt(afterWs) : 0;
        int trailing = afterWs < input.length() ? whitespace(afterWs + 1) : 0;
        switch (c) {
            case '(' -> lengths[Type.POPEN.ordinal()] = ws + 1 + trailing;
            case ',' -> lengths[Type.COMMA.ordinal()] = ws + 1 + trailing;
            case ')' -> lengths[Type.PCLOSE.ordinal()] = ws + 1;
            case ']' -> lengths[Type.BRACKET_CLOSE.ordinal()] = ws + 1;
            case '}' -> lengths[Type.BRACE_CLOSE.ordinal()] = ws + 1;
            case ':' -> lengths[Type.COLON.ordinal()] = ws + 1 + trailing;
            case '=' -> lengths[Type.EQUAL.ordinal()] = ws + 1 + trailing;
            case '[' -> lengths[Type.BRACKET_OPEN.ordinal()] = ws == 0 ? 1 + trailing : 0;
            case '{' -> lengths[Type.BRACE_OPEN.ordinal()] = ws == 0 ? 1 + trailing : 0;
            default -> {
            }
        }
        lengths[Type.WS.ordinal()] = ws;
        lengths[Type.FLOAT.ordinal()] = Numbers.floatLength(input, pos);
        lengths[Type.INT.ordinal()] = Numbers.intLength(input, pos);
        lengths[Type.BOOL.ordinal()] = keyword(pos, "true") ? 4 : keyword(pos, "false") ? 5 : 0;
        lengths[Type.NULL.ordinal()] = keyword(pos, "null") ? 4 : 0;
        lengths[Type.UNQUOTED_CHAR.ordinal()] = UNQUOTED_CHARS.indexOf(input.charAt(pos)) >= 0 ? 1 : 0;
        lengths[Type.ID.ordinal()] = identifier(pos, false);
        lengths[Type.ESC.ordinal()] = escapes(pos);
        lengths[Type.QUOTED_VALUE.ordinal()] = quoted(pos);
        lengths[Type.INTERPOLATION.ordinal()] = interpolation(pos);
        Type best = null;
        for (Type type : VALUE_ORDER) {
            if (lengths[type.ordinal()] > 0 && (best == null || lengths[type.ordinal()] > lengths[best.ordinal()])) {
                best = type;
            }
        }
        if (best != null) {
            return token(best, lengths[best.ordinal()]);
        }
        char first = input.charAt(pos);
        if (first == '\'' || first == '"') {
            throw error(input.length(), "a closing " + first + " (the quote is not closed)");
        }
        throw error(pos, "a character allowed in an unquoted value; quote the value or escape the character");
    }

    /** Lexes the rest of the input, so that a bad character anywhere after this point is reported. */
    void drain() {
        while (next().type() != Type.EOF) {
            // tokens are discarded: only an error matters here
        }
    }

    private Token token(Type type, int length) {
        return new Token(type, input.substring(pos, pos + length), pos);
    }

    private OverrideParseException error(int failIndex, String expected) {
        String text = input.substring(pos, Math.min(failIndex + 1, input.length()));
        return new OverrideParseException(input, pos + 1,
                "token recognition error at: '" + Token.escapeWhitespace(text) + "'", expected);
    }

    private int whitespace(int from) {
        int i = from;
        while (i < input.length() && (input.charAt(i) == ' ' || input.charAt(i) == '\t')) {
            i++;
        }
        return i - from;
    }

    private boolean keyword(int from, String word) {
        return input.regionMatches(true, from, word, 0, word.length());
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Length of an ID ({@code dollar == false}) or KEY_SPECIAL ({@code dollar == true}) at {@code from}, or 0. */
    private int identifier(int from, boolean dollar) {
        if (from >= input.length()) {
            return 0;
        }
        char c = input.charAt(from);
        if (!(isLetter(c) || c == '_' || (dollar && c == '$'))) {
            return 0;
        }
        int i = from + 1;
        while (i < input.length()) {
            char d = input.charAt(i);
            if (!(isLetter(d) || isDigit(d) || d == '_' || d == '-' || (dollar && d == '$'))) {
                break;
            }
            i++;
        }
        return i - from;
    }

    private int segment(int from) {
        int special = identifier(from, true);
        return special > 0 ? special : Numbers.unsignedIntLength(input, from);
    }

    /** Length of a DOT_PATH at {@code from}: at least two segments joined by dots; 0 if none. */
    private int dotPath(int from) {
        int end = from + segment(from);
        if (end == from) {
            return 0;
        }
        int matched = 0;
        while (end < input.length() && input.charAt(end) == '.') {
            int next = segment(end + 1);
            if (next == 0) {
                break;
            }
            end = end + 1 + next;
            matched = end - from;
        }
        return matched;
    }

    /** Index of the character at which a would-be dot path starting with digits stops being viable. */
    private int dotPathViable(int from) {
        int i = from;
        while (i < input.length()) {
            int seg = identifier(i, true);
            if (seg == 0) {
                seg = Numbers.unsignedIntViable(input, i);
            }
            if (seg == 0) {
                return i;
            }
            i += seg;
            if (i >= input.length() || input.charAt(i) != '.') {
                return i;
            }
            i++;
        }
        return i;
    }

    private int escapes(int from) {
        int i = from;
        while (i + 1 < input.length() && input.charAt(i) == '\\' && ESCAPABLE.indexOf(input.charAt(i + 1)) >= 0) {
            i += 2;
        }
        return i - from;
    }

    /** A quoted value ends at the first quote of its kind that follows an even run of backslashes. */
    private int quoted(int from) {
        char quote = input.charAt(from);
        if (quote != '\'' && quote != '"') {
            return 0;
        }
        int backslashes = 0;
        for (int i = from + 1; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == quote && backslashes % 2 == 0) {
                return i - from + 1;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return 0;
    }

    private int interpolation(int from) {
        if (!input.startsWith("${", from)) {
            return 0;
        }
        int close = input.indexOf('}', from + 2);
        return close > from + 2 ? close - from + 1 : 0;
    }
}
