package dev.osprey.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code osprey.sweeper.cache=true} on the command line: repeated configs reuse their results. */
class CachedTrialsTest {

    @TempDir
    Path work;

    private CliRunner sweep(String... args) throws Exception {
        Files.createDirectories(work.resolve("conf/opt"));
        Files.writeString(work.resolve("conf/app.yaml"), "defaults:\n  - opt: a\n  - _self_\nx: 0\n");
        // two names of one option: their trials have the same config
        Files.writeString(work.resolve("conf/opt/a.yaml"), "lr: 0.1\n");
        Files.writeString(work.resolve("conf/opt/alias.yaml"), "lr: 0.1\n");
        Files.writeString(work.resolve("conf/opt/b.yaml"), "lr: 0.2\n");
        List<String> all = new ArrayList<>(List.of("run", "-m", "-cp", work.resolve("conf").toString(), "-cn", "app",
                "--storage", work.resolve("studies").toString(), "osprey.sweep.dir=" + work.resolve("multirun"),
                "osprey.sweeper.cache=true"));
        all.addAll(Arrays.asList(args));
        // each run leaves a mark, so that the test counts the jobs that really ran
        all.addAll(List.of("--", "sh", "-c", "touch \"" + work + "/ran.$$\"; echo 1", "sh", "{overrides}"));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private long marks() throws Exception {
        try (var files = Files.list(work)) {
            return files.filter(p -> p.getFileName().toString().startsWith("ran.")).count();
        }
    }

    @Test
    void aRandomSweepOfSixPointsRunsEachOnceAndReusesTheRest() throws Exception {
        CliRunner run = sweep("x=choice(1,2,3,4,5,6)", "osprey/sweeper=random", "--n-trials", "15");
        assertEquals(0, run.exitCode(), run.toString());
        long ran = marks();
        assertTrue(ran <= 6, "at most one job per point: " + ran);
        assertTrue(run.out().contains("cached                 " + (15 - ran) + " (same config"), run.out());
        CliRunner trials = CliRunner.run("trials", "app", "--storage", work.resolve("studies").toString());
        assertEquals(0, trials.exitCode(), trials.toString());
        assertEquals(15 - ran, trials.out().lines().filter(l -> l.contains("cached from #")).count(), trials.out());
    }

    @Test
    void aGridWhosePointsRepeatAConfigRunsItOnce() throws Exception {
        CliRunner run = sweep("opt=a,alias,b", "x=1,2");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(4, marks());
        assertTrue(run.out().contains("cached                 2 (same config"), run.out());
    }
}
