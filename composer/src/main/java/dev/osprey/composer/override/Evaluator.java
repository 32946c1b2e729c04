package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.BoolValue;
import dev.osprey.composer.override.Element.DictValue;
import dev.osprey.composer.override.Element.Entry;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.NullValue;
import dev.osprey.composer.override.Element.Quote;
import dev.osprey.composer.override.Element.QuotedString;
import dev.osprey.composer.override.Element.StringValue;
import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Syntax.Arg;
import dev.osprey.composer.override.Syntax.Call;
import dev.osprey.composer.override.Syntax.DictNode;
import dev.osprey.composer.override.Syntax.ListNode;
import dev.osprey.composer.override.Syntax.OverrideNode;
import dev.osprey.composer.override.Syntax.Pair;
import dev.osprey.composer.override.Syntax.Primitive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Turns a syntax tree into a {@link ConfigOverride}: types primitives, unescapes and unquotes
 * strings, builds lists and dicts, and calls functions (innermost first, left to right).
 *
 * <p>Sweeps may only be the whole value or a function argument; a sweep inside a list, a dict or a
 * simple sweep is rejected here (Hydra accepts some of these and fails later, when the value is
 * used). {@code extend_list(...)} may only be the whole value of a plain {@code key=...} override.
 */
final class Evaluator {

    private final String input;
    private final RandomGenerator random;

    private Evaluator(String input, RandomGenerator random) {
        this.input = input;
        this.random = random;
    }

    static ConfigOverride evaluate(String input, OverrideNode node, RandomGenerator random) {
        return new Evaluator(input, random).override(node);
    }

    private ConfigOverride override(OverrideNode node) {
        OverrideKind kind = node.kind();
        List<Syntax> values = node.values();
        Value value;
        if (values == null) {
            value = null;
        } else if (values.isEmpty()) {
            value = new StringValue("");
        } else if (values.size() > 1) {
            List<Element> choices = new ArrayList<>();
            for (Syntax item : values) {
                choices.add(element(eval(item), item, "an item of a simple sweep (a,b,c)"));
            }
            value = new ChoiceSweep(choices, true, false, Set.of());
        } else if (values.getFirst() instanceof Call call && call.name().text().equals("extend_list")) {
            value = call(call, true);
            if (kind != OverrideKind.CHANGE) {
                throw error("Trying to use override symbols when extending a list", call.name());
            }
            kind = OverrideKind.EXTEND_LIST;
        } else {
            value = eval(values.getFirst());
        }
        return new ConfigOverride(kind, node.key(), node.packageName(), value, input);
    }

    private Value eval(Syntax syntax) {
        return switch (syntax) {
            case Primitive p -> primitive(p.tokens());
            case ListNode l -> {
                List<Element> items = new ArrayList<>();
                for (Syntax item : l.items()) {
                    items.add(element(eval(item), item, "a list"));
                }
                yield new ListValue(items);
            }
            case DictNode d -> dict(d);
            case Call c -> call(c, false);
        };
    }

    private DictValue dict(DictNode dict) {
        List<Entry> entries = new ArrayList<>();
        for (Pair pair : dict.pairs()) {
            Element key = primitive(pair.key().tokens());
            Element value = element(eval(pair.value()), pair.value(), "a dict");
            int existing = PyCompare.indexOfKey(entries, key);
            if (existing >= 0) {
                entries.set(existing, new Entry(entries.get(existing).key(), value));
            } else {
                entries.add(new Entry(key, value));
            }
        }
        return new DictValue(entries);
    }

    private Element element(Value value, Syntax source, String where) {
        if (value instanceof Element element) {
            return element;
        }
        Call call = (Call) source;
        throw error(PyError.NESTED_SWEEP + "\nthe sweep '" + call.text() + "' cannot be nested in " + where
                + ": a sweep must be the whole value or a function argument", call.name());
    }

    private Value call(Call call, boolean wholeValue) {
        String name = call.name().text();
        if (name.equals("extend_list") && !wholeValue) {
            throw error("extend_list() must be the whole value of an override (key=extend_list(...)), not part of '"
                    + call.text() + "'", call.name());
        }
        List<Value> args = new ArrayList<>();
        Map<String, Value> kwargs = new LinkedHashMap<>();
        boolean named = false;
        for (Arg arg : call.args()) {
            if (arg.name() != null) {
                named = true;
                kwargs.put(arg.name().text(), Signature.unquoted(eval(arg.value())));
            } else if (named) {
                throw error("positional argument follows keyword argument", call.name());
            } else {
                args.add(Signature.unquoted(eval(arg.value())));
            }
        }
        try {
            return Functions.call(name, args, kwargs, random);
        } catch (PyError e) {
            throw error(e.pythonType() == null ? e.getMessage()
                    : e.pythonType() + " while evaluating '" + call.text() + "': " + e.getMessage(), call.name());
        }
    }

    /** Types a primitive: one token (leading and trailing whitespace aside) is typed, several make a string. */
    private Element primitive(List<Token> tokens) {
        int first = 0;
        int last = tokens.size();
        if (tokens.getFirst().type() == Token.Type.WS) {
            if (last == 1) {
                throw error("Trying to parse a primitive that is all whitespaces", tokens.getFirst());
            }
            first = 1;
        }
        if (tokens.getLast().type() == Token.Type.WS) {
            last--;
        }
        if (last - first > 1) {
            StringBuilder text = new StringBuilder();
            for (Token token : tokens.subList(first, last)) {
                text.append(token.type() == Token.Type.ESC ? unescape(token.text()) : token.text());
            }
            return new StringValue(text.toString());
        }
        Token token = tokens.get(first);
        String text = token.text();
        return switch (token.type()) {
            case QUOTED_VALUE -> unquote(text);
            case INTERPOLATION -> new Interpolation(text);
            case INT -> new IntValue(new BigInteger(text.replace("_", "")));
            case FLOAT -> new FloatValue(Numbers.parseFloat(text));
            case NULL -> NullValue.INSTANCE;
            case BOOL -> new BoolValue(text.equalsIgnoreCase("true"));
            case ESC -> new StringValue(unescape(text));
            default -> new StringValue(text);
        };
    }

    /** An ESC token {@code \,\ } stands for every second character: {@code , }. */
    private static String unescape(String escapes) {
        StringBuilder out = new StringBuilder(escapes.length() / 2);
        for (int i = 1; i < escapes.length(); i += 2) {
            out.append(escapes.charAt(i));
        }
        return out.toString();
    }

    /**
     * Removes the quotes. Only backslashes right before a quote of the same kind are escapes: an
     * odd run before an inner quote stands for half the backslashes and the quote; the (even) run
     * before the closing quote stands for half the backslashes. Other backslashes are literal.
     */
    static QuotedString unquote(String token) {
        char q = token.charAt(0);
        String content = token.substring(1, token.length() - 1);
        StringBuilder out = new StringBuilder(content.length());
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            int run = 0;
            while (i + run < content.length() && content.charAt(i + run) == '\\') {
                run++;
            }
            if (i + run == content.length()) {
                out.append("\\".repeat(run / 2));
            } else if (content.charAt(i + run) == q) {
                out.append("\\".repeat(run / 2)).append(q);
                run++;
            } else {
                out.append("\\".repeat(run));
            }
            i += run;
        }
        return new QuotedString(out.toString(), q == '\'' ? Quote.SINGLE : Quote.DOUBLE);
    }

    private OverrideParseException error(String reason, Token at) {
        return new OverrideParseException(input, at.column(), reason, null);
    }
}
