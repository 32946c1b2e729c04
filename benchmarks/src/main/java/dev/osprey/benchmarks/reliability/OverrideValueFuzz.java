package dev.osprey.benchmarks.reliability;

import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Overrides;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Generated strings (quotes, backslashes, {@code ;}, backticks, {@code $( )}, spaces, Unicode,
 * leading dashes) as the values of a {@code choice(...)} swept through a launcher: each must reach
 * the program as exactly one argument whose value, read by the override grammar as a Hydra app
 * reads it, is the generated string, and the study must store the string exactly. The program
 * writes its argv, each argument ended by a NUL byte, to a file the suite compares.
 */
final class OverrideValueFuzz implements Scenario {

    /** What a value may hold; as in the command line's own verbatim-values test, plus leading dashes. */
    private static final List<String> ALPHABET = List.of("a", "Z", "0", "7", " ", "'", "\"", "\\", ";", "`", "$", "(",
            ")", "$(", "#", "&", "|", "*", "?", "[", "]", "{", "}", ",", "=", ":", "~", "!", "<", ">", "%", "@", "+",
            "-", ".", "/", "_", "\t", "\u00e9", "\u4e2d", "\ud83d\ude00");
    private static final List<String> LEADING = List.of("", "", "-", "--", "-m", "--help ");
    static final int VALUES = 6;

    private final String launcher;

    OverrideValueFuzz(String launcher) {
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return "override value fuzz (" + launcher + " launcher)";
    }

    @Override
    public String fault() {
        return "generated choice() values through the " + launcher + " launcher";
    }

    @Override
    public Outcome run(Context context) throws Exception {
        if (launcher.equals("tsp") && DiskFullScenario.command(List.of("sh", "-c", "command -v tsp")) != null) {
            return Outcome.skipped(name(), fault(), "task-spooler's tsp is not installed (apt-get install task-spooler)");
        }
        long t0 = System.nanoTime();
        Path dir = context.dir("override-fuzz-" + launcher);
        Context.writeConfig(dir);
        SplittableRandom random = context.random(name());
        Set<String> distinct = new LinkedHashSet<>();
        while (distinct.size() < VALUES) {
            distinct.add(string(random));
        }
        List<String> values = List.copyOf(distinct);
        Backend backend = Backend.h2File(dir.resolve("db").resolve("studies"));
        List<String> args = new ArrayList<>(List.of("run", "-m", "-cp", "conf", "-cn", "app",
                "--storage", backend.location(), "--study", "verbatim", "--launcher", launcher, "--sweeper", "grid",
                "--n-jobs", "2", values.stream().map(OverrideValueFuzz::quoted).collect(Collectors.joining(",", "msg=choice(", ")"))));
        Path socket = dir.resolve("queue").resolve("socket");
        if (launcher.equals("tsp")) {
            Files.createDirectories(socket.getParent());
            args.add("osprey.launcher.socket=" + socket);
        }
        args.addAll(List.of("--", "sh", "-c", "printf '%s\\0' \"$@\" > argv; echo 0.5", "sh", "{overrides}"));
        List<String> problems = new ArrayList<>();
        Driver.Ended ended;
        try {
            ended = context.osprey().run(dir, backend.env(), dir.resolve("logs"), Duration.ofSeconds(120), args);
        } finally {
            if (launcher.equals("tsp")) {
                DiskFullScenario.command(List.of("env", "TS_SOCKET=" + socket, "tsp", "-K"));
            }
        }
        if (ended.exitCode() != 0 || ended.hasStackTrace()) {
            problems.add("the sweep of " + values + " " + ended.describe());
        }
        StudyAudit audit = StudyAudit.of(backend, "verbatim", dir, dir, OptionalInt.of(values.size()), true);
        problems.addAll(audit.problems());
        List<Object> stored = audit.trials().stream().map(t -> t.paramValues().get("msg")).toList();
        if (!stored.equals(values)) {
            problems.add("the study stored " + stored + ", not " + values);
        }
        int survived = 0;
        for (TrialRecord trial : audit.trials()) {
            List<String> trialProblems = new ArrayList<>();
            Object value = trial.paramValues().get("msg");
            if (trial.state() != TrialState.COMPLETE) {
                trialProblems.add("trial " + trial.number() + " [" + value + "] is " + trial.state() + " "
                        + trial.failReason().orElse(""));
            } else {
                Path argv = dir.resolve((String) trial.userAttrs().get("osprey.job_dir")).resolve("argv");
                List<String> received = arguments(argv);
                List<String> msg = received.stream().filter(a -> a.startsWith("msg=")).toList();
                if (msg.size() != 1) {
                    trialProblems.add("trial " + trial.number() + ": " + msg.size() + " msg= arguments in " + received);
                } else {
                    Object readBack = Overrides.plainValue((Element) Overrides.parse(msg.getFirst()).value());
                    if (!value.equals(readBack) || !values.contains(readBack)) {
                        trialProblems.add("trial " + trial.number() + ": the program got " + msg.getFirst()
                                + ", which reads back as [" + readBack + "], for [" + value + "]");
                    }
                }
            }
            if (trialProblems.isEmpty()) {
                survived++;
            }
            problems.addAll(trialProblems);
        }
        context.progress().accept(name() + ": " + survived + "/" + values.size() + " values verbatim; " + audit.states());
        return new Outcome(name(), fault(), values.size(), survived, audit.lost(), audit.doubled(), null, problems,
                (System.nanoTime() - t0) / 1e9);
    }

    private static List<String> arguments(Path file) throws java.io.IOException {
        String written = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<String> argv = Arrays.asList(written.split("\0", -1));
        return argv.subList(0, argv.size() - 1);
    }

    /**
     * A string of up to 8 pieces of the alphabet, sometimes after leading dashes. Strings holding
     * {@code ${} (an interpolation) and {@code ???} (a missing value) are left out: the config
     * layer gives them a meaning, as OmegaConf does.
     */
    private static String string(SplittableRandom random) {
        while (true) {
            StringBuilder text = new StringBuilder(LEADING.get(random.nextInt(LEADING.size())));
            int pieces = random.nextInt(9);
            for (int i = 0; i < pieces; i++) {
                text.append(ALPHABET.get(random.nextInt(ALPHABET.size())));
            }
            String candidate = text.toString();
            if (!candidate.contains("${") && !candidate.equals("???")) {
                return candidate;
            }
        }
    }

    /**
     * The string as a single-quoted override value, by the grammar's rule: a quote ends the value
     * only after an even run of backslashes, so a quote inside gets an odd run, and a run of
     * backslashes before a quote or the end is doubled.
     */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("'");
        int run = 0;
        for (char c : text.toCharArray()) {
            if (c == '\\') {
                run++;
                continue;
            }
            out.append("\\".repeat(c == '\'' ? 2 * run + 1 : run)).append(c);
            run = 0;
        }
        return out.append("\\".repeat(2 * run)).append('\'').toString();
    }
}
