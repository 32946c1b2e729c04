package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.BoolValue;
import dev.osprey.composer.override.Element.DictValue;
import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.Interpolation;
import dev.osprey.composer.override.Element.ListValue;
import dev.osprey.composer.override.Element.NullValue;
import dev.osprey.composer.override.Element.QuotedString;
import dev.osprey.composer.override.Element.StringValue;
import dev.osprey.composer.override.Sweep.ChoiceSweep;
import dev.osprey.composer.override.Sweep.IntervalSweep;
import dev.osprey.composer.override.Sweep.RangeSweep;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The parameters of a grammar function, and the binding of a call's arguments to them with
 * Python's rules and messages ({@code too many positional arguments},
 * {@code missing a required argument: 'start'}, {@code multiple values for argument 'start'},
 * {@code got an unexpected keyword argument 'x'}), followed by the type check Hydra runs before the
 * call ({@code mismatch type argument start: str is incompatible with Union[int, float]}).
 * Defaults are not bound: a function sees an absent optional argument as {@code null}.
 */
final class Signature {

    enum Kind { POSITIONAL, VAR_POSITIONAL, KEYWORD_ONLY }

    /** A parameter type: its name in messages and which values it accepts. */
    record PyType(String display, Predicate<Value> accepts) {
        PyType orNone() {
            return new PyType("Optional[" + display + "]", v -> v instanceof NullValue || accepts.test(v));
        }
    }

    record Param(String name, Kind kind, PyType type, boolean optional) {
    }

    static final PyType ANY = new PyType("Any", v -> true);
    static final PyType BOOL = new PyType("bool", v -> v instanceof BoolValue);
    static final PyType NUMBER = new PyType("Union[int, float]",
            v -> v instanceof IntValue || v instanceof FloatValue || v instanceof BoolValue);
    static final PyType SORTABLE = new PyType(
            "Union[str, int, bool, float, List[Any], Dict[str, Any], ChoiceSweep, RangeSweep]",
            v -> isPlainElement(v) || v instanceof ChoiceSweep || v instanceof RangeSweep);
    static final PyType CHOICE_OR_RANGE = new PyType("Union[ChoiceSweep, RangeSweep]",
            v -> v instanceof ChoiceSweep || v instanceof RangeSweep);
    static final PyType LIST = new PyType("List[Any]", v -> v instanceof ListValue);
    /** Hydra's {@code choice(*args)} parameter type: no {@code None}, so {@code choice(null)} is a type error. */
    static final PyType CHOICE_ITEM = new PyType(
            "Union[str, int, float, bool, Dict[Any, Any], List[Any], ChoiceSweep]",
            v -> isPlainElement(v) || v instanceof ChoiceSweep);
    static final PyType CASTABLE = new PyType(
            "Optional[Union[str, int, float, bool, List[Any], Dict[str, Any], QuotedString, Sweep]]",
            v -> v instanceof Element || v instanceof ChoiceSweep || v instanceof RangeSweep
                    || v instanceof IntervalSweep);
    static final PyType SWEEP = new PyType("Sweep",
            v -> v instanceof ChoiceSweep || v instanceof RangeSweep || v instanceof IntervalSweep);
    /** Hydra's {@code tag(*args)} parameter type: tags are strings and the last one a sweep (checked by tag()). */
    static final PyType TAG_ITEM = new PyType("Union[str, Sweep]",
            v -> v instanceof StringValue || v instanceof Interpolation || v instanceof QuotedString
                    || SWEEP.accepts().test(v));
    static final PyType PATTERNS = new PyType("Union[List[str], str]",
            v -> v instanceof ListValue || v instanceof StringValue || v instanceof Interpolation);

    private final List<Param> params;

    private Signature(List<Param> params) {
        this.params = params;
    }

    static Signature of(Param... params) {
        return new Signature(List.of(params));
    }

    static Param required(String name, PyType type) {
        return new Param(name, Kind.POSITIONAL, type, false);
    }

    static Param optional(String name, PyType type) {
        return new Param(name, Kind.POSITIONAL, type, true);
    }

    static Param varargs(PyType type) {
        return new Param("args", Kind.VAR_POSITIONAL, type, true);
    }

    static Param keyword(String name, PyType type) {
        return new Param(name, Kind.KEYWORD_ONLY, type, true);
    }

    /** Strings, numbers, bools, lists and dicts: what Python's {@code ElementType} union accepts. */
    private static boolean isPlainElement(Value v) {
        return v instanceof StringValue || v instanceof Interpolation || v instanceof IntValue
                || v instanceof FloatValue || v instanceof BoolValue || v instanceof ListValue || v instanceof DictValue;
    }

    /** Binds a call's arguments, then checks their types. */
    Bound bind(List<Value> args, Map<String, Value> kwargs) {
        Map<String, Object> bound = new LinkedHashMap<>();
        Map<String, Value> named = new LinkedHashMap<>(kwargs);
        Iterator<Param> it = params.iterator();
        List<Param> rest = new ArrayList<>();
        int used = 0;
        while (true) {
            if (used >= args.size()) {
                if (!it.hasNext()) {
                    break;
                }
                Param param = it.next();
                if (param.kind() == Kind.VAR_POSITIONAL) {
                    break;
                }
                if (named.containsKey(param.name()) || param.optional()) {
                    rest.add(param);
                    break;
                }
                throw PyError.typeError("missing a required argument: '" + param.name() + "'");
            }
            if (!it.hasNext()) {
                throw PyError.typeError("too many positional arguments");
            }
            Param param = it.next();
            if (param.kind() == Kind.KEYWORD_ONLY) {
                throw PyError.typeError("too many positional arguments");
            }
            if (param.kind() == Kind.VAR_POSITIONAL) {
                bound.put(param.name(), List.copyOf(args.subList(used, args.size())));
                break;
            }
            if (named.containsKey(param.name())) {
                throw PyError.typeError("multiple values for argument '" + param.name() + "'");
            }
            bound.put(param.name(), args.get(used++));
        }
        it.forEachRemaining(rest::add);
        for (Param param : rest) {
            if (param.kind() == Kind.VAR_POSITIONAL) {
                continue;
            }
            Value value = named.remove(param.name());
            if (value != null) {
                bound.put(param.name(), value);
            } else if (!param.optional()) {
                throw PyError.typeError("missing a required argument: '" + param.name() + "'");
            }
        }
        if (!named.isEmpty()) {
            throw PyError.typeError("got an unexpected keyword argument '" + named.keySet().iterator().next() + "'");
        }
        bound.forEach(this::check);
        return new Bound(bound);
    }

    private void check(String name, Object value) {
        Param param = params.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(param.type(), name + "[" + i + "]", (Value) list.get(i));
            }
        } else {
            check(param.type(), name, (Value) value);
        }
    }

    private static void check(PyType type, String name, Value value) {
        if (!type.accepts().test(value)) {
            throw PyError.typeError("mismatch type argument " + name + ": " + PyFormat.typeName(value)
                    + " is incompatible with " + type.display());
        }
    }

    /** Bound arguments by parameter name. */
    record Bound(Map<String, Object> arguments) {

        /** A bound argument, or null when it was not given. */
        Value get(String name) {
            return (Value) arguments.get(name);
        }

        /** The values of a {@code *args} parameter (empty when none were given). */
        @SuppressWarnings("unchecked")
        List<Value> varargs() {
            Object values = arguments.get("args");
            return values == null ? List.of() : (List<Value>) values;
        }

        /** Whether an optional argument was given as something other than {@code null} (Python's {@code None}). */
        boolean present(String name) {
            Value value = get(name);
            return value != null && !(value instanceof NullValue);
        }

        boolean flag(String name) {
            return get(name) instanceof BoolValue b && b.value();
        }
    }

    /** Turns a quoted string into its text (Hydra unquotes function arguments, though not inside lists). */
    static Value unquoted(Value value) {
        return value instanceof QuotedString q ? new StringValue(q.text()) : value;
    }
}
