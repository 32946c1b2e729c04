package dev.osprey.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How part B starts its worker JVMs. {@link #plain()}: {@code java -cp CLASSPATH}, as a user would
 * without thinking about start-up. {@link #tuned}: the way to run many short-lived workers, which
 * the report documents: {@code -XX:AOTCache} (JDK 25; a cache of loaded and linked classes and
 * method profiles made once by a training run of the same worker, JEP 483/514/515), or on JDK 19 to
 * 24 a dynamic CDS archive ({@code -XX:+AutoCreateSharedArchive}), {@code -XX:TieredStopAtLevel=1}
 * (C1 only: no time spent on C2 compilations a short worker never profits from) and
 * {@code -XX:+UseSerialGC} (no parallel GC threads to start for a small heap). Both caches need a
 * class path of jars only, so the module directories ({@code target/classes}) are swapped for the
 * jars Maven built from them.
 *
 * @param name      the JVM's label in the rows ({@code default} or {@code aot+c1})
 * @param options   JVM options, before the main class
 * @param classPath the workers' class path
 * @param how       how it is made, for the report
 */
record StorageWorkerJvm(String name, List<String> options, String classPath, String how) {

    static final String DEFAULT = "default";
    static final String TUNED = "aot+c1";

    static StorageWorkerJvm plain() {
        return new StorageWorkerJvm(DEFAULT, List.of(), System.getProperty("java.class.path"),
                "`java -cp CLASSPATH` with no options");
    }

    /**
     * The tuned JVM, its cache made in {@code dir} by one training worker on {@code training} (a
     * database with a study named {@code study}); empty, with the reason, if this JVM cannot.
     */
    static Result tuned(Path dir, String training, Map<String, String> env, String study) {
        Optional<String> jars = jarClassPath(System.getProperty("java.class.path"));
        List<String> c1 = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        int feature = Runtime.version().feature();
        if (jars.isEmpty() || feature < 19) {
            String why = jars.isEmpty() ? "the class path holds directories without a built jar"
                    : "Java " + feature + " has no dynamic class-data archive";
            return new Result(new StorageWorkerJvm(TUNED, c1, System.getProperty("java.class.path"),
                    "`-XX:TieredStopAtLevel=1 -XX:+UseSerialGC` only (no class cache: " + why + ")"), null);
        }
        Path cache = dir.resolve(feature >= 25 ? "worker.aot" : "worker.jsa");
        List<String> record = new ArrayList<>(feature >= 25 ? List.of("-XX:AOTCacheOutput=" + cache)
                : List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cache));
        record.addAll(c1); // trained as it runs
        List<String> use = feature >= 25 ? List.of("-XX:AOTCache=" + cache)
                : List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cache);
        String failure = train(dir, jars.get(), record, training, env, study);
        if (failure != null || !Files.isRegularFile(cache)) {
            return new Result(new StorageWorkerJvm(TUNED, c1, System.getProperty("java.class.path"),
                    "`-XX:TieredStopAtLevel=1 -XX:+UseSerialGC` only (the class cache could not be made: " + failure
                            + ")"), failure);
        }
        List<String> options = new ArrayList<>(use);
        options.addAll(c1);
        String how = (feature >= 25 ? "`-XX:AOTCache=worker.aot`, made once by a training run of the same"
                + " worker (`-XX:AOTCacheOutput=worker.aot`, 200 TPE trials on a study of its own)"
                : "a dynamic CDS archive (`-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=worker.jsa`),"
                + " made by a training run of the same worker") + ", `-XX:TieredStopAtLevel=1` and"
                + " `-XX:+UseSerialGC`, with a class path of jars";
        return new Result(new StorageWorkerJvm(TUNED, List.copyOf(options), jars.get(), how), null);
    }

    /** The tuned JVM, and why its class cache is missing (null if it is not). */
    record Result(StorageWorkerJvm jvm, String failure) {
    }

    /** The options as the report shows them: the cache's file name without its directory. */
    String shownOptions() {
        return String.join(" ", options.stream().map(o -> o.replaceAll("=.*[/\\\\]", "=")).toList());
    }

    /** The command that starts one worker. */
    List<String> command(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    private static String train(Path dir, String classPath, List<String> record, String training,
                                Map<String, String> env, String study) {
        StorageWorkerJvm trainer = new StorageWorkerJvm("training", record, classPath, "");
        ProcessBuilder pb = new ProcessBuilder(trainer.command(StorageWorker.class.getName(),
                List.of(training, study, "tpe", "200", dir.resolve("training.txt").toString())));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("training.log").toFile());
        try {
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return "the training run took over 120 s";
            }
            return p.exitValue() == 0 ? null : "the training run exited with " + p.exitValue();
        } catch (IOException e) {
            return "the training run could not start: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The class path with each {@code target/classes} directory replaced by its module's jar;
     * empty if one has none.
     */
    static Optional<String> jarClassPath(String classPath) {
        List<String> out = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                out.add(entry);
                continue;
            }
            Optional<Path> jar = moduleJar(path);
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            out.add(jar.get().toString());
        }
        return Optional.of(String.join(File.pathSeparator, out));
    }

    private static Optional<Path> moduleJar(Path classes) {
        Path target = classes.getParent();
        if (target == null || !classes.getFileName().toString().equals("classes")) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .filter(f -> !f.getFileName().toString().matches(".*-(tests|sources|javadoc)\\.jar"))
                    .filter(f -> f.toFile().lastModified() >= newestClass(classes))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A jar older than the classes it was built from would run stale code: it is not used. */
    private static long newestClass(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
