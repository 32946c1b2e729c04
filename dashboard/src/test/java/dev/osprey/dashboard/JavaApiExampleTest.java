package dev.osprey.dashboard;

import dev.osprey.dashboard.plot.Chart;
import dev.osprey.dashboard.plot.ImportanceChoice;
import dev.osprey.dashboard.plot.PlotKind;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java example of docs/dashboard.md, which must appear here line by line (CliDocsTest checks). */
class JavaApiExampleTest {

    @TempDir
    Path reports;

    @Test
    void theDocsJavaExampleWritesAPlotAndServesTheDashboard() throws Exception {
        try (Storage storage = Storages.inMemory()) {
            SampleStudies.singleObjective(storage, "training", 40, 5);
            Plots.of(storage).study("training").kind(PlotKind.SLICE).params(List.of("x"))
                    .size(1200, 400).write(reports.resolve("slice.svg"));
            List<Chart> charts = Plots.of(storage).study("training").kind(PlotKind.HISTORY).charts();

            try (Dashboard dashboard = Dashboard.builder(storage).port(0)
                    .importance(ImportanceChoice.fanova(0)).start()) {
                System.out.println("open " + dashboard.url());
                assertTrue(dashboard.url().toString().startsWith("http://127.0.0.1:"), dashboard.url().toString());
            }
            assertTrue(Files.readString(reports.resolve("slice.svg")).contains("Slice Plot: x"));
            assertEquals(SampleStudies.completeOf(40), charts.get(0).pointCount());
        }
    }
}
