package dev.osprey.benchmarks.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code osprey} command as {@code bin/osprey} runs it: the built command-line jar (its manifest
 * names its libraries) in a JVM of its own, with a class-data archive made on first use. Started
 * directly rather than through the script, so that the process the suite kills is the driver's JVM
 * itself and not a shell in front of it.
 */
final class OspreyCommand {

    private final String java;
    private final Path jar;
    private final Path archive;
    private final AtomicInteger launched = new AtomicInteger();

    private OspreyCommand(String java, Path jar, Path archive) {
        this.java = java;
        this.jar = jar;
        this.archive = archive;
    }

    /** The command built under {@code cli/target} of the repository at {@code root}; its archive goes to scratch. */
    static OspreyCommand locate(Path root, Path scratch) throws IOException {
        Path jar;
        try (var files = Files.list(root.resolve("cli").resolve("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("osprey-cli-.*\\.jar")
                            && !p.getFileName().toString().contains("tests"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the command line first (mvn -pl cli -am package)"));
        }
        return new OspreyCommand(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                jar.toAbsolutePath(), scratch.resolve("osprey.jsa"));
    }

    /**
     * Starts {@code osprey ARGS} in {@code cwd}; stdout and stderr go to files beside each other in
     * {@code logs}. The environment is this one's without any study-database setting, plus {@code env}.
     */
    Driver start(Path cwd, Map<String, String> env, Path logs, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java, "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", jar.toString(), "dev.osprey.cli.OspreyCli"));
        command.addAll(args);
        Files.createDirectories(logs);
        Files.createDirectories(cwd);
        String name = String.format("%03d-%s", launched.incrementAndGet(), args.isEmpty() ? "osprey" : args.getFirst());
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // a study database named by the caller's environment must never be what a scenario touches
        builder.environment().keySet().removeIf(k -> k.startsWith("OSPREY_STORAGE") || k.startsWith("PG"));
        builder.environment().put("TERM", "dumb");
        builder.environment().putAll(env);
        return new Driver(builder.start(), args, out, err);
    }

    /** Runs {@code osprey ARGS} to its end; a run that outlives the timeout is killed and says so. */
    Driver.Ended run(Path cwd, Map<String, String> env, Path logs, Duration timeout, List<String> args)
            throws IOException, InterruptedException {
        return start(cwd, env, logs, args).await(timeout);
    }
}
