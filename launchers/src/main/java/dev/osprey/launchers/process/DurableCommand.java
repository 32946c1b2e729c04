package dev.osprey.launchers.process;

import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.protocol.LocalProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the process launcher starts a program so that its job survives the driver: a small shell
 * wrapper waits for the program and writes its exit code to {@code .osprey/exit_code}, so the next
 * driver can decide the result of a job whose driver was killed. Where {@code setsid} exists the
 * wrapper leads a session of its own: the job does not die with the driver's terminal, and what
 * the program leaves running when it ends (its children, even after a kill -9 of the program) is
 * stopped with it instead of holding the machine.
 *
 * <p>The program's arguments pass as {@code "$@"}, and the exit-code file as {@code $1}: no value
 * goes through the shell's parser. The file is named by its absolute path, since the program (and
 * so its wrapper) may run in a working directory of its own rather than the job directory.
 */
final class DurableCommand {

    /** Runs the program, records its exit code, stops what it left in the wrapper's session. */
    private static final String IN_OWN_SESSION = "e=$1; shift; \"$@\"; c=$?; echo \"$c\" >\"$e\";"
            + " trap '' TERM; kill -TERM 0 2>/dev/null; exit \"$c\"";
    /** Without setsid the wrapper shares the driver's process group, which it must not signal. */
    private static final String IN_DRIVERS_GROUP = "e=$1; shift; \"$@\"; c=$?; echo \"$c\" >\"$e\"; exit \"$c\"";
    private static final Optional<Path> SETSID = Commands.find("setsid");

    private DurableCommand() {
    }

    /** The command that runs {@code command} under the wrapper, which writes its exit code to {@code exitCodeFile}. */
    static List<String> wrap(List<String> command, Path exitCodeFile) {
        List<String> out = new ArrayList<>(command.size() + 7);
        SETSID.ifPresent(setsid -> {
            out.add(setsid.toString());
            out.add("-w"); // were the caller a group leader, setsid would fork: wait for the child then
        });
        out.add("/bin/sh");
        out.add("-c");
        out.add(SETSID.isPresent() ? IN_OWN_SESSION : IN_DRIVERS_GROUP);
        out.add("osprey-job");
        out.add(exitCodeFile.toAbsolutePath().toString());
        out.addAll(command);
        return out;
    }

    /** Writes who runs the job; a job whose record cannot be written is still run, only not taken over. */
    static void record(LocalProcess wrapper, Path file) {
        try {
            Files.writeString(file, wrapper + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a full disk: the job runs on, and a driver that dies leaves it to its lease
        }
    }
}
