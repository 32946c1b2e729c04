package dev.osprey.launchers.docs;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.override.Overrides;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.ProgramCommand;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Checks the reference tables of docs/launchers.md against the code: each launcher's settings against
 * the keys its provider reads, the placeholders against what {@link ProgramCommand} replaces, and the
 * environment variables against what it sets.
 */
class LaunchersDocReferenceTest {

    /** A setting read through {@code LauncherSettings}: {@code s.intValue("slots", ...)} and the like. */
    private static final Pattern SETTING = Pattern.compile("\\b(?:intValue|booleanValue|seconds|string|value)\\(\"([a-z_]+)\"");

    private final Job job = Job.of(7, Task.Program.of("train"), Config.empty(), Overrides.parseAll(List.of("lr=0.1", "model=vit")),
            Path.of("runs", "7"));

    @Test
    void eachLaunchersDocumentedSettingsAreTheOnesItReads() throws IOException {
        Map<String, String> packages = Map.of("in-process", "inprocess", "process", "process", "tsp", "tsp",
                "slurm", "slurm");
        for (Map.Entry<String, String> launcher : packages.entrySet()) {
            Set<String> documented = new TreeSet<>();
            LaunchersDocTest.DOC.table("settings-" + launcher.getKey()).forEach(row -> documented.add(DocBlocks.code(row.get(0))));
            Set<String> read = settingsRead(launcher.getValue());
            if (launcher.getKey().equals("process") || launcher.getKey().equals("tsp")) {
                read.addAll(dev.osprey.launchers.resources.LocalResources.SETTINGS); // their device pools
            }
            assertEquals(read, documented, "the settings of the " + launcher.getKey()
                    + " launcher");
        }
    }

    @Test
    void theDocumentedSettingsErrorIsTheOneUsersGet() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> Launchers.create("process", Config.of(Map.of("slots", "many"))));
        assertEquals(LaunchersDocTest.DOC.block("settings-error").strip(), e.getMessage());
    }

    @Test
    void theDocumentedPlaceholdersAreReplacedAsDescribed() {
        JobFiles files = new JobFiles(job.directory());
        Map<String, List<String>> replaced = Map.of(
                "{config}", List.of(files.config().toString()),
                "{overrides}", List.of("lr=0.1", "model=vit"),
                "{dir}", List.of(job.directory().toString()),
                "{num}", List.of("7"),
                "{result}", List.of(files.objective().toString()));
        Set<String> documented = new TreeSet<>();
        LaunchersDocTest.DOC.table("placeholders").forEach(row -> documented.add(DocBlocks.code(row.get(0))));
        assertEquals(new TreeSet<>(replaced.keySet()), documented);
        for (Map.Entry<String, List<String>> placeholder : replaced.entrySet()) {
            List<String> arguments = ProgramCommand.arguments(Task.Program.of("train", placeholder.getKey()), job);
            assertEquals(placeholder.getValue(), arguments.subList(1, arguments.size()), placeholder.getKey());
        }
    }

    @Test
    void theDocumentedEnvironmentIsWhatProgramsGet() {
        Set<String> documented = new TreeSet<>();
        LaunchersDocTest.DOC.table("environment").forEach(row -> documented.add(DocBlocks.code(row.get(0))));
        Map<String, String> environment = ProgramCommand.environment(Task.Program.of("train"), job);
        assertEquals(new TreeSet<>(environment.keySet()), documented);
        assertEquals("lr=0.1\nmodel=vit", environment.get("OSPREY_OVERRIDES"));
        assertEquals(environment.get("OSPREY_JOB_NUM"), environment.get("OSPREY_TRIAL_NUMBER"));
    }

    /** The setting keys the sources of a launcher's package read. */
    private static Set<String> settingsRead(String pkg) throws IOException {
        Path dir = DocBlocks.repositoryRoot().resolve("launchers/src/main/java/dev/osprey/launchers").resolve(pkg);
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = SETTING.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
