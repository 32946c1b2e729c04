package dev.osprey.dashboard;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium and chromedriver, driven by plain WebDriver, offline: Selenium Manager is never
 * asked to find or download anything. Tests that need it skip when Chromium is missing, except on
 * CI ({@code CI=true}), where a missing browser fails them.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** A guard against a hung page, not a timing claim. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    public final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(int width, int height) throws IOException {
        profile = Files.createTempDirectory("osprey-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** A browser, or a skipped test when this machine has none (a failed one on CI). */
    public static HeadlessChromium start(int width, int height) throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI needs Chromium and chromedriver (" + BROWSER + ", " + DRIVER + "): .ci/run installs the Debian"
                    + " packages chromium and chromium-driver");
        }
        assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
        return new HeadlessChromium(width, height);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Opens a page and waits until it says it has rendered everything. */
    public void open(String url) {
        driver.get(url);
        waitUntilRendered();
    }

    public void waitUntilRendered() {
        waiting().until(d -> "true".equals(js("return document.body.dataset.rendered || ''"))
                || !(Boolean) js("return document.getElementById('error').hidden"));
    }

    /** The browser console's warnings and errors since the last call. */
    public List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** For the file picker of screenshots. */
    public byte[] screenshot() {
        return driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    }

    /** The unused WebDriver type, named for callers that want the plain interface. */
    public WebDriver webDriver() {
        return driver;
    }
}
