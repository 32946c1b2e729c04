package dev.osprey.examples.launcher;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.LauncherProvider;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.ProgramLauncherContract;
import dev.osprey.launchers.Task;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nice launcher keeps the launcher contract (the kit from the launchers module's test-jar), is
 * found by its name, runs programs at the lower priority and hands its other settings on.
 */
class NiceLauncherTest extends ProgramLauncherContract {

    private static final int NICENESS = 5;

    @Override
    protected Launcher newLauncher(int slots) {
        return Launchers.create("nice", Config.of(Map.of("niceness", NICENESS, "slots", slots, "kill_grace_s", 2)));
    }

    @Test
    void theProviderIsFoundByName() {
        assertTrue(Launchers.available().stream().map(LauncherProvider::name).toList().contains("nice"));
        try (Launcher launcher = Launchers.create("nice", Config.empty())) {
            assertEquals("nice", launcher.name());
        }
    }

    @Test
    void programsRunAtTheLowerPriority() throws Exception {
        // `nice` without arguments prints the niceness it runs at: the job's own
        int ours = nicenessOfAChildOfThisJvm();
        JobResult result = await(launcher(1).submit(job(0, sh("nice"))));
        assertEquals(JobStatus.COMPLETED, result.status(), result.error());
        assertEquals(List.of((double) Math.min(ours + NICENESS, NiceLauncherProvider.MAX_NICENESS)), result.values());
    }

    @Test
    void theOtherSettingsAreTheInnerLaunchers() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> Launchers.create("nice", Config.of(Map.of("niceness", 3, "slots", "many"))));
        assertEquals("process launcher: osprey.launcher.slots must be a whole number, got many", e.getMessage());
        LauncherException unknown = assertThrows(LauncherException.class,
                () -> Launchers.create("nice", Config.of(Map.of("inner", "no-such-launcher"))));
        assertTrue(unknown.getMessage().startsWith("unknown launcher 'no-such-launcher'"), unknown.getMessage());
    }

    @Test
    void aNicenessOutsideZeroToNineteenIsRefused() {
        for (int niceness : new int[] {-1, 20}) {
            LauncherException e = assertThrows(LauncherException.class,
                    () -> Launchers.create("nice", Config.of(Map.of("niceness", niceness))));
            assertEquals("nice launcher: osprey.launcher.niceness must be from 0 to 19, got " + niceness, e.getMessage());
        }
    }

    @Test
    void itCannotRunOnItself() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> Launchers.create("nice", Config.of(Map.of("inner", "nice"))));
        assertTrue(e.getMessage().contains("osprey.launcher.inner must name another launcher"), e.getMessage());
    }

    @Test
    void aJavaTaskIsRefusedAtSubmission() {
        Task java = new Task.JavaTask(context -> new double[] {1.0});
        LauncherException e = assertThrows(LauncherException.class, () -> launcher(1).submit(job(0, java)));
        assertTrue(e.getMessage().contains("runs programs"), e.getMessage());
    }

    private static int nicenessOfAChildOfThisJvm() throws IOException, InterruptedException {
        Process nice = new ProcessBuilder("nice").redirectErrorStream(true).start();
        String printed = new String(nice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, nice.waitFor(), printed);
        return Integer.parseInt(printed);
    }
}
