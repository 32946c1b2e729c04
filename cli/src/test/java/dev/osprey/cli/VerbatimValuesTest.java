package dev.osprey.cli;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.override.Overrides;
import dev.osprey.composer.yaml.YamlLoader;
import dev.osprey.launchers.internal.Commands;
import dev.osprey.launchers.internal.RemoteTesting;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values reach a job exactly as they were given: a choice's string, whatever it holds, arrives as
 * one argument of the program, in the config file and in the study, through {@code osprey run -m}
 * on the process and task-spooler launchers.
 */
class VerbatimValuesTest {

    /** Writes its arguments, each ended by a NUL byte, to argv in its job directory, and reports 0.5. */
    private static final List<String> PROGRAM = List.of("sh", "-c", "printf '%s\\0' \"$@\" > argv; echo 0.5", "sh",
            "{config}", "{overrides}");

    /**
     * What a choice may hold here: quotes, backslashes, shell syntax, spaces, the override grammar's
     * own characters and non-ASCII text (one emoji is two chars).
     */
    private static final List<String> ALPHABET = List.of("a", "Z", "0", "7", " ", "'", "\"", "\\", ";", "`", "$", "(",
            ")", "$(", "#", "&", "|", "*", "?", "[", "]", "{", "}", ",", "=", ":", "~", "!", "<", ">", "%", "@", "+",
            "-", ".", "/", "_", "\t", "\u00e9", "\u4e2d", "\ud83d\ude00");

    @TempDir
    Path work;

    @BeforeEach
    void config() throws IOException {
        Files.createDirectories(work.resolve("conf"));
        Files.writeString(work.resolve("conf").resolve("app.yaml"), "msg: none\nnote: none\n");
    }

    @Test
    void quotedChoicesRunEveryTrial() throws IOException {
        CliRunner run = sweep("process", "grid", "quotes", List.of("msg=choice(\"it's\", \";x\", \"`x`\")"));
        assertEquals(0, run.exitCode(), run.toString());
        List<TrialRecord> trials = trials("quotes");
        assertEquals(List.of("it's", ";x", "`x`"), trials.stream().map(t -> t.paramValues().get("msg")).toList());
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), trial.failReason().orElse(""));
            assertEquals(trial.paramValues().get("msg"), composedConfig(trial).getString("msg"));
        }
    }

    @Test
    void aStudyNameWithABackslashIsKeptAsGiven() {
        CliRunner run = sweep("process", "grid", "back\\slash 'quoted'", List.of("msg=a,b"));
        assertEquals(0, run.exitCode(), run.toString());
        try (Storage storage = Storages.open(storage())) {
            assertTrue(storage.findStudy("back\\slash 'quoted'").isPresent(), () -> "studies: " + storage.studySummaries());
        }
    }

    static Stream<Arguments> sweeps() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3}) {
            for (String launcher : List.of("process", "tsp")) {
                for (String sampler : List.of("grid", "random")) {
                    cases.add(Arguments.of(seed, launcher, sampler));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1} launcher, {2} sampler")
    @MethodSource("sweeps")
    void anyStringOfAChoiceReachesTheProgramTheConfigAndTheStudyVerbatim(long seed, String launcher, String sampler)
            throws IOException {
        if (launcher.equals("tsp")) {
            RemoteTesting.require(Commands.find("tsp").isPresent(),
                    "task-spooler's tsp is not on PATH; the verbatim values test runs on it too (apt-get install task-spooler)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<String> choices = distinctStrings(random, 4);
        String note = string(random);
        String choice = choices.stream().map(VerbatimValuesTest::quoted).collect(Collectors.joining(",", "choice(", ")"));
        CliRunner run = sweep(launcher, sampler, "verbatim", List.of("msg=" + choice, "note=" + quoted(note)));
        assertEquals(0, run.exitCode(), () -> "choices " + choices + ", note '" + note + "': " + run);
        List<TrialRecord> trials = trials("verbatim");
        assertEquals(choices.size(), trials.size());
        if (sampler.equals("grid")) {
            assertEquals(choices, trials.stream().map(t -> t.paramValues().get("msg")).toList(), "every choice, in order");
        }
        for (TrialRecord trial : trials) {
            assertEquals(TrialState.COMPLETE, trial.state(), () -> trial.failReason().orElse(""));
            Object stored = trial.paramValues().get("msg");
            assertTrue(choices.contains(stored), () -> "the study stored '" + stored + "', none of " + choices);
            List<String> argv = arguments(trial);
            Path jobDir = Path.of((String) trial.userAttrs().get("osprey.job_dir"));
            assertEquals(jobDir.resolve(".osprey").resolve("config.yaml").toString(), argv.getFirst(), "{config}");
            Config config = Config.of(YamlLoader.loadConfig(Path.of(argv.getFirst())));
            assertEquals(stored, config.getString("msg"), "the config file");
            assertEquals(note, config.getString("note"), "a fixed override in the config file");
            assertEquals(List.of(stored), readBack(argv, "msg="), () -> "one argument for msg in " + argv);
            assertEquals(List.of(note), readBack(argv, "note="), () -> "one argument for note in " + argv);
        }
    }

    private CliRunner sweep(String launcher, String sampler, String study, List<String> overrides) {
        List<String> args = new ArrayList<>(List.of("run", "-m", "-cp", work.resolve("conf").toString(), "-cn", "app",
                "--storage", storage(), "--study", study, "--launcher", launcher, "--sweeper", sampler,
                "--n-trials", "4", "--n-jobs", "2", "osprey.sweep.dir=" + work.resolve("multirun")));
        args.addAll(overrides);
        args.add("--");
        args.addAll(PROGRAM);
        return CliRunner.run(args.toArray(String[]::new));
    }

    private String storage() {
        return work.resolve("db").resolve("studies").toString();
    }

    private List<TrialRecord> trials(String study) {
        try (Storage s = Storages.open(storage());
             Study loaded = Study.builder().name(study).storage(s).heartbeatOff().load()) {
            return loaded.trials();
        }
    }

    private static Config composedConfig(TrialRecord trial) {
        Path dir = Path.of((String) trial.userAttrs().get("osprey.job_dir"));
        return Config.of(YamlLoader.loadConfig(dir.resolve(".osprey").resolve("config.yaml")));
    }

    /** The arguments the trial's program received, as it wrote them. */
    private static List<String> arguments(TrialRecord trial) throws IOException {
        Path dir = Path.of((String) trial.userAttrs().get("osprey.job_dir"));
        String written = new String(Files.readAllBytes(dir.resolve("argv")), StandardCharsets.UTF_8);
        List<String> argv = Arrays.asList(written.split("\0", -1));
        return argv.subList(0, argv.size() - 1);
    }

    /** The values of the arguments that start with {@code prefix}, read by the override grammar as Hydra would. */
    private static List<Object> readBack(List<String> argv, String prefix) {
        return argv.stream().filter(a -> a.startsWith(prefix))
                .map(a -> Overrides.plainValue((Element) Overrides.parse(a).value())).toList();
    }

    private static List<String> distinctStrings(SplittableRandom random, int count) {
        Set<String> strings = new LinkedHashSet<>();
        while (strings.size() < count) {
            strings.add(string(random));
        }
        return List.copyOf(strings);
    }

    /**
     * A string of up to 8 pieces of the alphabet. Two kinds are left out, because the config layer
     * gives them a meaning, as OmegaConf does: a string holding {@code ${} (an interpolation) and the
     * string {@code ???} (a missing value).
     */
    private static String string(SplittableRandom random) {
        while (true) {
            StringBuilder text = new StringBuilder();
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
     * The string as a single-quoted override value, written here by the grammar's rule rather than by
     * the code under test: a quote ends the value only after an even run of backslashes, so a quote
     * inside gets an odd run, and a run of backslashes before a quote or the end is doubled.
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
