package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.BoolValue;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.NumberValue;
import dev.osprey.composer.override.Element.QuotedString;
import dev.osprey.composer.override.Element.StringValue;
import dev.osprey.composer.override.Signature.Bound;
import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.GlobSweep;
import dev.osprey.composer.override.Sweep.IntervalSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import static dev.osprey.composer.override.Signature.keyword;
import static dev.osprey.composer.override.Signature.optional;
import static dev.osprey.composer.override.Signature.required;
import static dev.osprey.composer.override.Signature.varargs;

/**
 * The built-in functions of the override language. Each is called with its arguments bound and
 * type-checked by its {@link Signature}; failures are {@link PyError}s named like Hydra's.
 *
 * <pre>
 * choice(*args)                      a choice sweep (choice(a) is a sweep of one)
 * range(start, stop=None, step=1)    range(n) is range(0, n)
 * interval(start, end)               bounds become floats
 * tag(*tags, sweep)                  the sweep with these tags (replacing any)
 * glob(include, exclude=None)        patterns over a config group's options
 * sort(*args, sweep=None, list=None, reverse=False)   sorts a list, a sweep or several values
 * shuffle(*args, sweep=None, list=None)               shuffles a list now, or a sweep at each enumeration
 * int(...), float(...), str(...), bool(...), json_str(...)   see {@link Casts}
 * extend_list(*values)               only as the whole value of an override (see Evaluator)
 * </pre>
 */
final class Functions {

    static final List<String> NAMES = List.of("bool", "choice", "extend_list", "float", "glob", "int", "interval",
            "json_str", "range", "shuffle", "sort", "str", "tag");

    private static final Signature CHOICE = Signature.of(varargs(Signature.CHOICE_ITEM));
    private static final Signature RANGE = Signature.of(required("start", Signature.NUMBER),
            optional("stop", Signature.NUMBER.orNone()), optional("step", Signature.NUMBER));
    private static final Signature INTERVAL = Signature.of(required("start", Signature.NUMBER),
            required("end", Signature.NUMBER));
    // Hydra type-checks tag's arguments before the call, so a number or a list as a tag is a TypeError
    // ("mismatch type argument args[0]: int is incompatible with Union[str, Sweep]"), not tag()'s own ValueError
    private static final Signature TAG = Signature.of(varargs(Signature.TAG_ITEM),
            keyword("sweep", Signature.SWEEP.orNone()));
    private static final Signature GLOB = Signature.of(required("include", Signature.PATTERNS),
            optional("exclude", Signature.PATTERNS.orNone()));
    private static final Signature SORT = Signature.of(varargs(Signature.SORTABLE),
            keyword("sweep", Signature.CHOICE_OR_RANGE.orNone()), keyword("list", Signature.LIST.orNone()),
            keyword("reverse", Signature.BOOL));
    private static final Signature SHUFFLE = Signature.of(varargs(Signature.SORTABLE),
            keyword("sweep", Signature.CHOICE_OR_RANGE.orNone()), keyword("list", Signature.LIST.orNone()));
    private static final Signature EXTEND_LIST = Signature.of(varargs(Signature.ANY));

    private Functions() {
    }

    static Value call(String name, List<Value> args, Map<String, Value> kwargs, RandomGenerator random) {
        return switch (name) {
            case "choice" -> choice(CHOICE.bind(args, kwargs).varargs());
            case "range" -> range(RANGE.bind(args, kwargs));
            case "interval" -> interval(INTERVAL.bind(args, kwargs));
            case "tag" -> tag(TAG.bind(args, kwargs));
            case "glob" -> glob(GLOB.bind(args, kwargs));
            case "sort" -> sort(SORT.bind(args, kwargs));
            case "shuffle" -> shuffle(SHUFFLE.bind(args, kwargs), random);
            case "extend_list" -> new ListValue(elements(EXTEND_LIST.bind(args, kwargs).varargs()));
            case "int", "float", "str", "bool", "json_str" -> Casts.cast(name, args, kwargs);
            default -> throw new PyError("HydraException", "Unknown function '" + name + "'\nAvailable: "
                    + String.join(",", NAMES) + "\n");
        };
    }

    private static Value choice(List<Value> args) {
        if (args.isEmpty()) {
            throw PyError.valueError("empty choice is not legal");
        }
        if (args.size() == 1 && args.getFirst() instanceof ChoiceSweep nested) {
            if (!nested.simpleForm()) {
                throw PyError.valueError("nesting choices is not supported");
            }
            return new ChoiceSweep(nested.choices(), false, nested.shuffle(), nested.tags());
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof Sweep) {
                // Hydra accepts choice(1, choice(2,3)) and fails only when enumerating it
                throw PyError.nestedSweep("choice() cannot hold a sweep among other values (args[" + i + "]):"
                        + " nesting choices is not supported; a sweep must be the whole value or a function argument");
            }
        }
        return new ChoiceSweep(elements(args), false, false, Set.of());
    }

    private static Value range(Bound bound) {
        Value start = bound.get("start");
        Value stop = bound.get("stop");
        Value step = bound.present("step") ? bound.get("step") : IntValue.of(1);
        if (!bound.present("stop")) {
            stop = start;
            start = IntValue.of(0);
        }
        return new RangeSweep(number(start), number(stop), number(step), false, Set.of());
    }

    private static NumberValue number(Value value) {
        return switch (value) {
            case BoolValue b -> IntValue.of(b.value() ? 1 : 0);
            case NumberValue n -> n;
            default -> throw new IllegalStateException("not a number: " + value);
        };
    }

    private static Value interval(Bound bound) {
        return IntervalSweep.floats(toDouble(bound.get("start")), toDouble(bound.get("end")));
    }

    static double toDouble(Value value) {
        return switch (number(value)) {
            case IntValue i -> Numbers.toDouble(i.value());
            case FloatValue f -> f.value();
        };
    }

    private static Value tag(Bound bound) {
        List<Value> args = new ArrayList<>(bound.varargs());
        if (args.isEmpty()) {
            throw PyError.valueError("Not enough arguments to tag, must take at least a sweep");
        }
        if (bound.present("sweep")) {
            args.add(bound.get("sweep"));
        }
        if (!(args.getLast() instanceof Sweep sweep) || sweep instanceof GlobSweep) {
            throw PyError.valueError("Last argument to tag() must be a choice(), range() or interval(), got NoneType");
        }
        List<String> tags = new ArrayList<>();
        for (Value tag : args.subList(0, args.size() - 1)) {
            String text = text(tag);
            if (text == null) {
                throw PyError.valueError("tag arguments type must be string, got " + PyFormat.typeName(tag));
            }
            tags.add(text);
        }
        Set<String> tagSet = Set.copyOf(tags);
        return switch (sweep) {
            case ChoiceSweep c -> new ChoiceSweep(c.choices(), c.simpleForm(), c.shuffle(), tagSet);
            case RangeSweep r -> new RangeSweep(r.start(), r.stop(), r.step(), r.shuffle(), tagSet);
            case IntervalSweep i -> new IntervalSweep(i.start(), i.end(), tagSet);
            case GlobSweep g -> g;
        };
    }

    private static Value glob(Bound bound) {
        List<String> include = patterns(bound.get("include"));
        List<String> exclude = bound.present("exclude") ? patterns(bound.get("exclude")) : List.of();
        return new GlobSweep(include, exclude);
    }

    private static List<String> patterns(Value value) {
        List<Element> items = value instanceof ListValue list ? list.items() : List.of((Element) value);
        List<String> patterns = new ArrayList<>();
        for (Element item : items) {
            String text = text(item);
            if (text == null) {
                throw PyError.typeError("glob patterns must be strings, got " + PyFormat.typeName(item));
            }
            patterns.add(text);
        }
        return patterns;
    }

    private static String text(Value value) {
        return switch (value) {
            case StringValue s -> s.text();
            case Interpolation i -> i.text();
            case QuotedString q -> q.text();
            default -> null;
        };
    }

    private static Value sort(Bound bound) {
        boolean reverse = bound.flag("reverse");
        if (bound.present("list")) {
            return sortOne(bound.get("list"), reverse, List.of(bound.get("list")));
        }
        if (bound.present("sweep")) {
            return sortSweep(bound.get("sweep"), reverse);
        }
        List<Value> args = bound.varargs();
        if (args.size() == 1) {
            return sortOne(args.getFirst(), reverse, args);
        }
        for (Value arg : args) {
            if (!(arg instanceof StringValue || arg instanceof Interpolation || arg instanceof NumberValue
                    || arg instanceof BoolValue)) {
                throw PyError.typeError("Invalid arguments: " + PyFormat.reprTuple(args));
            }
        }
        if (args.isEmpty()) {
            throw PyError.valueError("empty sort input");
        }
        return sortSweep(simpleChoice(args), reverse);
    }

    private static Value sortOne(Value arg, boolean reverse, List<Value> args) {
        return switch (arg) {
            case ChoiceSweep c -> sortSweep(c, reverse);
            case RangeSweep r -> sortSweep(r, reverse);
            case ListValue l -> new ListValue(PyCompare.sorted(l.items(), reverse));
            case Element e -> e;
            default -> throw PyError.typeError("Invalid arguments: " + PyFormat.reprTuple(args));
        };
    }

    private static Value sortSweep(Value sweep, boolean reverse) {
        return switch (sweep) {
            case ChoiceSweep c -> c.withChoices(PyCompare.sorted(c.choices(), reverse));
            case RangeSweep r -> Ranges.sorted(r, reverse);
            default -> throw new IllegalStateException("not a choice or range: " + sweep);
        };
    }

    private static Value shuffle(Bound bound, RandomGenerator random) {
        if (bound.present("list")) {
            return shuffleOne(bound.get("list"), random);
        }
        if (bound.present("sweep")) {
            return shuffleOne(bound.get("sweep"), random);
        }
        List<Value> args = bound.varargs();
        if (args.size() == 1) {
            return shuffleOne(args.getFirst(), random);
        }
        ChoiceSweep choice = simpleChoice(args);
        return new ChoiceSweep(choice.choices(), true, true, Set.of());
    }

    private static Value shuffleOne(Value arg, RandomGenerator random) {
        return switch (arg) {
            case ChoiceSweep c -> new ChoiceSweep(c.choices(), c.simpleForm(), true, c.tags());
            case RangeSweep r -> new RangeSweep(r.start(), r.stop(), r.step(), true, r.tags());
            case ListValue l -> {
                List<Element> items = new ArrayList<>(l.items());
                Collections.shuffle(items, random);
                yield new ListValue(items);
            }
            case Element e -> new ListValue(List.of(e));
            default -> throw new IllegalStateException("cannot shuffle " + arg);
        };
    }

    /** Several values become a simple choice sweep; each must be an element (a failed assertion in Hydra). */
    static ChoiceSweep simpleChoice(List<Value> args) {
        return new ChoiceSweep(elements(args), true, false, Set.of());
    }

    private static List<Element> elements(List<Value> values) {
        List<Element> elements = new ArrayList<>(values.size());
        for (Value value : values) {
            if (!(value instanceof Element element)) {
                throw PyError.assertion();
            }
            elements.add(element);
        }
        return elements;
    }
}
