package dev.osprey.dashboard;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A study larger than the page draws point by point: the scatter plots get a bounded sample, which
 * their notes state with the full count, the best-so-far line keeps every change, and the table
 * comes one page at a time from the server.
 */
class LargeStudyPageTest {

    private static final int TRIALS = 5000;

    @Test
    void aLargeStudyIsSampledWithTheCountsStatedAndItsTablePaged() throws Exception {
        try (Storage storage = Storages.inMemory()) {
            SampleStudies.singleObjective(storage, "large", TRIALS, 3);
            int complete = SampleStudies.completeOf(TRIALS);
            try (Dashboard dashboard = Dashboard.builder(storage).port(0).start();
                 HeadlessChromium browser = HeadlessChromium.start(1400, 1000)) {
                browser.open(dashboard.url().resolve("/study?study=large").toString());
                assertTrue((Boolean) browser.js("return document.getElementById('error').hidden"));

                assertEquals("1000", points(browser, "history"), "history points drawn");
                assertEquals(1000L, seriesLength(browser, "history", 0));
                String history = notes(browser, "history");
                assertTrue(history.contains(String.format("1,000 of %,d points drawn (the best 100", complete)), history);
                double best = ((Number) browser.js("const s = echarts.getInstanceByDom(document.querySelector("
                        + "\"section[data-kind='history'] .chart\")).getOption().series;"
                        + " return Math.min(...s[0].data.map(p => p[1]));")).doubleValue();
                double bestLine = ((Number) browser.js("const s = echarts.getInstanceByDom(document.querySelector("
                        + "\"section[data-kind='history'] .chart\")).getOption().series;"
                        + " return s[1].data[s[1].data.length - 1][1];")).doubleValue();
                assertEquals(bestLine, best, 0.0, "the sample keeps the best trial, where the best line ends");

                assertEquals("1000", points(browser, "slice"), "slice points drawn");
                assertTrue(notes(browser, "slice").contains(String.format("of %,d points drawn", complete)));
                assertEquals(1000L, seriesLength(browser, "parallel-coordinates", 0), "parallel-coordinate lines");
                assertTrue(notes(browser, "parallel-coordinates").contains(String.format("1000 of %d trials", complete)));

                assertEquals(50, browser.driver.findElements(By.cssSelector("#trials tbody tr")).size());
                assertEquals("of " + TRIALS / 50, browser.driver.findElement(By.id("pages")).getText());
                browser.js("const p = document.getElementById('page'); p.value = arguments[0];"
                        + " p.dispatchEvent(new Event('change'));", TRIALS / 50);
                browser.waiting().until(d -> browser.driver.findElements(
                        By.cssSelector("#trials tbody tr[data-number='" + (TRIALS - 1) + "']")).size() == 1);
                assertEquals(50, browser.driver.findElements(By.cssSelector("#trials tbody tr")).size(),
                        "the last page, and only it, from the server");
                assertEquals(List.of(), browser.consoleProblems());
            }
        }
    }

    private static Object points(HeadlessChromium browser, String kind) {
        return browser.js("return document.querySelector(`section[data-kind='${arguments[0]}'] .chart`).dataset.points", kind);
    }

    private static long seriesLength(HeadlessChromium browser, String kind, int series) {
        return (Long) browser.js("return echarts.getInstanceByDom(document.querySelector(`section[data-kind='${arguments[0]}']"
                + " .chart`)).getOption().series[arguments[1]].data.length", kind, series);
    }

    private static String notes(HeadlessChromium browser, String kind) {
        return browser.driver.findElement(By.cssSelector("section[data-kind='" + kind + "'] .charts")).getText();
    }
}
