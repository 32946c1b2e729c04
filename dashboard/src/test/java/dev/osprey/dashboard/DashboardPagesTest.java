package dev.osprey.dashboard;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages in headless Chromium: they load without console errors, draw every point, and filter the table. */
class DashboardPagesTest {

    private static final int TRIALS = 300;
    private static Storage storage;
    private static Dashboard dashboard;
    private static HeadlessChromium browser;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path jobs;

    @BeforeAll
    static void serve() throws Exception {
        storage = Storages.inMemory();
        SampleStudies.singleObjective(storage, "single", TRIALS, 1);
        SampleStudies.twoObjectives(storage, "double", 120, 2);
        SampleStudies.withJobDirectory(storage, "swept", jobs);
        var limited = dev.osprey.optimizer.Study.builder().name("limited").storage(storage).heartbeatOff().seed(4)
                .create();
        var trial = limited.ask();
        trial.suggestFloat("x", 0, 1);
        trial.setConstraints(new java.util.LinkedHashMap<>(java.util.Map.of("memory_gb", -12.9)));
        limited.tell(trial, 1.0);
        dashboard = Dashboard.builder(storage).port(0).start();
        browser = HeadlessChromium.start(1400, 1000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        dashboard.close();
        storage.close();
    }

    private static String page(String path) {
        return dashboard.url().resolve(path).toString();
    }

    private long firstSeriesLength(String kind) {
        return (Long) browser.js("return echarts.getInstanceByDom(document.querySelector(`section[data-kind='${arguments[0]}']"
                + " .chart`)).getOption().series[0].data.length", kind);
    }

    /** The marks of a chart's first series, or of all its scatter series (shaded points are split by shade). */
    private long chartPoints(String kind, int chart) {
        return (Long) browser.js("const el = document.querySelectorAll(`section[data-kind='${arguments[0]}'] .chart`)[arguments[1]];"
                + " if (!el) return -1; const series = echarts.getInstanceByDom(el).getOption().series;"
                + " const scatter = series.filter(s => s.type === 'scatter');"
                + " return scatter.length ? scatter.reduce((n, s) => n + s.data.length, 0) : series[0].data.length;", kind, chart);
    }

    @Test
    void theStudiesPageListsEveryStudyWithItsCounts() {
        browser.open(page("/"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#studies tbody tr"));
        assertEquals(4, rows.size());
        String single = rows.stream().map(WebElement::getText).filter(t -> t.startsWith("single")).findFirst().orElseThrow();
        assertTrue(single.contains(" " + TRIALS + " ") && single.contains(" " + SampleStudies.completeOf(TRIALS) + " "), single);
        browser.driver.findElement(By.id("name-filter")).sendKeys("doub");
        assertEquals(1, browser.driver.findElements(By.cssSelector("#studies tbody tr")).size());
        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void theStudyPageDrawsEveryPanelWithTheExpectedPoints() {
        browser.open(page("/study?study=single"));
        assertEquals(List.of(), browser.consoleProblems());
        assertTrue((Boolean) browser.js("return document.getElementById('error').hidden"));
        int complete = SampleStudies.completeOf(TRIALS);
        assertEquals(complete, chartPoints("history", 0), "history points");
        assertEquals(complete, chartPoints("parallel-coordinates", 0), "parallel-coordinate lines");
        assertEquals(complete, chartPoints("slice", 0), "slice points of one parameter");
        assertEquals(100, chartPoints("edf", 0), "EDF points");
        assertEquals(4, chartPoints("importance", 0), "importance bars: x, y, c, n");
        assertEquals("x", browser.js("return echarts.getInstanceByDom(document.querySelector(\"section[data-kind='importance'] .chart\"))"
                + ".getOption().yAxis[0].data[0]"), "x matters most to x^2 + 0.1 y + 5 c");
        assertTrue(firstSeriesLength("contour") > 4, "contour cells");
        assertEquals(complete, chartPoints("contour", 0), "the trials on the contour");
        assertTrue(chartPoints("intermediate", 0) > 0, "intermediate values");
        assertTrue(chartPoints("timeline", 0) > 0, "timeline bars");
        assertEquals(50, browser.driver.findElements(By.cssSelector("#trials tbody tr")).size(), "a page of the table");
    }

    @Test
    void filteringByStateAndParameterRangeNarrowsTheTable() {
        browser.open(page("/study?study=single"));
        String total = browser.driver.findElement(By.id("trial-total")).getText();
        assertTrue(total.startsWith("(" + TRIALS + " shown"), total);
        for (String state : List.of("COMPLETE", "RUNNING", "FAIL", "WAITING")) {
            browser.driver.findElement(By.cssSelector("input[name=state][value=" + state + "]")).click();
        }
        int pruned = (int) java.util.stream.IntStream.range(0, TRIALS).filter(n -> n % 10 == 9 && n % 25 != 24).count();
        browser.waiting().until(d -> browser.driver.findElement(By.id("trial-total")).getText()
                .startsWith("(" + pruned + " shown"));
        assertTrue(browser.driver.findElements(By.cssSelector("#trials tbody td.state-PRUNED")).size() > 0);
        assertEquals(0, browser.driver.findElements(By.cssSelector("#trials tbody td.state-COMPLETE")).size());
        browser.driver.findElement(By.cssSelector("input[name=state][value=COMPLETE]")).click();
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("range-param"))).selectByVisibleText("x");
        browser.driver.findElement(By.id("range-min")).sendKeys("0");
        browser.driver.findElement(By.id("range-max")).sendKeys("1\t");
        int complete = SampleStudies.completeOf(TRIALS);
        browser.waiting().until(d -> !browser.driver.findElement(By.id("trial-total")).getText()
                .startsWith("(" + (complete + pruned) + " shown"));
        browser.waiting().until(d -> {
            List<Double> xs = column(5); // number, state, value, then c, n, x, y
            return !xs.isEmpty() && xs.size() < 50 && xs.stream().allMatch(x -> x >= 0 && x <= 1);
        });
        String shown = browser.driver.findElement(By.id("trial-total")).getText();
        assertTrue(Integer.parseInt(shown.substring(1, shown.indexOf(' '))) < complete / 5, shown);
        assertEquals(List.of(), browser.consoleProblems());
    }

    private static List<Double> column(int index) {
        return browser.driver.findElements(By.cssSelector("#trials tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(index).getText())
                .map(Double::parseDouble).toList();
    }

    @Test
    void aMultiObjectiveStudyShowsItsParetoFront() {
        browser.open(page("/study?study=double"));
        assertEquals(SampleStudies.completeOf(120), chartPoints("pareto-front", 0), "the front and the other trials");
        assertTrue(firstSeriesLength("pareto-front") > 0 && firstSeriesLength("pareto-front") < SampleStudies.completeOf(120));
        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void theTrialPageShowsParamsValuesAndIntermediateValues() {
        browser.open(page("/trial?study=single&number=3"));
        String summary = browser.driver.findElement(By.id("summary")).getText();
        assertTrue(summary.contains("COMPLETE"), summary);
        String params = browser.driver.findElement(By.id("params")).getText();
        assertTrue(params.contains("x (") && params.contains("c ("), params);
        assertEquals(3L, browser.js("return echarts.getInstanceByDom(document.getElementById('intermediate'))"
                + ".getOption().series[0].data.length"));
        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void theTrialPageShowsConstraintsByName() {
        browser.open(page("/trial?study=limited&number=0"));
        String summary = browser.driver.findElement(By.id("summary")).getText();
        assertTrue(summary.contains("constraint memory_gb (<= 0 holds) -12.9"), summary);
        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void theTrialPageShowsItsJobDirectoryConfigOverridesAndTheTailOfItsLogs() {
        browser.open(page("/trial?study=swept&number=0"));
        assertTrue(browser.driver.findElement(By.id("job-dir")).getText().endsWith("multirun/0"));
        assertTrue(browser.driver.findElement(By.cssSelector("pre[data-file=config]")).getText().contains("model: resnet"));
        assertTrue(browser.driver.findElement(By.cssSelector("pre[data-file=overrides]")).getText().contains("optimizer.lr=0.01"));
        String stdout = browser.driver.findElement(By.cssSelector("pre[data-file=stdout]")).getText();
        assertTrue(stdout.startsWith("... (last 16 KiB)") && stdout.endsWith("validation loss 0.42")
                && !stdout.contains("epoch 1 loss"), "the tail of stdout.log");
        assertTrue(browser.driver.findElement(By.cssSelector("pre[data-file=stderr]")).getText().contains("a warning"));
        assertEquals(List.of(), browser.consoleProblems());
    }
}
