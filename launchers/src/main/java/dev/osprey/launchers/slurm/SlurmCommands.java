package dev.osprey.launchers.slurm;

import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.internal.Commands;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slurm's client commands ({@code sbatch}, {@code squeue}, {@code scontrol}, {@code scancel}),
 * found once, from a given directory or PATH, and run with the cluster's {@code SLURM_CONF} when
 * one was set.
 */
final class SlurmCommands {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final List<String> NEEDED = List.of("sbatch", "squeue", "scontrol", "scancel");

    private final Map<String, String> paths = new HashMap<>();
    private final Map<String, String> environment;

    /**
     * @param binDirectory where the commands are; empty to look on PATH
     * @param slurmConf    the cluster's slurm.conf; empty for Slurm's own default
     * @throws LauncherException naming the first command that is missing
     */
    SlurmCommands(Optional<Path> binDirectory, Optional<Path> slurmConf) {
        for (String name : NEEDED) {
            Optional<Path> found = binDirectory.isPresent()
                    ? Commands.find(binDirectory.get().resolve(name).toString())
                    : Commands.find(name);
            paths.put(name, found.map(Path::toString).orElseThrow(() -> new LauncherException(
                    "the slurm launcher needs Slurm's command '" + name + "', which is not "
                            + binDirectory.map(d -> "in " + d + " (osprey.launcher.bin_dir)").orElse("on PATH")
                            + "; install Slurm's client commands (Debian/Ubuntu: apt-get install slurm-client),"
                            + " load your cluster's Slurm module, or set osprey.launcher.bin_dir")));
        }
        environment = slurmConf.map(p -> Map.of("SLURM_CONF", p.toAbsolutePath().toString())).orElse(Map.of());
    }

    /** Runs one of the commands with {@code args}; extra variables are added to the environment. */
    Commands.Output run(String name, List<String> args, Map<String, String> extraEnvironment, Path directory)
            throws IOException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(paths.get(name));
        command.addAll(args);
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.putAll(environment);
        return Commands.run(command, env, directory, LIMIT);
    }

    /**
     * Checks that the controller answers ({@code scontrol ping}).
     *
     * @throws LauncherException saying what scontrol said and what to check
     */
    void ping() {
        Commands.Output out;
        try {
            out = run("scontrol", List.of("ping"), Map.of(), null);
        } catch (IOException e) {
            throw unreachable(e.getMessage());
        }
        if (!out.ok() || !out.stdout().matches("(?s).*\\bis UP\\b.*")) {
            throw unreachable(out.message());
        }
    }

    LauncherException unreachable(String said) {
        return new LauncherException("the slurm launcher cannot reach the Slurm controller: '"
                + paths.get("scontrol") + " ping' says: " + said.strip() + "; check that slurmctld runs and that"
                + " SLURM_CONF (or osprey.launcher.slurm_conf) names the cluster's slurm.conf");
    }
}
