package dev.osprey.dashboard;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.studydb.H2Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trial told by another process (its own JVM, through an H2 server shared with the dashboard)
 * appears in the open study page without a reload.
 */
class LiveUpdatesTest {

    private static final String PASSWORD = "Dashboard-Live-2026";

    @TempDir
    Path dir;

    @Test
    void aTrialToldByAnotherProcessAppearsInTheOpenPage() throws Exception {
        try (H2Server server = H2Server.builder().directory(dir).port(0).user("osprey").password(PASSWORD).start();
             Storage storage = server.connect()) {
            SampleStudies.singleObjective(storage, "shared", 30, 4);
            try (Dashboard dashboard = Dashboard.builder(storage).port(0).start();
                 HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
                browser.open(dashboard.url().resolve("/study?study=shared").toString());
                browser.js("window.ospreyMarker = 'not reloaded'");
                assertEquals("30", browser.js("return document.body.dataset.trials"));
                long before = (Long) browser.js("return echarts.getInstanceByDom(document.querySelector("
                        + "\"section[data-kind='history'] .chart\")).getOption().series[0].data.length");

                Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), TellFromAnotherProcess.class.getName(),
                        server.url(), "osprey", PASSWORD, "shared", "-123.5").redirectErrorStream(true).start();
                assertTrue(worker.waitFor(120, TimeUnit.SECONDS), "the worker finished");
                String said = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, worker.exitValue(), said);
                assertTrue(said.contains("told trial 30"), said);

                browser.waiting().until(d -> "31".equals(browser.js("return document.body.dataset.trials")));
                browser.waitUntilRendered();
                assertEquals("not reloaded", browser.js("return window.ospreyMarker"));
                assertEquals(before + 1, browser.js("return echarts.getInstanceByDom(document.querySelector("
                        + "\"section[data-kind='history'] .chart\")).getOption().series[0].data.length"));
                List<Double> ys = ((List<?>) browser.js("return echarts.getInstanceByDom(document.querySelector("
                        + "\"section[data-kind='history'] .chart\")).getOption().series[0].data.map(p => p[1])"))
                        .stream().map(v -> ((Number) v).doubleValue()).toList();
                assertTrue(ys.contains(-123.5), ys.toString());
                assertEquals(1, browser.driver.findElements(By.cssSelector("#trials tbody tr[data-number='30']")).size(),
                        "the new trial is on the table's first page (31 trials, 50 a page)");
                assertEquals(List.of(), browser.consoleProblems());
            }
        }
    }

}
