package dev.osprey.composer.override;

import dev.osprey.composer.override.Syntax.Arg;
import dev.osprey.composer.override.Syntax.Call;
import dev.osprey.composer.override.Syntax.DictNode;
import dev.osprey.composer.override.Syntax.ListNode;
import dev.osprey.composer.override.Syntax.OverrideNode;
import dev.osprey.composer.override.Syntax.Pair;
import dev.osprey.composer.override.Syntax.Primitive;
import dev.osprey.composer.override.Token.Type;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.osprey.composer.override.Token.Type.*;

/**
 * A recursive-descent parser for one command-line override, over the tokens of the {@link Lexer}:
 *
 * <pre>
 * override          := ( key EQUAL value?
 *                      | '~' key (EQUAL value?)?
 *                      | '+' '+'? key EQUAL value? ) EOF
 * key               := packageOrGroup ('@' package)?
 * packageOrGroup    := package | ID ('/' ID)+          -- a.b.c  or  server/db
 * package           := ( nothing | ID | KEY_SPECIAL | DOT_PATH )
 * value             := element | simpleChoiceSweep
 * simpleChoiceSweep := element (COMMA element)+         -- a,b,c
 * element           := primitive | listContainer | dictContainer | function
 * function          := ID POPEN (argName? element (COMMA argName? element)*)? PCLOSE
 * argName           := ID EQUAL
 * listContainer     := BRACKET_OPEN (element (COMMA element)*)? BRACKET_CLOSE
 * dictContainer     := BRACE_OPEN (dictKeyValuePair (COMMA dictKeyValuePair)*)? BRACE_CLOSE
 * dictKeyValuePair  := dictKey COLON element
 * primitive         := QUOTED_VALUE
 *                    | (ID | NULL | INT | FLOAT | BOOL | INTERPOLATION | UNQUOTED_CHAR | COLON | ESC | WS)+
 * dictKey           := (ID | NULL | INT | FLOAT | BOOL | UNQUOTED_CHAR | ESC | WS)+
 * </pre>
 *
 * <p>Decisions need at most two tokens of lookahead ({@code ID POPEN} starts a call, {@code ID EQUAL}
 * a named argument, {@code ID '/'} a group path), except {@code value}: whether it is a simple sweep
 * is known only after its whole first element, so that element is first parsed speculatively.
 *
 * <p>Errors are reported at the first offending token, with the messages of the reference parser:
 * {@code mismatched input 'X' expecting S}, {@code extraneous input 'X' expecting S} (when the token
 * after X is what was expected), {@code missing T at 'X'} (when X is what may follow the missing
 * T) and {@code no viable alternative at input '...'} (when the first element of the value is
 * malformed; the text runs from the value's start to the offending token). Like the reference,
 * a no-viable-alternative report first reads the rest of the input, so a bad character further on
 * is reported instead. Tokens are read on demand, so a bad character is reported when the parser
 * first looks at it.
 */
final class Parser {

    private static final Set<Type> NONE = EnumSet.noneOf(Type.class);
    private static final Set<Type> OVERRIDE_START = Token.of(EQUAL, TILDE, PLUS, AT, KEY_SPECIAL, DOT_PATH, ID);
    private static final Set<Type> AFTER_PLUS = Token.of(EQUAL, PLUS, AT, KEY_SPECIAL, DOT_PATH, ID);
    private static final Set<Type> EQUAL_OR_EOF = Token.of(EOF, EQUAL);
    private static final Set<Type> PACKAGE_START = Token.of(EOF, EQUAL, AT, KEY_SPECIAL, DOT_PATH, ID);
    private static final Set<Type> VALUE_OR_EOF = Token.union(Token.ELEMENT_START, Token.of(EOF));
    private static final Set<Type> LIST_START = Token.union(Token.ELEMENT_START, Token.of(BRACKET_CLOSE));
    private static final Set<Type> LIST_LOOP = Token.of(COMMA, BRACKET_CLOSE);
    private static final Set<Type> DICT_START = Token.union(Token.DICT_KEY_PART, Token.of(BRACE_CLOSE));
    private static final Set<Type> DICT_LOOP = Token.of(COMMA, BRACE_CLOSE);
    private static final Set<Type> ARGS_START = Token.union(Token.ELEMENT_START, Token.of(PCLOSE));
    private static final Set<Type> ARGS_LOOP = Token.of(COMMA, PCLOSE);

    private final String input;
    private final TokenStream tokens;

    private Parser(String input) {
        this.input = input;
        this.tokens = new TokenStream(input);
    }

    static OverrideNode parse(String input) {
        return new Parser(input).override();
    }

    /**
     * Parses a key element alone, {@code ('~' | '+' '+'?)? key EOF}, such as {@code +db@backup}: the
     * node has no values. For parameter names that code pairs with values it holds already.
     */
    static OverrideNode parseKeyElement(String input) {
        return new Parser(input).keyElement();
    }

    private OverrideNode override() {
        sync(OVERRIDE_START);
        OverrideKind kind = OverrideKind.CHANGE;
        Key key;
        List<Syntax> values;
        if (la(1) == TILDE) {
            consume();
            kind = OverrideKind.DELETE;
            key = key(EQUAL_OR_EOF);
            sync(EQUAL_OR_EOF);
            values = null;
            if (la(1) == EQUAL) {
                consume();
                values = optionalValue();
            }
        } else {
            if (la(1) == PLUS) {
                consume();
                kind = OverrideKind.ADD;
                sync(AFTER_PLUS);
                if (la(1) == PLUS) {
                    consume();
                    kind = OverrideKind.FORCE_ADD;
                }
            }
            key = key(Token.of(EQUAL));
            match(EQUAL, VALUE_OR_EOF);
            values = optionalValue();
        }
        match(EOF, NONE);
        return new OverrideNode(kind, key.name(), key.pkg(), values);
    }

    private OverrideNode keyElement() {
        sync(OVERRIDE_START);
        OverrideKind kind = OverrideKind.CHANGE;
        if (la(1) == TILDE) {
            consume();
            kind = OverrideKind.DELETE;
        } else if (la(1) == PLUS) {
            consume();
            kind = OverrideKind.ADD;
            sync(AFTER_PLUS);
            if (la(1) == PLUS) {
                consume();
                kind = OverrideKind.FORCE_ADD;
            }
        }
        Key key = key(Token.of(EOF));
        match(EOF, NONE);
        return new OverrideNode(kind, key.name(), key.pkg(), null);
    }

    /** A key or group path, and its package ({@code null} without {@code @}). */
    private record Key(String name, String pkg) {
    }

    private Key key(Set<Type> keyFollow) {
        String name;
        if (la(1) == ID && la(2) == SLASH) {
            StringBuilder path = new StringBuilder(consume().text());
            Set<Type> afterSegment = Token.union(Token.of(SLASH, AT), keyFollow);
            while (la(1) == SLASH) {
                path.append(consume().text()).append(match(ID, afterSegment).text());
            }
            name = path.toString();
        } else {
            name = packageName();
        }
        String pkg = null;
        if (la(1) == AT) {
            consume();
            pkg = packageName();
        }
        return new Key(name, pkg);
    }

    private String packageName() {
        return switch (la(1)) {
            case ID, KEY_SPECIAL, DOT_PATH -> consume().text();
            case AT, EQUAL, EOF -> "";
            default -> throw tokens.noViableAlternative(lt(1), lt(1), PACKAGE_START);
        };
    }

    private List<Syntax> optionalValue() {
        sync(VALUE_OR_EOF);
        return Token.ELEMENT_START.contains(la(1)) ? value() : List.of();
    }

    private List<Syntax> value() {
        boolean sweep = tokens.speculate(this::element).type() == COMMA;
        List<Syntax> items = new ArrayList<>();
        items.add(element());
        while (sweep && la(1) == COMMA) {
            consume();
            items.add(element());
        }
        return items;
    }

    private Syntax element() {
        sync(Token.ELEMENT_START);
        return switch (la(1)) {
            case BRACKET_OPEN -> list();
            case BRACE_OPEN -> dict();
            case ID -> la(2) == POPEN ? call() : primitive();
            default -> primitive();
        };
    }

    private Primitive primitive() {
        if (la(1) == QUOTED_VALUE) {
            return new Primitive(List.of(consume()));
        }
        List<Token> parts = new ArrayList<>();
        do {
            parts.add(consume());
        } while (Token.PRIMITIVE_PART.contains(la(1)));
        return new Primitive(parts);
    }

    private ListNode list() {
        Token open = consume();
        List<Syntax> items = new ArrayList<>();
        sync(LIST_START);
        if (Token.ELEMENT_START.contains(la(1))) {
            items.add(element());
            sync(LIST_LOOP);
            while (la(1) == COMMA) {
                consume();
                items.add(element());
                syncLoopBack(LIST_LOOP);
            }
        }
        match(BRACKET_CLOSE, NONE);
        return new ListNode(open, items);
    }

    private DictNode dict() {
        Token open = consume();
        List<Pair> pairs = new ArrayList<>();
        sync(DICT_START);
        if (Token.DICT_KEY_PART.contains(la(1))) {
            pairs.add(pair());
            sync(DICT_LOOP);
            while (la(1) == COMMA) {
                consume();
                pairs.add(pair());
                syncLoopBack(DICT_LOOP);
            }
        }
        match(BRACE_CLOSE, NONE);
        return new DictNode(open, pairs);
    }

    private Pair pair() {
        sync(Token.DICT_KEY_PART);
        List<Token> key = new ArrayList<>();
        do {
            key.add(consume());
        } while (Token.DICT_KEY_PART.contains(la(1)));
        match(COLON, Token.ELEMENT_START);
        return new Pair(new Primitive(key), element());
    }

    private Call call() {
        Token name = consume();
        consume(); // POPEN, seen by element()
        List<Arg> args = new ArrayList<>();
        sync(ARGS_START);
        if (Token.ELEMENT_START.contains(la(1))) {
            args.add(argument());
            sync(ARGS_LOOP);
            while (la(1) == COMMA) {
                consume();
                args.add(argument());
                syncLoopBack(ARGS_LOOP);
            }
        }
        Token close = match(PCLOSE, NONE);
        return new Call(name, args, input.substring(name.start(), close.end()));
    }

    private Arg argument() {
        sync(Token.ELEMENT_START);
        Token name = null;
        if (la(1) == ID && la(2) == EQUAL) {
            name = consume();
            consume();
        }
        return new Arg(name, element());
    }
    private Token lt(int k) {
        return tokens.lt(k);
    }

    private Type la(int k) {
        return tokens.lt(k).type();
    }

    private Token consume() {
        return tokens.consume();
    }

    private Token match(Type type, Set<Type> following) {
        return tokens.match(type, following);
    }

    private void sync(Set<Type> next) {
        tokens.sync(next);
    }

    private void syncLoopBack(Set<Type> next) {
        tokens.syncLoopBack(next);
    }
}
