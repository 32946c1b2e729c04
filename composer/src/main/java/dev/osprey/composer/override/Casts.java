package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.BoolValue;
import dev.osprey.composer.override.Element.DictValue;
import dev.osprey.composer.override.Element.Entry;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.NullValue;
import dev.osprey.composer.override.Element.QuotedString;
import dev.osprey.composer.override.Element.StringValue;
import dev.osprey.composer.override.Signature.Bound;
import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.GlobSweep;
import dev.osprey.composer.override.Sweep.IntervalSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static dev.osprey.composer.override.Signature.keyword;
import static dev.osprey.composer.override.Signature.varargs;

/**
 * The casts {@code int(x)}, {@code float(x)}, {@code str(x)}, {@code bool(x)} and
 * {@code json_str(x)}. Each takes one value, several (which become a simple sweep) or
 * {@code value=x}; it applies to list items, dict values (not keys) and the values of choice
 * sweeps, to the bounds of ranges (int and float only) and intervals (not str, bool or json_str).
 * Casting a choice or a range drops its tags and shuffle flag, while casting an interval keeps its
 * tags, as Hydra does ({@code float(tag(log, interval(1, 10)))} is still a log interval). Scalars follow Python: {@code int(3.9)} is 3,
 * {@code int('1_0')} is 10, {@code bool('TRUE')} is true, {@code str(true)} is {@code "true"},
 * {@code json_str} is Python's {@code json.dumps}; {@code null} cannot be cast except by
 * {@code bool} (false) and {@code json_str} ({@code "null"}).
 */
final class Casts {

    private static final Signature INT = Signature.of(varargs(Signature.CASTABLE), keyword("value", Signature.CASTABLE));
    private static final Signature JSON = Signature.of(varargs(Signature.ANY), keyword("value", Signature.ANY));

    private Casts() {
    }

    static Value cast(String name, List<Value> args, Map<String, Value> kwargs) {
        Bound bound = (name.equals("json_str") ? JSON : INT).bind(args, kwargs);
        Value value = normalize(bound);
        return switch (name) {
            case "int" -> apply(value, Casts::toInt, "int");
            case "float" -> apply(value, Casts::toFloat, "float");
            case "str" -> apply(value, Casts::toStr, "str");
            case "bool" -> apply(value, Casts::toBool, "bool");
            default -> json(value);
        };
    }

    private static Value normalize(Bound bound) {
        List<Value> args = bound.varargs();
        boolean named = bound.present("value");
        if (!args.isEmpty() && named) {
            throw PyError.typeError("cannot use both position and named arguments");
        }
        if (named) {
            return bound.get("value");
        }
        if (args.isEmpty()) {
            throw PyError.typeError("No positional args or value specified");
        }
        return args.size() == 1 ? args.getFirst() : Functions.simpleChoice(args);
    }

    /** Applies a scalar cast through lists, dict values and sweeps. */
    private static Value apply(Value value, UnaryOperator<Element> scalar, String name) {
        boolean numeric = name.equals("int") || name.equals("float");
        return switch (value) {
            case ListValue l -> new ListValue(l.items().stream().map(i -> (Element) apply(i, scalar, name)).toList());
            case DictValue d -> new DictValue(d.entries().stream()
                    .map(e -> new Entry(e.key(), (Element) apply(e.value(), scalar, name))).toList());
            case QuotedString q -> scalar.apply(new StringValue(q.text()));
            case Element e -> scalar.apply(e);
            case ChoiceSweep c -> new ChoiceSweep(choices(c, i -> (Element) apply(i, scalar, name)), c.simpleForm(),
                    false, Set.of());
            case RangeSweep r -> {
                if (!numeric) {
                    throw PyError.valueError("Range can only be cast to int or float");
                }
                yield new RangeSweep(number(scalar.apply(r.start())), number(scalar.apply(r.stop())),
                        number(scalar.apply(r.step())), false, Set.of());
            }
            case IntervalSweep i -> {
                if (!numeric) {
                    throw PyError.valueError("Intervals cannot be cast to " + name);
                }
                // Hydra copies an interval's tags through a cast (and only an interval's): dropping them
                // would silently turn a log search space into a uniform one
                yield new IntervalSweep(number(scalar.apply(i.start())), number(scalar.apply(i.end())), i.tags());
            }
            case GlobSweep g -> throw PyError.assertion();
        };
    }

    private static List<Element> choices(ChoiceSweep choice, UnaryOperator<Element> cast) {
        List<Element> out = new ArrayList<>();
        for (Element item : choice.choices()) {
            Element result = cast.apply(item);
            if (result instanceof NullValue) {
                throw PyError.assertion();
            }
            out.add(result);
        }
        return out;
    }

    private static Element.NumberValue number(Element element) {
        return (Element.NumberValue) element;
    }

    private static Element toInt(Element e) {
        return switch (e) {
            case IntValue i -> i;
            case BoolValue b -> IntValue.of(b.value() ? 1 : 0);
            case FloatValue f -> new IntValue(Numbers.truncate(f.value()));
            case StringValue s -> new IntValue(Numbers.parseInt(s.text()));
            case Interpolation s -> new IntValue(Numbers.parseInt(s.text()));
            default -> throw PyError.assertion();
        };
    }

    private static Element toFloat(Element e) {
        return switch (e) {
            case IntValue i -> new FloatValue(Numbers.toDouble(i.value()));
            case BoolValue b -> new FloatValue(b.value() ? 1 : 0);
            case FloatValue f -> f;
            case StringValue s -> new FloatValue(Numbers.parseFloat(s.text()));
            case Interpolation s -> new FloatValue(Numbers.parseFloat(s.text()));
            default -> throw PyError.assertion();
        };
    }

    private static Element toStr(Element e) {
        return switch (e) {
            case IntValue i -> new StringValue(i.value().toString());
            case BoolValue b -> new StringValue(b.value() ? "true" : "false");
            case FloatValue f -> new StringValue(Numbers.repr(f.value()));
            case StringValue s -> s;
            case Interpolation s -> new StringValue(s.text());
            default -> throw PyError.assertion();
        };
    }

    private static Element toBool(Element e) {
        return switch (e) {
            case BoolValue b -> b;
            case NullValue n -> new BoolValue(false);
            case IntValue i -> new BoolValue(i.value().signum() != 0);
            case FloatValue f -> new BoolValue(f.value() != 0);
            case StringValue s -> parseBool(s.text());
            case Interpolation s -> parseBool(s.text());
            default -> throw PyError.assertion();
        };
    }

    private static Element parseBool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return new BoolValue(true);
        }
        if (text.equalsIgnoreCase("false")) {
            return new BoolValue(false);
        }
        throw PyError.valueError("Cannot cast '" + text + "' to bool");
    }

    private static Element jsonChoice(Element item) {
        if (item instanceof NullValue) {
            throw PyError.assertion();
        }
        return new StringValue(PyFormat.json(item));
    }

    /** {@code json_str}: quoted strings become plain text, then each value is written as JSON text. */
    private static Value json(Value value) {
        return switch (value) {
            case Element e -> new StringValue(PyFormat.json(e));
            case ChoiceSweep c -> new ChoiceSweep(choices(c, Casts::jsonChoice), c.simpleForm(), false, Set.of());
            case RangeSweep r -> throw PyError.valueError("Range can only be cast to int or float");
            case IntervalSweep i -> throw PyError.valueError("Intervals cannot be cast to json_str");
            case GlobSweep g -> throw PyError.typeError("Object of type Glob is not JSON serializable");
        };
    }
}
