package dev.osprey.composer.override;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A token of the override language: its type, its exact source text and the index of its first
 * character in the override string.
 */
record Token(Token.Type type, String text, int start) {

    int end() {
        return start + text.length();
    }

    /** 1-based column of the token's first character. */
    int column() {
        return start + 1;
    }

    /** The token as error messages show it: quoted, with tabs and newlines escaped; {@code '<EOF>'} at the end. */
    String display() {
        return "'" + (type == Type.EOF ? "<EOF>" : escapeWhitespace(text)) + "'";
    }

    static String escapeWhitespace(String s) {
        return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    /**
     * Token types, in the order of the reference vocabulary: "expecting {...}" sets list them in
     * this order. {@code COLON} and {@code EQUAL} are shared by both lexer modes.
     */
    enum Type {
        EOF("<EOF>", "end of input"),
        EQUAL("EQUAL", "'='"),
        TILDE("'~'", "'~'"),
        PLUS("'+'", "'+'"),
        AT("'@'", "'@'"),
        COLON("':'", "':'"),
        SLASH("'/'", "'/'"),
        KEY_SPECIAL("KEY_SPECIAL", "a key segment with '$'"),
        DOT_PATH("DOT_PATH", "a dotted key"),
        POPEN("POPEN", "'('"),
        COMMA("COMMA", "','"),
        PCLOSE("PCLOSE", "')'"),
        BRACKET_OPEN("BRACKET_OPEN", "'['"),
        BRACKET_CLOSE("BRACKET_CLOSE", "']'"),
        BRACE_OPEN("BRACE_OPEN", "'{'"),
        BRACE_CLOSE("BRACE_CLOSE", "'}'"),
        FLOAT("FLOAT", "a float"),
        INT("INT", "an integer"),
        BOOL("BOOL", "true or false"),
        NULL("NULL", "null"),
        UNQUOTED_CHAR("UNQUOTED_CHAR", "one of / - \\ + . $ % * @ ? |"),
        ID("ID", "a name"),
        ESC("ESC", "an escape sequence"),
        WS("WS", "whitespace"),
        QUOTED_VALUE("QUOTED_VALUE", "a quoted string"),
        INTERPOLATION("INTERPOLATION", "an interpolation ${...}");

        private final String vocabularyName;
        private final String description;

        Type(String vocabularyName, String description) {
            this.vocabularyName = vocabularyName;
            this.description = description;
        }
    }

    /** Tokens that may start a primitive. */
    static final Set<Type> PRIMITIVE_START = EnumSet.of(Type.QUOTED_VALUE, Type.ID, Type.NULL, Type.INT,
            Type.FLOAT, Type.BOOL, Type.INTERPOLATION, Type.UNQUOTED_CHAR, Type.COLON, Type.ESC, Type.WS);
    /** Tokens that an unquoted primitive is made of. */
    static final Set<Type> PRIMITIVE_PART = EnumSet.of(Type.ID, Type.NULL, Type.INT, Type.FLOAT, Type.BOOL,
            Type.INTERPOLATION, Type.UNQUOTED_CHAR, Type.COLON, Type.ESC, Type.WS);
    /** Tokens that a dict key is made of (a primitive without quotes, colons or interpolations). */
    static final Set<Type> DICT_KEY_PART = EnumSet.of(Type.ID, Type.NULL, Type.INT, Type.FLOAT, Type.BOOL,
            Type.UNQUOTED_CHAR, Type.ESC, Type.WS);
    /** Tokens that may start an element (primitive, list, dict or function call). */
    static final Set<Type> ELEMENT_START = union(PRIMITIVE_START, EnumSet.of(Type.BRACKET_OPEN, Type.BRACE_OPEN));

    @SafeVarargs
    static Set<Type> union(Set<Type>... sets) {
        EnumSet<Type> all = EnumSet.noneOf(Type.class);
        for (Set<Type> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    static Set<Type> of(Type first, Type... rest) {
        return EnumSet.of(first, rest);
    }

    /** A token set as the reference parser prints it: one name, or {@code {a, b, ...}} in vocabulary order. */
    static String vocabulary(Set<Type> set) {
        List<String> names = EnumSet.copyOf(set).stream().map(t -> t.vocabularyName).toList();
        return names.size() == 1 ? names.getFirst() : "{" + String.join(", ", names) + "}";
    }

    /** A token set in words, for the "expected" part of an error. */
    static String describe(Set<Type> set) {
        EnumSet<Type> rest = EnumSet.copyOf(set);
        List<String> words = new java.util.ArrayList<>();
        if (rest.containsAll(ELEMENT_START)) {
            rest.removeAll(ELEMENT_START);
            words.add("a value");
        } else if (rest.containsAll(DICT_KEY_PART)) {
            rest.removeAll(DICT_KEY_PART);
            words.add("a dict key");
        }
        words.addAll(rest.stream().map(t -> t.description).collect(Collectors.toList()));
        if (words.size() == 1) {
            return words.getFirst();
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
    }
}
