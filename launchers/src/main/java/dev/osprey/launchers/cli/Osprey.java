package dev.osprey.launchers.cli;

import dev.osprey.optimizer.OspreyException;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code osprey} command. Errors are printed as one paragraph without a stack trace unless
 * {@code --debug} is given.
 *
 * <p>Exit codes: 0 success, 1 the work failed, 2 bad usage.
 */
public final class Osprey {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Osprey() {
    }

    /** Kept referenced: java.util.logging holds its loggers weakly, and would forget the levels. */
    private static final java.util.List<java.util.logging.Logger> QUIET_LIBRARIES = java.util.List.of(
            java.util.logging.Logger.getLogger("com.zaxxer.hikari"),
            java.util.logging.Logger.getLogger("org.flywaydb"));

    public static void main(String[] args) {
        // the connection pool and the migrations report their routine work at INFO: only problems are shown
        QUIET_LIBRARIES.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        if (rest.length == 0 || rest[0].equals("--help") || rest[0].equals("-h") || rest[0].equals("help")) {
            usage(out);
            return rest.length == 0 ? USAGE : OK;
        }
        try {
            return switch (rest[0]) {
                case "demo" -> DemoCommand.run(Arrays.copyOfRange(rest, 1, rest.length), out);
                default -> {
                    err.println("osprey: unknown command '" + rest[0] + "'. Run 'osprey --help' for the commands.");
                    yield USAGE;
                }
            };
        } catch (IllegalArgumentException | IllegalStateException | OspreyException e) {
            err.println("osprey: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return e instanceof IllegalArgumentException ? USAGE : FAILED;
        }
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: osprey COMMAND [OPTIONS]

                Commands:
                  demo [--trials N] [--sampler tpe|random] [--seed S] [--study NAME] [--storage LOCATION]
                      optimise a built-in training-shaped objective until the study holds N trials
                      (60 by default), printing each trial and then the best one; the study is kept
                      in the study database (LOCATION, else $OSPREY_STORAGE, else
                      ./osprey-studies/studies, an H2 file), so running it again resumes it

                Options:
                  --debug   print stack traces with errors
                  --help    show this help

                Exit codes: 0 success, 1 the work failed, 2 bad usage.""");
    }
}
