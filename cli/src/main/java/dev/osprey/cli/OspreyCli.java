package dev.osprey.cli;

import dev.osprey.composer.config.Secrets;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code osprey} command. Errors are one paragraph for people, without a stack trace unless
 * {@code --debug} is given.
 *
 * <p>Exit codes: 0 success (a sweep met its budget), 1 the work failed (a job, or failed jobs
 * stopped a sweep), 2 bad usage or input (unknown flag, bad override, missing study), 3 the study
 * database was lost mid-sweep (the running jobs' results kept for {@code osprey collect}), 130
 * interrupted.
 */
public final class OspreyCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private OspreyCli() {
    }

    public static void main(String[] args) {
        ConsoleLogging.install(Arrays.asList(args).contains("--debug"));
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; the part after {@code --} is the program a run launches. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> all = Arrays.asList(args);
        int dashes = all.indexOf("--");
        String[] own = dashes < 0 ? args : all.subList(0, dashes).toArray(String[]::new);
        List<String> program = dashes < 0 ? List.of() : List.copyOf(all.subList(dashes + 1, all.size()));
        boolean debug = Arrays.asList(own).contains("--debug");
        Context context = new Context(out, err, program, debug);
        CommandLine cli = commandLine(context);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, err, debug));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("osprey: " + Secrets.mask(e.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        return cli.execute(own);
    }

    static CommandLine commandLine(Context context) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                for (var constructor : type.getDeclaredConstructors()) {
                    if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Context.class) {
                        constructor.setAccessible(true);
                        return type.cast(constructor.newInstance(context));
                    }
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new RootCommand(), factory);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setAbbreviatedOptionsAllowed(false);
        // completion receives half-typed flags as words
        cli.getSubcommands().get("__complete").setUnmatchedOptionsArePositionalParams(true);
        return cli;
    }

    /**
     * One paragraph for people; the stack trace only with --debug. One rule for every module: an
     * {@link IllegalArgumentException} (the composer's and the storage's input errors among them)
     * is input the user can fix and exits with {@value #USAGE}; an exception type that Osprey
     * defines is written for people too and exits with {@value #FAILED}; anything else is unexpected
     * and says how to see more.
     */
    static int report(Exception e, PrintStream err, boolean debug) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        err.println("osprey: " + Secrets.mask(message));
        if (debug) {
            e.printStackTrace(err);
        } else if (!writtenForPeople(e)) {
            err.println("(an unexpected " + e.getClass().getSimpleName() + "; run again with --debug for the details)");
        }
        return e instanceof IllegalArgumentException ? USAGE : FAILED;
    }

    private static boolean writtenForPeople(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException || e.getClass().getName().startsWith("dev.osprey.");
    }

    /**
     * What every command gets: the streams, the program after --, the debug flag; and for a Java
     * app started through {@link dev.osprey.cli.Osprey}, its objective and config location.
     */
    public record Context(PrintStream out, PrintStream err, List<String> program, boolean debug,
                          java.util.Optional<dev.osprey.cli.AppTask> app) {
        public Context {
            program = new ArrayList<>(program);
        }

        Context(PrintStream out, PrintStream err, List<String> program, boolean debug) {
            this(out, err, program, debug, java.util.Optional.empty());
        }
    }

    /** Runs {@code osprey run} with an app's objective: the Java entry's command line. */
    public static int runApp(String[] args, dev.osprey.cli.AppTask app, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        String[] own = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        Context context = new Context(out, err, List.of(), debug, java.util.Optional.of(app));
        CommandLine cli = new CommandLine(new RunCommand(context));
        cli.setCommandName(app.name());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, err, debug));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(app.name() + ": " + Secrets.mask(e.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            return USAGE;
        });
        return cli.execute(own);
    }
}
