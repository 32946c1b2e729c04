package dev.osprey.launchers.docs;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Job;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherContract;
import dev.osprey.launchers.Pruning;
import dev.osprey.launchers.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps docs/writing-a-launcher.md true: its starter, provider, registration and test are the files of
 * this package and of the test resources, byte for byte (so {@link SerialLauncherTest} runs the starter
 * exactly as shown through the contract kit); the starter stays under 60 lines; the pruning fragment
 * compiles and works; the settings snippet is the process launcher's own code; the list of the
 * contract's checks is the kit's; and the kit's Maven dependencies are those of the example plugin,
 * which names this version of Osprey.
 */
class WritingALauncherDocTest {

    private static final DocBlocks DOC = DocBlocks.read("writing-a-launcher.md");
    private static final Path SOURCES = DocBlocks.repositoryRoot().resolve("launchers/src/test/java/dev/osprey/launchers/docs");

    @TempDir
    Path work;

    @Test
    void everyExampleMarkedAsTestedIsChecked() {
        assertEquals(new TreeSet<>(List.of("launcher-interface", "SerialLauncher.java", "pruning-fragment",
                "SerialLauncherProvider.java", "services-file", "settings-snippet", "kit-dependencies",
                "SerialLauncherTest.java", "contract-checks", "example-files")), DOC.names());
    }

    @Test
    void theStarterIsTheTestedSourceAndShort() throws IOException {
        String starter = DOC.block("SerialLauncher.java");
        assertEquals(Files.readString(SOURCES.resolve("SerialLauncher.java")), starter);
        long lines = starter.lines().count();
        assertTrue(lines < 60, "the starter stays under 60 lines, but has " + lines);
    }

    @Test
    void theProviderRegistrationAndTestAreTheTestedSources() throws IOException {
        assertEquals(Files.readString(SOURCES.resolve("SerialLauncherProvider.java")),
                DOC.block("SerialLauncherProvider.java"));
        assertEquals(Files.readString(SOURCES.resolve("SerialLauncherTest.java")), DOC.block("SerialLauncherTest.java"));
        Path services = DocBlocks.repositoryRoot()
                .resolve("launchers/src/test/resources/META-INF/services/dev.osprey.launchers.LauncherProvider");
        assertEquals(Files.readString(services), DOC.block("services-file"));
    }

    @Test
    void theSettingsSnippetIsTheProcessLaunchersOwnCode() throws IOException {
        String provider = Files.readString(DocBlocks.repositoryRoot()
                .resolve("launchers/src/main/java/dev/osprey/launchers/process/ProcessLauncherProvider.java"));
        assertTrue(provider.contains(DOC.block("settings-snippet")), "ProcessLauncherProvider holds the snippet:\n"
                + DOC.block("settings-snippet"));
    }

    @Test
    void theInterfaceShownIsTheLaunchersAbstractMethods() {
        Set<String> shown = new TreeSet<>();
        Matcher method = Pattern.compile("\\s(\\w+)\\((\\w*)").matcher(DOC.block("launcher-interface"));
        while (method.find()) {
            shown.add(method.group(1) + "(" + method.group(2) + ")");
        }
        Set<String> declared = Arrays.stream(Launcher.class.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()))
                .map(m -> m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",")) + ")")
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, shown);
    }

    @Test
    void theListedChecksAreTheContractKitsTests() {
        Set<String> listed = new TreeSet<>();
        DOC.table("contract-checks").forEach(row -> listed.add(DocBlocks.code(row.get(0))));
        Set<String> tests = java.util.stream.Stream.of(LauncherContract.class, dev.osprey.launchers.ProgramLauncherContract.class)
                .flatMap(kit -> Arrays.stream(kit.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Test.class)).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(tests, listed);
    }

    @Test
    void theKitDependenciesAreThoseOfTheExamplePluginForThisVersion() throws IOException {
        Path root = DocBlocks.repositoryRoot();
        String pom = squeezed(Files.readString(root.resolve("examples/launcher-plugin/pom.xml")));
        Matcher dependency = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL)
                .matcher(DOC.block("kit-dependencies"));
        int shown = 0;
        for (; dependency.find(); shown++) {
            assertTrue(pom.contains(squeezed(dependency.group())), "the example plugin's pom.xml declares\n"
                    + dependency.group());
        }
        assertEquals(3, shown, "the API, the kit and JUnit");
        Matcher version = Pattern.compile("<artifactId>osprey-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        assertTrue(version.find(), "the parent pom has a version");
        assertTrue(pom.contains("<osprey.version>" + version.group(1) + "</osprey.version>"),
                "the example plugin builds against this Osprey, " + version.group(1));
        assertTrue(Files.readString(root.resolve("docs/writing-a-launcher.md"))
                .contains("(this one is `" + version.group(1) + "`)"), "the page names this version");
    }

    @Test
    void theExamplePluginsFilesAreThere() {
        Path example = DocBlocks.repositoryRoot().resolve("examples/launcher-plugin");
        List<List<String>> rows = DOC.table("example-files");
        assertEquals(5, rows.size());
        rows.forEach(row -> assertTrue(Files.isRegularFile(example.resolve(DocBlocks.code(row.get(0)))),
                "examples/launcher-plugin/" + DocBlocks.code(row.get(0))));
    }

    /** XML with the whitespace between elements taken out. */
    private static String squeezed(String xml) {
        return xml.replaceAll(">\\s+<", "><").strip();
    }

    @Test
    void thePruningFragmentPassesValuesOnAndStopsWhenTold() throws Exception {
        String source = """
                import dev.osprey.launchers.*;
                import dev.osprey.launchers.protocol.*;
                import java.io.*;
                import java.nio.file.*;
                import java.util.*;

                public class PruningFragment {
                    final Job job; final JobFiles files; final Process process;
                    JobResult stopped;
                    Optional<List<Double>> last = Optional.empty();
                    public final List<String> stops = new ArrayList<>();

                    public PruningFragment(Job job, Process process) {
                        this.job = job; this.files = new JobFiles(job.directory()); this.process = process;
                    }

                    void stop(JobStatus status, String why) {
                        stops.add(status + ": " + why);
                        stopped = JobResult.ended(job.number(), status, why, OptionalInt.empty(),
                                java.time.Duration.ZERO, Optional.empty());
                    }

                    public Optional<List<Double>> follow() throws IOException {
                """ + DOC.block("pruning-fragment") + """
                        return last;
                    }
                }
                """;
        JavaPrograms.compile(work, "PruningFragment", source);
        List<Double> seen = new ArrayList<>();
        Pruning stopAtStepOne = (step, value) -> {
            seen.add(value);
            return step >= 1;
        };
        Job job = Job.of(0, Task.Program.of("sh"), Config.empty(), List.of(), work).withPruning(stopAtStepOne);
        Process process = new ProcessBuilder("sh", "-c", "for i in 0 1 2; do echo \"osprey:report $i 5$i\"; done;"
                + " echo 0.5").start();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> fragment = loader.loadClass("PruningFragment");
            Object follower = fragment.getConstructor(Job.class, Process.class).newInstance(job, process);
            Object last = fragment.getMethod("follow").invoke(follower);
            assertEquals(Optional.of(List.of(0.5)), last);
            assertEquals(List.of("PRUNED: pruned at step 1"), fragment.getField("stops").get(follower));
        }
        assertEquals(List.of(50.0, 51.0), seen, "no value reaches the pruning after it said stop");
        assertEquals(4, Files.readAllLines(work.resolve("stdout.log")).size());
    }
}
