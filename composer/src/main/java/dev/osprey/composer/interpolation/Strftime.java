package dev.osprey.composer.interpolation;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Python {@code strftime} patterns, as Hydra users and Hydra's own defaults write them
 * ({@code ${now:%Y-%m-%d_%H-%M-%S}}), translated into a {@link DateTimeFormatter}.
 *
 * <p>Supported directives, with the C locale's English names: {@code %Y} (year, 4 digits),
 * {@code %y} (2 digits), {@code %m}, {@code %d}, {@code %H}, {@code %I} (12-hour clock),
 * {@code %M}, {@code %S} (all 2 digits), {@code %f} (microseconds, 6 digits), {@code %p}
 * ({@code AM}/{@code PM}), {@code %b}/{@code %B} (month, {@code Jan}/{@code January}),
 * {@code %a}/{@code %A} (weekday, {@code Mon}/{@code Monday}), {@code %j} (day of the year,
 * 3 digits), {@code %z} (UTC offset, {@code +0100}), {@code %Z} (zone name, {@code CET}) and
 * {@code %%}. Hydra formats a naive {@code datetime}, for which Python prints {@code %z} and
 * {@code %Z} as empty text; here they give the offset and zone of the clock.
 *
 * <p>Not supported (an error names the directive): the locale-dependent {@code %c}, {@code %x},
 * {@code %X}; week numbers and weekday numbers {@code %U}, {@code %W}, {@code %w}, {@code %u},
 * {@code %V}, {@code %G}; and the platform extensions such as {@code %e}, {@code %-d} or {@code %s}.
 */
final class Strftime {

    /** A pattern holding at least one {@code %} directive is read as strftime, any other as java.time. */
    private static final Pattern DIRECTIVE = Pattern.compile("%[A-Za-z%]");

    private static final Map<Character, String> JAVA_TIME = Map.ofEntries(
            Map.entry('Y', "uuuu"), Map.entry('y', "uu"), Map.entry('m', "MM"), Map.entry('d', "dd"),
            Map.entry('H', "HH"), Map.entry('I', "hh"), Map.entry('M', "mm"), Map.entry('S', "ss"),
            Map.entry('f', "SSSSSS"), Map.entry('p', "a"), Map.entry('b', "MMM"), Map.entry('B', "MMMM"),
            Map.entry('a', "EEE"), Map.entry('A', "EEEE"), Map.entry('j', "DDD"), Map.entry('z', "xx"),
            Map.entry('Z', "zzz"));

    private static final String SUPPORTED = "%Y %y %m %d %H %I %M %S %f %p %b %B %a %A %j %z %Z %%";

    private Strftime() {
    }

    /** Whether {@code pattern} is a strftime pattern (it holds a directive such as {@code %Y}). */
    static boolean isStrftime(String pattern) {
        return DIRECTIVE.matcher(pattern).find();
    }

    /**
     * The formatter of a strftime pattern; text outside directives is kept as it is.
     *
     * @throws IllegalArgumentException naming the first unsupported directive, or a lone {@code %} at the end
     */
    static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i + 1 == pattern.length()) {
                throw new IllegalArgumentException("strftime pattern '" + pattern + "' ends with a lone '%'; write %% for"
                        + " a percent sign");
            }
            char directive = pattern.charAt(++i);
            if (directive == '%') {
                literal.append('%');
                continue;
            }
            String javaTime = JAVA_TIME.get(directive);
            if (javaTime == null) {
                throw new IllegalArgumentException("strftime directive '%" + directive + "' in '" + pattern
                        + "' is not supported; supported: " + SUPPORTED + " (or a java.time pattern such as"
                        + " yyyy-MM-dd_HH-mm-ss)");
            }
            if (!literal.isEmpty()) {
                builder.appendLiteral(literal.toString());
                literal.setLength(0);
            }
            builder.appendPattern(javaTime);
        }
        if (!literal.isEmpty()) {
            builder.appendLiteral(literal.toString());
        }
        return builder.toFormatter(Locale.US);
    }
}
