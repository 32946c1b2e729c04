package dev.osprey.dashboard;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes the screenshots of docs/dashboard.md: the studies, study and trial pages of sample studies
 * in headless Chromium. Run with the folder to write to (docs/images).
 */
public final class DashboardScreenshots {

    private DashboardScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        try (Storage storage = Storages.inMemory()) {
            SampleStudies.singleObjective(storage, "branin-tpe", 400, 1);
            SampleStudies.twoObjectives(storage, "accuracy-vs-latency", 200, 2);
            StudyInfo running = SampleStudies.singleObjective(storage, "resnet-sweep", 40, 3);
            storage.startTrial(running.id(), Integer.MAX_VALUE, SampleStudies.START.plusSeconds(400));
            SampleStudies.withJobDirectory(storage, "hydra-app", Files.createTempDirectory("osprey-screenshots"));
            try (Dashboard dashboard = Dashboard.builder(storage).port(0).start();
                 HeadlessChromium browser = HeadlessChromium.start(1400, 500)) {
                shoot(browser, dashboard, "/", out.resolve("dashboard-studies.png"));
                browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2200));
                shoot(browser, dashboard, "/study?study=branin-tpe", out.resolve("dashboard-study.png"));
                browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1300));
                shoot(browser, dashboard, "/trial?study=hydra-app&number=0", out.resolve("dashboard-trial.png"));
            }
        }
    }

    private static void shoot(HeadlessChromium browser, Dashboard dashboard, String path, Path file) throws Exception {
        browser.open(dashboard.url().resolve(path).toString());
        Files.write(file, browser.screenshot());
        System.out.println("wrote " + file);
    }
}
