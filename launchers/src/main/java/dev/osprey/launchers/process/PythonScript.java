package dev.osprey.launchers.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A command that runs a Python script: {@code python [flags] script.py [args]}. Only such a
 * command can run in a reusable Python worker (see {@link PythonWorkers}): the worker is the
 * interpreter with its flags, and each job hands it the script and its arguments. Anything else
 * ({@code python -m module}, {@code python -c code}, {@code ./train.py}, a shell) runs as a
 * process of its own.
 *
 * @param interpreter the interpreter and the flags before the script, as given
 * @param script      the script, as given (relative to the job's working directory when relative)
 * @param arguments   the arguments after the script
 * @since 0.3
 */
public record PythonScript(List<String> interpreter, String script, List<String> arguments) {

    /** {@code python}, {@code python3}, {@code python3.12}, {@code python3.13t}, {@code pypy3}: an interpreter by its file name. */
    private static final Pattern INTERPRETER = Pattern.compile("(python|pypy)\\d*(\\.\\d+)*t?");
    /** Interpreter flags that take the next argument as their value, when it is not attached. */
    private static final Set<String> WITH_VALUE = Set.of("-X", "-W", "--check-hash-based-pycs");
    /** Flags after which no script follows: a module, a command, a script read from stdin. */
    private static final Set<String> NO_SCRIPT = Set.of("-m", "-c", "-");

    public PythonScript {
        interpreter = List.copyOf(interpreter);
        arguments = List.copyOf(arguments);
        if (interpreter.isEmpty() || !script.endsWith(".py")) {
            throw new IllegalArgumentException("a Python script command needs an interpreter and a .py script, got "
                    + interpreter + " " + script);
        }
    }

    /** The script command in {@code command}, or empty when it is not {@code python [flags] script.py ...}. */
    public static Optional<PythonScript> of(List<String> command) {
        if (command.isEmpty() || !isInterpreter(command.get(0))) {
            return Optional.empty();
        }
        int i = 1;
        while (i < command.size() && command.get(i).startsWith("-")) {
            String flag = command.get(i);
            if (NO_SCRIPT.contains(flag) || flag.startsWith("-m") || flag.startsWith("-c")) {
                return Optional.empty();
            }
            i += WITH_VALUE.contains(flag) ? 2 : 1;
        }
        if (i >= command.size() || !command.get(i).endsWith(".py")) {
            return Optional.empty();
        }
        return Optional.of(new PythonScript(command.subList(0, i), command.get(i),
                command.subList(i + 1, command.size())));
    }

    /** Whether {@code program}, by its file name, is a Python interpreter. */
    static boolean isInterpreter(String program) {
        Path name = Path.of(program).getFileName();
        return name != null && INTERPRETER.matcher(name.toString()).matches();
    }

    /** What the script sees as {@code sys.argv}: the script, then its arguments. */
    public List<String> argv() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(script), arguments.stream()).toList();
    }
}
