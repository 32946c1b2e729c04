package dev.osprey.cli.docs;

import dev.osprey.cli.OspreyCli;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.TrialPrunedException;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.pruner.Pruner;
import dev.osprey.optimizer.pruner.Pruners;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.sampler.cmaes.RestartStrategy;
import dev.osprey.optimizer.sampler.qmc.QmcType;
import dev.osprey.optimizer.sampler.tpe.TpeBuilder;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;
import dev.osprey.studydb.StudyExport;
import dev.osprey.optimizer.storage.StudyTransfer;
import dev.osprey.studydb.H2Server;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the examples of the command-line docs, so that they cannot drift from the code: every
 * {@code osprey ...} line of a block marked {@code <!-- tested -->} runs through
 * {@link OspreyCli#run} in this JVM and must exit as marked, and the output shown after it must
 * appear (see {@link CliDocBlocks} for the markers). Each page runs, block after block, in a fresh
 * copy of {@code examples/training}, the directory the pages tell readers to work in.
 *
 * <p>A JVM cannot change its working directory, so each command is given what a process started in
 * that copy would see: relative paths in options, path settings and the program after {@code --}
 * are resolved there, and the defaults that depend on the working directory (the config folder
 * {@code conf}, the study database {@code ./osprey-studies/studies}, the output folders
 * {@code outputs/} and {@code multirun/}) are passed explicitly. Blocks marked
 * {@code <!-- tested bash -->} run in a real shell there instead.
 *
 * <p>The Java snippets of the pages are the bodies of the {@code @Test} methods below; a
 * {@code java check=...} block must appear line by line in the file it names.
 */
class CliDocsTest {

    static final List<String> PAGES = List.of("docs/cli.md", "docs/samplers-and-pruners.md", "docs/storage.md",
            "docs/migrating-from-hydra-optuna.md", "docs/README.md", "docs/sweeps.md", "docs/launchers.md", "docs/dashboard.md");
    static final Path ROOT = repositoryRoot();
    private static final Set<String> STORAGE_COMMANDS = Set.of("run", "studies", "trials", "best", "export",
            "create-study", "delete-study", "ask", "tell", "collect", "demo", "importance", "watch", "plot", "dashboard");
    private static final Set<String> PATH_OPTIONS = Set.of("--storage", "-cp", "--config-path", "-cd", "--config-dir",
            "-o", "--output", "--dir");
    private static final List<String> PATH_SETTINGS = List.of("osprey.sweeper.storage=", "osprey.run.dir=",
            "osprey.sweep.dir=", "osprey.launcher.socket=");

    @TempDir
    Path temp;

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("launchers")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @TestFactory
    Stream<DynamicNode> everyCommandExampleRuns() {
        return PAGES.stream().map(page -> {
            Path work = temp.resolve(page.replace('/', '-').replace(".md", ""));
            String markdown;
            try {
                markdown = Files.readString(ROOT.resolve(page));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + page, e);
            }
            List<CliDocBlocks.Block> blocks = CliDocBlocks.parse(markdown);
            // the blocks of a page build on each other: without python3 none of the page's commands runs
            boolean python = markdown.contains("python3");
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("set up " + work.getFileName(), () -> {
                copyExample(ROOT.resolve("examples").resolve("training"), work);
                if (markdown.contains("../hydra-optuna") && !Files.exists(work.resolveSibling("hydra-optuna"))) {
                    copyExample(ROOT.resolve("examples").resolve("hydra-optuna"), work.resolveSibling("hydra-optuna"));
                }
            }));
            for (CliDocBlocks.Block block : blocks) {
                String name = page + ":" + block.line();
                if (block.language().equals("yaml") && block.attribute("file").isPresent()) {
                    tests.add(DynamicTest.dynamicTest(name + " (file)", () -> writeFile(work, block)));
                } else if ((block.language().equals("java") || block.language().equals("yaml"))
                        && block.attribute("check").isPresent()) {
                    tests.add(DynamicTest.dynamicTest(name + " (java)", () -> checkJava(block)));
                } else if (block.language().equals("sh") && block.tested()) {
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        assumeTrue(!python || onPath("python3"), "python3 is not installed");
                        runBlock(work, block);
                    }));
                } else if (block.language().equals("sh") && !block.marker().startsWith("not tested")
                        && CliDocBlocks.commands(block.content()).stream().anyMatch(c -> c.matches("(.*\\s)?osprey\\s.*"))) {
                    tests.add(DynamicTest.dynamicTest(name + " (unmarked)", () -> fail(page + " line " + block.line()
                            + ": an osprey command example without <!-- tested --> or <!-- not tested: why -->")));
                }
            }
            tests.add(DynamicTest.dynamicTest("clean up " + work.getFileName(), () -> stopQueues(work)));
            return DynamicContainer.dynamicContainer(page, tests);
        });
    }

    // ------------------------------------------------------------------ running blocks

    private static void copyExample(Path example, Path work) throws IOException {
        try (Stream<Path> files = Files.walk(example)) {
            for (Path from : files.sorted().toList()) {
                Path to = work.resolve(example.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    private static void writeFile(Path work, CliDocBlocks.Block block) throws IOException {
        Path file = work.resolve(block.attribute("file").orElseThrow());
        Files.createDirectories(file.getParent());
        Files.writeString(file, block.content());
    }

    private static void checkJava(CliDocBlocks.Block block) throws IOException {
        String check = block.attribute("check").orElseThrow();
        Path source = check.equals("CliDocsTest")
                ? ROOT.resolve("cli/src/test/java/dev/osprey/cli/docs/CliDocsTest.java") : ROOT.resolve(check);
        List<String> have = Files.readAllLines(source).stream().map(String::strip).toList();
        int from = 0;
        for (String want : block.content().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int found = have.subList(from, have.size()).indexOf(want);
            if (found < 0) {
                fail("line " + block.line() + ": '" + want + "' is not in " + source + " (after line " + from + ")");
            }
            from += found + 1;
        }
    }

    private static void runBlock(Path work, CliDocBlocks.Block block) throws Exception {
        requireTools(block.content());
        if (block.bash()) {
            runBash(work, block);
            return;
        }
        runInProcess(work, block).ifPresent(problem -> fail(problem));
    }

    /** Runs the block's commands in this JVM; empty when they all did what the page says. */
    private static Optional<String> runInProcess(Path work, CliDocBlocks.Block block) {
        List<String> commands = CliDocBlocks.commands(block.content());
        List<String> output = new ArrayList<>();
        StringBuilder transcript = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) {
            String command = commands.get(i);
            List<String> words = CliDocBlocks.words(command);
            if (words.isEmpty() || !words.get(0).equals("osprey")) {
                throw new AssertionError("line " + block.line() + ": only osprey commands run in a tested sh block"
                        + " (mark it 'tested bash' for other commands): " + command);
            }
            String[] args = emulate(words.subList(1, words.size()), work).toArray(String[]::new);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = OspreyCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String stdout = out.toString(StandardCharsets.UTF_8);
            String stderr = err.toString(StandardCharsets.UTF_8);
            output.addAll(stdout.lines().toList());
            output.addAll(stderr.lines().toList());
            transcript.append("$ ").append(command).append("\n  as ").append(String.join(" ", args))
                    .append("\n--- exit ").append(code).append("\n--- stdout:\n").append(stdout)
                    .append("--- stderr:\n").append(stderr);
            int want = i == commands.size() - 1 ? block.lastExit() : 0;
            if (code != want) {
                return Optional.of("line " + block.line() + ": '" + command + "' exited " + code + ", the page says "
                        + want + "\n" + transcript);
            }
        }
        if (block.expected().isPresent()) {
            Optional<String> missing = CliDocBlocks.missing(block.expected().get().content(), output);
            if (missing.isPresent()) {
                return Optional.of("line " + block.line() + ": the output lacks '" + missing.get() + "'\n" + transcript);
            }
        }
        return Optional.empty();
    }

    /**
     * The arguments a process started in {@code work} would amount to: relative paths resolved
     * there, and the working-directory defaults made explicit.
     */
    static List<String> emulate(List<String> words, Path work) {
        int dashes = words.indexOf("--");
        List<String> own = new ArrayList<>(dashes < 0 ? words : words.subList(0, dashes));
        List<String> program = dashes < 0 ? List.of() : words.subList(dashes + 1, words.size());
        String command = own.isEmpty() ? "" : own.get(0);
        if (command.equals("server")) {
            throw new AssertionError("'osprey server' runs until stopped: show it in a 'tested bash' block");
        }
        for (int i = 1; i < own.size(); i++) {
            String word = own.get(i);
            if (PATH_OPTIONS.contains(word) && i + 1 < own.size()) {
                own.set(i + 1, CliDocBlocks.absolute(own.get(i + 1), work));
            }
            for (String option : PATH_OPTIONS) {
                if (word.startsWith(option + "=")) {
                    own.set(i, option + "=" + CliDocBlocks.absolute(word.substring(option.length() + 1), work));
                }
            }
            for (String setting : PATH_SETTINGS) {
                if (word.startsWith(setting)) {
                    own.set(i, setting + CliDocBlocks.absolute(word.substring(setting.length()), work));
                }
            }
        }
        boolean showOnly = has(own, "-c", "--cfg", "-i", "--info", "-h", "--help");
        if (STORAGE_COMMANDS.contains(command) && !has(own, "--storage") && !showOnly
                && own.stream().noneMatch(w -> w.startsWith("osprey.sweeper.storage="))) {
            own.addAll(1, List.of("--storage", work.resolve("osprey-studies/studies").toString()));
        }
        if (command.equals("run") || command.equals("__complete") && own.size() > 1 && own.get(1).equals("run")) {
            if (!has(own, "-cp", "--config-path", "-cd", "--config-dir")) {
                Path conf = work.resolve("conf");
                own.addAll(command.equals("run") ? 1 : 2, List.of("-cp", (Files.isDirectory(conf) ? conf : work).toString()));
            }
        }
        if (command.equals("run") && !showOnly) {
            addSetting(own, "osprey.run.dir=", work.resolve("outputs") + "/${now:yyyy-MM-dd}/${now:HH-mm-ss}");
            addSetting(own, "osprey.sweep.dir=", work.resolve("multirun") + "/${now:yyyy-MM-dd}/${now:HH-mm-ss}");
            if (own.contains("osprey/launcher=tsp") || own.contains("--launcher") && own.contains("tsp")) {
                // a queue the clean-up step can stop: the private default queue outlives a detached sweep
                addSetting(own, "osprey.launcher.socket=", work.resolve(".tsp/socket").toString());
            }
        }
        List<String> out = new ArrayList<>(own);
        if (dashes >= 0) {
            out.add("--");
            for (String argument : program) {
                boolean path = !argument.isEmpty() && !argument.startsWith("-") && !argument.contains("{")
                        && !argument.contains("=") && Files.exists(work.resolve(argument));
                out.add(path ? work.resolve(argument).normalize().toString() : argument);
            }
        }
        return out;
    }

    private static boolean has(List<String> words, String... options) {
        for (String option : options) {
            if (words.stream().anyMatch(w -> w.equals(option) || w.startsWith(option + "="))) {
                return true;
            }
        }
        return false;
    }

    private static void addSetting(List<String> own, String setting, String value) {
        if (own.stream().noneMatch(w -> w.startsWith(setting))) {
            own.add(setting + value);
        }
    }

    private static void runBash(Path work, CliDocBlocks.Block block) throws Exception {
        Path bin = work.resolve(".bin");
        Files.createDirectories(bin);
        Path osprey = bin.resolve("osprey");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(osprey, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' dev.osprey.cli.OspreyCli \"$@\"\n");
        osprey.toFile().setExecutable(true);
        if (block.marker().matches("tested\\b.*\\bhydra\\b.*")) {
            hydraPython(bin);
        }
        Path script = work.resolve(".block-" + block.line() + ".sh");
        Files.writeString(script, "set -euo pipefail\n" + block.content());
        Path log = work.resolve(".block-" + block.line() + ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("OSPREY_"));
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = pb.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(ended, "line " + block.line() + ": the bash block did not end within 60 s\n" + output);
        assertEquals(block.lastExit(), process.exitValue(), "line " + block.line() + ": exit code\n" + output);
        if (block.expected().isPresent()) {
            Optional<String> missing = CliDocBlocks.missing(block.expected().get().content(), output.lines().toList());
            assertTrue(missing.isEmpty(), "line " + block.line() + ": the output lacks '" + missing.orElse("")
                    + "'\n" + output);
        }
    }

    /**
     * {@code python3} as a Hydra app's own environment has it: the real Hydra 1.3.2 importable (blocks
     * marked {@code tested bash hydra}; skipped without it, failed under CI=true).
     */
    private static void hydraPython(Path bin) throws IOException {
        String python = System.getenv("OSPREY_HYDRA_PYTHON");
        String path = System.getenv("OSPREY_HYDRA_PYTHONPATH");
        dev.osprey.launchers.internal.RemoteTesting.require(python != null && path != null,
                "real Hydra 1.3.2 is not set up (OSPREY_HYDRA_PYTHON, OSPREY_HYDRA_PYTHONPATH); bin/test sets it up"
                        + " with scripts/hydra-peer.sh");
        Path launcher = bin.resolve("python3");
        Files.writeString(launcher, "#!/bin/sh\nPYTHONPATH=\"${PYTHONPATH:+$PYTHONPATH:}" + path + "\" exec '" + python
                + "' \"$@\"\n");
        launcher.toFile().setExecutable(true);
    }

    private static void requireTools(String content) {
        if (content.contains("launcher=tsp")) {
            assumeTrue(onPath("tsp"), "task-spooler (tsp) is not installed");
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Stops the task-spooler queues that a page's detached sweeps left running. */
    private static void stopQueues(Path work) throws Exception {
        if (!Files.isDirectory(work) || !onPath("tsp")) {
            return;
        }
        List<Path> sockets;
        try (Stream<Path> files = Files.walk(work)) {
            sockets = files.filter(p -> p.getFileName().toString().equals("socket") && !Files.isRegularFile(p)
                    && !Files.isDirectory(p)).toList();
        }
        for (Path socket : sockets) {
            ProcessBuilder pb = new ProcessBuilder("tsp", "-K").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("TS_SOCKET", socket.toString());
            pb.start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ the Java snippets of the pages

    @Test
    void cmaesAndQmcAsThePageBuildsThem() {
        Sampler cmaes = Samplers.cmaesBuilder().restartStrategy(RestartStrategy.IPOP).withMargin(true).build();
        Sampler halton = Samplers.qmcBuilder().type(QmcType.HALTON).scramble(false).build();

        for (Sampler sampler : List.of(cmaes, halton)) {
            try (Study study = Study.builder().sampler(sampler).seed(3).create()) {
                study.optimize(trial -> Math.pow(trial.suggestFloat("x", -5, 5) - 1, 2)
                        + Math.pow(trial.suggestInt("n", 1, 9) - 4, 2), 30);
                assertEquals(30, study.trials().size());
                assertTrue(study.bestValue() < 5, sampler + ": " + study.bestValue());
            }
        }
    }

    @Test
    void samplersAsThePageBuildsThem() {
        Sampler tpe = Samplers.tpe();
        Sampler likeOptuna = TpeBuilder.optunaDefaults().build();
        Sampler asOptuna31 = Samplers.tpeOptuna();
        Sampler tuned = Samplers.tpeBuilder().nStartupTrials(20).nEiCandidates(48).build();
        Sampler independent = Samplers.tpeBuilder().multivariate(false).build();
        Sampler random = Samplers.random();
        Sampler gp = Samplers.gpBuilder().nStartupTrials(5).deterministicObjective(true).build();
        Sampler auto = Samplers.autoBuilder().gpMaxTrials(100).build();
        Sampler grid = Samplers.grid(Map.of("lr", List.of(1e-3, 1e-2, 1e-1), "layers", List.of(2, 4)));
        Sampler listed = Samplers.grid(List.of(Map.of("model", "linear", "lr", 0.1), Map.of("model", "tree", "depth", 4)));

        for (Sampler sampler : List.of(tpe, likeOptuna, asOptuna31, tuned, independent, random, gp, auto)) {
            try (Study study = Study.builder().sampler(sampler).seed(3).create()) {
                study.optimize(trial -> Math.pow(trial.suggestFloat("x", -5, 5) - 1, 2), 15);
                assertEquals(15, study.trials().size());
            }
        }
        try (Study study = Study.builder().sampler(grid).create()) {
            study.optimize(trial -> trial.suggestCategorical("lr", 1e-3, 1e-2, 1e-1)
                    * trial.suggestCategorical("layers", 2, 4), 100);
            assertEquals(6, study.trials().size(), "a grid stops when every point ran");
        }
        try (Study study = Study.builder().sampler(listed).create()) {
            study.optimize(trial -> switch (trial.suggestCategorical("model", "linear", "tree")) {
                case "linear" -> trial.suggestFloat("lr", 0, 1);
                default -> trial.suggestInt("depth", 1, 8);
            }, 100);
            assertEquals(List.of(Map.of("model", "linear", "lr", 0.1), Map.of("model", "tree", "depth", 4)),
                    study.trials().stream().map(TrialRecord::paramValues).toList(), "the points in their order");
        }
    }

    @Test
    void prunersAsThePageBuildsThem() {
        Pruner median = Pruners.median(5, 10, 1);
        Pruner quartile = Pruners.percentile(25.0, 5, 10, 1, 3);
        Pruner asha = Pruners.successiveHalving(1, 4, 0, 0);
        Pruner hyperband = Pruners.hyperband(1, 100, 3);
        Pruner threshold = Pruners.threshold(null, 2.0);
        Pruner patient = Pruners.patient(Pruners.median(), 3, 0.001);
        Pruner none = Pruners.none();
        for (Pruner pruner : List.of(median, quartile, asha, hyperband, threshold, patient, none)) {
            assertTrue(pruner != null);
        }
    }

    @Test
    void aPrunedStudyAsThePageRunsIt() {
        try (Study study = Study.builder().name("pruned").sampler(Samplers.tpe())
                .pruner(Pruners.median(5, 10, 1)).seed(1).create()) {
            study.optimize(trial -> {
                double lr = trial.suggestFloat("lr", 1e-4, 1e-1, true);
                double loss = 0;
                for (int epoch = 1; epoch <= 50; epoch++) {
                    loss = Math.pow(Math.log10(lr) + 2.5, 2) + 1.0 / epoch;
                    trial.report(epoch, loss);
                    if (trial.shouldPrune()) {
                        throw new TrialPrunedException("pruned at epoch " + epoch);
                    }
                }
                return loss;
            }, 40);
            long pruned = study.trials().stream().filter(t -> t.state() == TrialState.PRUNED).count();
            assertEquals(40, study.trials().size());
            assertTrue(pruned > 0, "the median pruner stops some of 40 trials");
        }
    }

    @Test
    void theStorageSnippetsOfThePage() throws IOException {
        String location = temp.resolve("java-snippets/studies").toString();
        String copyTo = temp.resolve("java-snippets/copy").toString();
        String secret = "not-a-real-secret";
        Path dir = temp.resolve("java-snippets/served");

        try (Storage storage = Storages.open(location);
             Study study = Study.builder().name("lr-search").storage(storage).seed(7)
                     .heartbeat(Duration.ofSeconds(10), Duration.ofSeconds(60)).retryFailedTrials(2)
                     .createOrLoad()) {
            study.optimize(trial -> trial.suggestFloat("lr", 1e-4, 1e-1, true), 10);
        }

        try (Storage from = Storages.open(location);
             Storage to = Storages.open(copyTo)) {
            StudyTransfer.copy(from, "lr-search", to);
            String csv = StudyExport.csv(to, "lr-search");
            assertTrue(csv.startsWith("number,state,value,params_lr"), csv);
        }

        try (H2Server server = H2Server.builder().directory(dir).port(0).password(secret).start();
             Storage storage = server.connect();
             Study study = Study.builder().name("served").storage(storage).direction(Direction.MAXIMIZE).create()) {
            study.optimize(trial -> trial.suggestFloat("x", 0, 1), 5);
            List<TrialRecord> trials = study.trials();
            assertEquals(5, trials.size());
            assertTrue(server.url().startsWith("jdbc:h2:tcp://127.0.0.1:"), server.url());
        }
        assertTrue(Files.exists(dir.resolve("studies.mv.db")));
    }
}
