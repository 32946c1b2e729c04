package dev.osprey.sweeper.hydra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python program whose entry point is decorated with {@code @hydra.main}: Osprey runs it unchanged,
 * reads its configs from where the decorator says, and captures its task function's return value.
 *
 * @param script      the Python file, absolute
 * @param configDir   the decorator's {@code config_path}, resolved against the script's folder as
 *                    Hydra does; empty when it is {@code None} or not a literal Osprey can read
 * @param configName  the decorator's {@code config_name}; empty when it is {@code None} or not a literal
 * @since 0.2
 */
public record HydraApp(Path script, Optional<Path> configDir, Optional<String> configName) {

    /** {@code @hydra.main(} or {@code @main(} after {@code from hydra import main}. */
    private static final Pattern DECORATOR = Pattern.compile("^\\s*@\\s*(hydra\\s*\\.\\s*)?main\\s*\\(", Pattern.MULTILINE);
    private static final Pattern FROM_IMPORT = Pattern.compile("^\\s*from\\s+hydra\\s+import\\s+[^\\n]*\\bmain\\b",
            Pattern.MULTILINE);
    private static final Pattern LITERAL = Pattern.compile("\\s*(None|r?\"([^\"\\\\]*)\"|r?'([^'\\\\]*)')\\s*");

    public HydraApp {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(configName, "configName");
        if (!script.isAbsolute()) {
            throw new IllegalArgumentException("a Hydra app's script must be an absolute path, got " + script);
        }
    }

    /**
     * The Hydra app a program command runs, if any: the first argument that names an existing
     * {@code .py} file whose text has a {@code @hydra.main(...)} decorator. Relative paths are
     * taken from {@code workingDir}.
     */
    public static Optional<HydraApp> detect(List<String> command, Path workingDir) {
        for (String argument : command) {
            if (!argument.endsWith(".py") || argument.startsWith("-")) {
                continue;
            }
            Path script;
            try {
                script = workingDir.resolve(argument).toAbsolutePath().normalize();
            } catch (java.nio.file.InvalidPathException e) {
                continue;
            }
            if (!Files.isRegularFile(script)) {
                continue;
            }
            String text;
            try {
                text = Files.readString(script, StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                continue;
            }
            return parse(script, text);
        }
        return Optional.empty();
    }

    /** The app declared in {@code text}, the source of {@code script}, if it has a Hydra main decorator. */
    static Optional<HydraApp> parse(Path script, String text) {
        Matcher decorator = DECORATOR.matcher(text);
        while (decorator.find()) {
            boolean qualified = decorator.group(1) != null;
            if (!qualified && !FROM_IMPORT.matcher(text).find()) {
                continue;
            }
            String arguments = arguments(text, decorator.end());
            Optional<String> path = argument(arguments, "config_path", 0);
            Optional<String> name = argument(arguments, "config_name", 1);
            Path folder = script.getParent();
            Optional<Path> configDir = path.filter(p -> !p.contains("://")).map(p -> folder.resolve(p).normalize());
            return Optional.of(new HydraApp(script, configDir, name.map(HydraApp::withoutYaml)));
        }
        return Optional.empty();
    }

    /** The text between the decorator's parentheses (nested ones included). */
    private static String arguments(String text, int start) {
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }

    /** A keyword argument's string literal, or the positional one at {@code position}; empty for None or an expression. */
    private static Optional<String> argument(String arguments, String keyword, int position) {
        List<String> parts = List.of(arguments.split(","));
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equals(keyword)) {
                return literal(part.substring(eq + 1));
            }
        }
        if (position < parts.size() && parts.get(position).indexOf('=') < 0) {
            return literal(parts.get(position));
        }
        return Optional.empty();
    }

    private static Optional<String> literal(String text) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches() || m.group(1).equals("None")) {
            return Optional.empty();
        }
        return Optional.of(m.group(2) != null ? m.group(2) : m.group(3));
    }

    private static String withoutYaml(String name) {
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    }
}
