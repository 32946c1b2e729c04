package dev.osprey.sweeper.docs;

import dev.osprey.launchers.docs.DocBlocks;
import dev.osprey.launchers.docs.JavaPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples of docs/sweeps.md, compiled and run as the page shows them. */
class SweepsDocTest {

    private static final DocBlocks PAGE = DocBlocks.read("sweeps.md");

    @TempDir
    Path work;

    @Test
    void everyExampleMarkedAsTestedIsChecked() {
        assertEquals(Set.of("SweepTrain.java", "sweep-output"), PAGE.names());
    }

    @Test
    void theSweepExamplePrintsTheDocumentedTable() throws Exception {
        Files.writeString(work.resolve("train.sh"), DocBlocks.read("launchers.md").block("train.sh"));
        JavaPrograms.compile(work, "SweepTrain", PAGE.block("SweepTrain.java"));
        String printed = JavaPrograms.run(work, "SweepTrain");
        assertEquals(withoutWallTime(PAGE.block("sweep-output")), withoutWallTime(printed));
        assertTrue(Files.isRegularFile(work.resolve("runs/sweep/0/.osprey/config.yaml")), "the job factory writes the config");
    }

    private static String withoutWallTime(String table) {
        return table.lines().map(l -> l.replaceAll("^(wall time\\s+)\\S+ s$", "$1N s"))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
