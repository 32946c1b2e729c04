package dev.osprey.benchmarks;

import dev.osprey.dashboard.Dashboard;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The dashboard in headless Chromium: time to the first complete render of a study page for
 * studies of 1,000 to 100,000 trials, where complete means that every chart the page shows has
 * drawn (each ECharts instance fired {@code finished}) and the table's first page is in place, as
 * the page reports it with {@code performance.now()} from navigation start; the latency from a
 * {@code tell} to the trial shown in the open page (the page stamps the time the trial count, the
 * history chart and the table showed it); and the heap the dashboard adds for the largest study.
 * A load that takes longer than {@link #PATIENCE_S} is recorded as timed out, not dropped.
 */
final class DashboardSuite {

    static final double TARGET_10K_S = 1.0;
    static final double TARGET_100K_S = 3.0;
    static final double TARGET_LIVE_S = 1.0;
    static final int PATIENCE_S = 120;
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private DashboardSuite() {
    }

    static String report(boolean quick, List<Map<String, Object>> rows, List<String> notes, Consumer<String> progress)
            throws Exception {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the dashboard suite needs Chromium and chromedriver (apt-get install"
                    + " chromium chromium-driver)");
        }
        System.setProperty("SE_OFFLINE", "true");
        int[] sizes = {1_000, 10_000, 100_000};
        int runs = quick ? 2 : 5;
        Path profile = Files.createTempDirectory("osprey-bench-chromium");
        ChromeDriver driver = browser(profile);
        try {
            warmBrowser(driver);
            for (int size : sizes) {
                try (Storage storage = Storages.inMemory()) {
                    fill(storage, "bench", size, 1);
                    System.gc();
                    long before = heap();
                    try (Dashboard dashboard = Dashboard.builder(storage).port(0).start()) {
                        String url = dashboard.url().resolve("/study?study=bench").toString();
                        // the first load computes every panel on the server; later loads of the unchanged
                        // study are answered from the server's per-version cache, and the browser keeps ECharts
                        double first = open(driver, url);
                        rows.add(Row.of("system", "osprey", "metric", "first_render_s", "trials", size, "seconds",
                                first, "timed_out", Double.isNaN(first)));
                        double[] seconds = new double[runs];
                        for (int r = 0; r < runs && !Double.isNaN(first); r++) {
                            seconds[r] = open(driver, url);
                        }
                        if (Double.isNaN(first) || java.util.Arrays.stream(seconds).anyMatch(Double::isNaN)) {
                            progress.accept(size + " trials: a load timed out after " + PATIENCE_S + " s");
                            rows.add(Row.of("system", "osprey", "metric", "render_s", "trials", size,
                                    "timed_out", true, "patience_s", PATIENCE_S));
                        } else {
                            progress.accept(size + " trials: first load " + Markdown.fixed(first, 3)
                                    + " s, then median " + Markdown.fixed(Stats.median(seconds), 3) + " s");
                            rows.add(Row.withQuartiles(Row.of("system", "osprey", "metric", "render_s", "trials", size,
                                    "timed_out", false), seconds, "runs"));
                        }
                        double[] server = new double[runs];
                        for (int r = 0; r < runs; r++) {
                            server[r] = serverSeconds(dashboard.url(), r);
                        }
                        rows.add(Row.withQuartiles(Row.of("system", "osprey", "metric", "server_s", "trials", size),
                                server, "runs"));
                        if (size == sizes[sizes.length - 1]) {
                            System.gc();
                            long after = heap();
                            rows.add(Row.of("system", "osprey", "metric", "heap_mb", "trials", size,
                                    "study_mb", before / 1e6, "dashboard_mb", (after - before) / 1e6));
                            progress.accept("heap: study " + before / 1_000_000 + " MB, dashboard adds "
                                    + (after - before) / 1_000_000 + " MB");
                        }
                        if (size == sizes[0]) {
                            rows.add(live(driver, storage, url, quick ? 5 : 20, progress));
                        }
                    }
                }
            }
        } finally {
            driver.quit();
        }
        notes.add("Studies in memory (the storage is not what is measured here), written through the Storage API:"
                + " 4 parameters (float, log float, categorical, int), 3 intermediate values each, 1 in 10 PRUNED,"
                + " 1 in 25 FAIL. The browser first loads a small study's page three times (so that it holds ECharts"
                + " compiled, as a returning user's does). A first load per size (given on its own: the server"
                + " computes every panel), then "
                + runs + " loads; median [q25, q75]. Fully rendered: every chart the page shows has drawn (ECharts'"
                + " finished event) and the table's first page is in place; charts of large studies draw a bounded"
                + " sample, which they state.");
        notes.add("Headless Chromium (Debian) with a 1400x1000 window, driven by WebDriver; the page and the"
                + " server share the machine. The server's time to answer the page's JSON requests one after another"
                + " (no browser) is given beside the render time, so that the browser's share shows.");
        notes.add("Load average when the suite ended: " + loadAverage() + " (" + Runtime.getRuntime().availableProcessors()
                + " processors).");
        return render(rows);
    }

    /**
     * Loads a small study's page three times, unrecorded: Chromium keeps the compiled code of a
     * script it has run twice, so that every measured load finds ECharts compiled, as a returning
     * user's browser does, and the first size measured is not the only one to pay for it.
     */
    private static void warmBrowser(ChromeDriver driver) {
        try (Storage storage = Storages.inMemory()) {
            fill(storage, "warm-up", 20, 2);
            try (Dashboard dashboard = Dashboard.builder(storage).port(0).start()) {
                for (int i = 0; i < 3; i++) {
                    open(driver, dashboard.url().resolve("/study?study=warm-up").toString());
                }
            }
        }
    }

    /**
     * The server's time to answer the page's JSON requests one after another (no browser), each
     * computed afresh: a parameter the server ignores makes every request new to its cache.
     */
    private static double serverSeconds(java.net.URI base, int run) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        List<String> paths = new ArrayList<>(List.of("/api/study?study=bench", "/api/trials?study=bench&page=0&size=50"));
        for (String kind : List.of("history", "importance", "parallel-coordinates", "edf", "intermediate", "timeline")) {
            paths.add("/api/chart?study=bench&kind=" + kind);
        }
        paths.add("/api/chart?study=bench&kind=slice&params=c");
        paths.add("/api/chart?study=bench&kind=contour&params=c,n");
        long t0 = System.nanoTime();
        for (String path : paths) {
            java.net.http.HttpResponse<byte[]> response = client.send(java.net.http.HttpRequest.newBuilder(
                    base.resolve(path + "&run=" + run)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static ChromeDriver browser(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        // a 100,000-trial page keeps the browser busy: WebDriver's default 30 s script timeout is too short for that
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10)).pageLoadTimeout(Duration.ofMinutes(10));
        return driver;
    }

    /**
     * Loads the page; seconds from navigation start to the page's first complete render, or NaN when
     * it did not render within {@link #PATIENCE_S}.
     */
    private static double open(ChromeDriver driver, String url) {
        driver.get("about:blank");
        driver.get(url);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(PATIENCE_S), Duration.ofMillis(10)).until(d ->
                    js(d, "return document.body.dataset.firstRenderMs || ''").toString().length() > 0
                    || !(Boolean) js(d, "return document.getElementById('error').hidden"));
        } catch (org.openqa.selenium.TimeoutException e) {
            return Double.NaN;
        }
        Object error = js(driver, "return document.getElementById('error').hidden ? '' : document.getElementById('error').textContent");
        if (!error.toString().isEmpty()) {
            throw new IllegalStateException("the study page showed an error: " + error);
        }
        return Double.parseDouble(js(driver, "return document.body.dataset.firstRenderMs").toString()) / 1000;
    }

    private static Map<String, Object> live(ChromeDriver driver, Storage storage, String url, int tells,
                                            Consumer<String> progress) {
        open(driver, url);
        StudyInfo study = storage.findStudy("bench").orElseThrow();
        double[] seconds = new double[tells];
        for (int i = 0; i < tells; i++) {
            int expected = Integer.parseInt(js(driver, "return document.body.dataset.trials").toString()) + 1;
            TrialRecord trial = storage.startTrial(study.id(), Integer.MAX_VALUE, Instant.now()).orElseThrow();
            storage.setParam(trial.id(), "x", new Param(Distribution.floats(-10, 10), 0.5));
            long told = System.currentTimeMillis();
            storage.finishTrial(trial.id(), TrialState.COMPLETE, List.of(0.25), null, Instant.now());
            wait(driver).until(d -> js(d, "return document.body.dataset.trials").toString().equals("" + expected));
            long shown = Long.parseLong(js(driver, "return document.body.dataset.renderedAt").toString());
            seconds[i] = (shown - told) / 1000.0;
        }
        progress.accept("live update median " + Markdown.fixed(Stats.median(seconds), 3) + " s");
        return Row.withQuartiles(Row.of("system", "osprey", "metric", "live_s", "trials", 1_000), seconds, "tells");
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(600), Duration.ofMillis(10));
    }

    private static Object js(org.openqa.selenium.WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long heap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void fill(Storage storage, String name, int trials, long seed) {
        StudyInfo study = storage.createStudy(name, List.of(Direction.MINIMIZE), Map.of());
        Random random = new Random(seed);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < trials; i++) {
            Instant start = t0.plusSeconds(i * 10L);
            TrialRecord trial = storage.startTrial(study.id(), Integer.MAX_VALUE, start).orElseThrow();
            double x = -10 + 20 * random.nextDouble();
            double y = Math.pow(10, -3 + 4 * random.nextDouble());
            int c = random.nextInt(3);
            storage.setParam(trial.id(), "x", new Param(Distribution.floats(-10, 10), x));
            storage.setParam(trial.id(), "y", new Param(Distribution.logFloats(1e-3, 10), y));
            storage.setParam(trial.id(), "c", new Param(Distribution.choices(List.of("a", "b", "c")), c));
            storage.setParam(trial.id(), "n", new Param(Distribution.ints(0, 10), random.nextInt(11)));
            double value = x * x + 0.1 * y + 5 * c;
            if (i % 25 == 24) {
                storage.finishTrial(trial.id(), TrialState.FAIL, List.of(), "failed on purpose", start.plusSeconds(7));
                continue;
            }
            for (int step = 0; step < 3; step++) {
                storage.reportIntermediate(trial.id(), step, value * (3 - step));
            }
            storage.finishTrial(trial.id(), i % 10 == 9 ? TrialState.PRUNED : TrialState.COMPLETE,
                    i % 10 == 9 ? List.of() : List.of(value), null, start.plusSeconds(5 + random.nextInt(10)));
        }
    }

    static String render(List<Map<String, Object>> rows) {
        List<List<String>> targets = new ArrayList<>();
        List<List<String>> times = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String metric = Row.str(row, "metric");
            int trials = ((Number) row.get("trials")).intValue();
            switch (metric) {
                case "render_s" -> {
                    boolean timedOut = Boolean.TRUE.equals(row.get("timed_out"));
                    double median = timedOut ? Double.NaN : Row.num(row, "median");
                    String shown = timedOut ? "> " + PATIENCE_S + " s (timed out)" : Markdown.fixed(median, 3) + " s (median)";
                    times.add(List.of(String.format("%,d", trials), timedOut ? shown : Markdown.quartiles(row)));
                    if (trials == 10_000 || trials == 100_000) {
                        double target = trials == 10_000 ? TARGET_10K_S : TARGET_100K_S;
                        targets.add(List.of("study page of " + String.format("%,d", trials) + " trials fully rendered < "
                                + Markdown.fixed(target, 0) + " s", shown, !timedOut && median < target ? "met" : "**missed**"));
                    }
                }
                case "first_render_s" -> times.add(List.of(String.format("%,d", trials) + " (first load: server caches cold)",
                        Boolean.TRUE.equals(row.get("timed_out")) ? "> " + PATIENCE_S + " s (timed out)"
                                : Markdown.fixed(Row.num(row, "seconds"), 3)));
                case "server_s" -> times.add(List.of(String.format("%,d", trials) + " (server only)",
                        Markdown.quartiles(row)));
                case "live_s" -> {
                    double median = Row.num(row, "median");
                    targets.add(List.of("a told trial shown in the open page < 1 s", Markdown.fixed(median, 3)
                            + " s (median; " + Markdown.quartiles(row) + ")", median < TARGET_LIVE_S ? "met" : "**missed**"));
                }
                case "heap_mb" -> targets.add(List.of("server heap for a " + String.format("%,d", trials) + "-trial study",
                        Markdown.fixed(Row.num(row, "study_mb") + Row.num(row, "dashboard_mb"), 0) + " MB: the heap with the study loaded ("
                                + Markdown.fixed(Row.num(row, "study_mb"), 0) + " MB, mostly its trials, which the dashboard"
                                + " keeps in memory; here it shares them with the in-memory storage) and "
                                + Markdown.fixed(Row.num(row, "dashboard_mb"), 0) + " MB of its own", "measured"));
                default -> throw new IllegalStateException(metric);
            }
        }
        return "\n### Targets\n\n" + Markdown.table(List.of("target", "osprey", "verdict"), targets)
                + "\n### First complete render of the study page\n\n"
                + Markdown.table(List.of("trials", "seconds: median [q25, q75]"), times);
    }
}
