package dev.osprey.composer.interpolation;

import dev.osprey.composer.value.ConfigValue;
import dev.osprey.composer.value.ConfigValue.NullValue;
import dev.osprey.composer.value.ConfigValue.StringValue;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The resolvers that {@code ${name:arg1,arg2}} calls. Built-ins:
 * <ul>
 *   <li>{@code oc.env:VAR} / {@code oc.env:VAR,default}: an environment variable as a string; the
 *       default is used when it is not set ({@code null} gives null); with no default that is an error.</li>
 *   <li>{@code now:pattern}: the current date-time of the clock, formatted with a Python
 *       {@code strftime} pattern as Hydra writes them ({@code %Y-%m-%d_%H-%M-%S}; a pattern with a
 *       {@code %} directive is read this way) or else a {@link DateTimeFormatter} pattern
 *       ({@code yyyy-MM-dd_HH-mm-ss}). The strftime directives supported are {@code %Y %y %m %d %H %I
 *       %M %S %f %p %b %B %a %A %j %z %Z %%} (English names; {@code %z}/{@code %Z} give the clock's
 *       offset and zone, where Hydra's naive {@code datetime} prints nothing); the others
 *       ({@code %c %x %X %U %W %w %u %V %G}, platform extensions such as {@code %e} or {@code %-d}) are
 *       errors that name the directive.
 *       As in Hydra, each pattern is formatted once per registry, so every job of a sweep sees the
 *       same time.</li>
 *   <li>{@code osprey:key}: a runtime value the caller supplies, such as {@code job.num},
 *       {@code trial.number}, {@code study.name} or {@code output_dir}.</li>
 * </ul>
 *
 * {@snippet :
 * Resolvers resolvers = Resolvers.standard(Map.of("USER", "ana")::get, Clock.systemUTC(),
 *         Map.of("job.num", 3))
 *     .register("mul", args -> ConfigValue.of(Resolvers.number(args, 0) * Resolvers.number(args, 1)));
 * }
 *
 * @since 0.1
 */
public final class Resolvers {

    /** A resolver: typed arguments in, a config value out. Throw {@link IllegalArgumentException} to reject arguments. */
    @FunctionalInterface
    public interface Resolver {
        ConfigValue resolve(List<ConfigValue> arguments);
    }

    /** The name of the resolver of runtime values. */
    private static final String RUNTIME = "osprey";

    private final Map<String, Resolver> resolvers = new LinkedHashMap<>();

    private Resolvers() {
    }

    /** A registry without resolvers. */
    public static Resolvers empty() {
        return new Resolvers();
    }

    /** The built-ins with the process environment, the system clock and no runtime values. */
    public static Resolvers standard() {
        return standard(System::getenv, Clock.systemDefaultZone(), Map.of());
    }

    /**
     * The built-ins reading {@code environment} for {@code oc.env}, {@code clock} for {@code now} and
     * {@code runtime} (plain values, see {@link ConfigValue#of(Object)}) for {@code osprey}.
     */
    public static Resolvers standard(Function<String, String> environment, Clock clock, Map<String, ?> runtime) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(clock, "clock");
        Map<String, String> times = new ConcurrentHashMap<>();
        return new Resolvers()
                .register("oc.env", args -> env(environment, args))
                .register("now", args -> {
                    String pattern = string(args, 0, "now", "a date-time pattern");
                    return new StringValue(times.computeIfAbsent(pattern,
                            p -> formatter(p).format(ZonedDateTime.now(clock))));
                })
                .register(RUNTIME, runtime(runtime));
    }

    /** A strftime pattern ({@code %Y-%m-%d}) translated, else a java.time pattern ({@code yyyy-MM-dd}). */
    private static DateTimeFormatter formatter(String pattern) {
        return Strftime.isStrftime(pattern) ? Strftime.formatter(pattern) : DateTimeFormatter.ofPattern(pattern);
    }

    /**
     * A copy of this registry whose {@code osprey} resolver reads {@code runtime} instead. The other
     * resolvers are shared, so the jobs of one sweep, each with its own {@code job.num}, still see the
     * same {@code ${now:...}}.
     */
    public Resolvers withRuntimeValues(Map<String, ?> runtime) {
        Resolvers copy = new Resolvers();
        copy.resolvers.putAll(resolvers);
        return copy.replace(RUNTIME, runtime(runtime));
    }

    private static Resolver runtime(Map<String, ?> runtime) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        runtime.forEach((k, v) -> values.put(k, ConfigValue.of(v)));
        return args -> {
            String key = string(args, 0, RUNTIME, "the name of a runtime value");
            ConfigValue value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("the runtime value '" + key + "' is not set; set values: "
                        + new TreeSet<>(values.keySet()));
            }
            return value;
        };
    }

    /**
     * Registers {@code resolver} under {@code name} (dotted names such as {@code my.add} are allowed).
     *
     * @throws IllegalArgumentException if the name is taken (use {@link #replace})
     */
    public Resolvers register(String name, Resolver resolver) {
        if (resolvers.containsKey(name)) {
            throw new IllegalArgumentException("resolver '" + name + "' is already registered");
        }
        return replace(name, resolver);
    }

    /** Registers {@code resolver} under {@code name}, replacing any resolver of that name. */
    public Resolvers replace(String name, Resolver resolver) {
        if (!name.matches("[A-Za-z_][\\w\\-]*(\\.[A-Za-z_][\\w\\-]*)*")) {
            throw new IllegalArgumentException("invalid resolver name '" + name + "'");
        }
        resolvers.put(name, Objects.requireNonNull(resolver, "resolver"));
        return this;
    }

    /** The resolver of this name, or {@code null}. */
    public Resolver get(String name) {
        return resolvers.get(name);
    }

    /** Whether a resolver of this name is registered. */
    public boolean has(String name) {
        return resolvers.containsKey(name);
    }

    private static ConfigValue env(Function<String, String> environment, List<ConfigValue> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw new IllegalArgumentException("oc.env takes a variable name and an optional default, got "
                    + args.size() + " arguments");
        }
        String name = string(args, 0, "oc.env", "the name of an environment variable");
        String value = environment.apply(name);
        if (value != null) {
            return new StringValue(value);
        }
        if (args.size() == 1) {
            throw new IllegalArgumentException("environment variable '" + name + "' is not set and no default was given");
        }
        ConfigValue fallback = args.get(1);
        return fallback instanceof NullValue ? fallback : new StringValue(Interpolator.text(fallback, "oc.env"));
    }

    /** Argument {@code index} as a string (a scalar of another type is turned into its text). */
    public static String string(List<ConfigValue> args, int index, String resolver, String what) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(resolver + " needs " + what + " as argument " + (index + 1));
        }
        return Interpolator.text(args.get(index), resolver);
    }

    /** Argument {@code index} as a number. */
    public static double number(List<ConfigValue> args, int index) {
        if (index < args.size()) {
            switch (args.get(index)) {
                case ConfigValue.IntValue i -> {
                    return i.value();
                }
                case ConfigValue.FloatValue f -> {
                    return f.value();
                }
                default -> {
                }
            }
        }
        throw new IllegalArgumentException("argument " + (index + 1) + " must be a number");
    }
}
