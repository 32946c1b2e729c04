package dev.osprey.dashboard;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dashboard open on the H2 file of a running sweep (another JVM, which serves the file) does not
 * keep the sweep from ending: the sweep closes while the page is open, and the page then shows the
 * sweep's last trials, read from the file the dashboard reopened.
 */
class DashboardOutlivesSweepTest {

    @TempDir
    Path dir;

    @Test
    void aSweepEndsWhileItsDashboardIsOpenAndThePageShowsItsLastTrials() throws Exception {
        Path file = dir.resolve("studies");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriteStudyFile.class.getName(), file.toString(), "swept",
                "20", "15").redirectError(dir.resolve("writer.stderr").toFile()).start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
             OutputStream tell = writer.getOutputStream()) {
            assertEquals("opened 20", said.readLine(), "the writer has the file open");
            try (Storage storage = Storages.openExisting(file.toString());
                 Dashboard dashboard = Dashboard.builder(storage).port(0).start();
                 HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
                browser.open(dashboard.url().resolve("/study?study=swept").toString());
                assertEquals("20", browser.js("return document.body.dataset.trials"));

                tell.write("go on\n".getBytes(StandardCharsets.UTF_8));
                tell.flush();
                // the dashboard is still open: a writer that waited for it would never get here
                assertTrue(writer.waitFor(HeadlessChromium.PATIENCE.toSeconds(), TimeUnit.SECONDS),
                        "the writer ended while the dashboard was open");
                assertEquals(0, writer.exitValue());
                assertEquals("closed", said.readLine());
                String warnings = Files.readString(dir.resolve("writer.stderr"));
                assertFalse(warnings.contains("still uses the study file"), warnings);

                browser.waiting().until(d -> "35".equals(browser.js("return document.body.dataset.trials")));
                browser.waitUntilRendered();
                assertEquals(1, browser.driver.findElements(org.openqa.selenium.By.cssSelector(
                        "#trials tbody tr[data-number='34']")).size(), "the sweep's last trial is in the table");
                assertTrue((Boolean) browser.js("return document.getElementById('error').hidden"));
                assertEquals(List.of(), browser.consoleProblems());
            }
        } finally {
            writer.destroyForcibly();
        }
    }
}
