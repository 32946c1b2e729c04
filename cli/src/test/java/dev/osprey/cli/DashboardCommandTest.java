package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code osprey plot} writes files; {@code osprey dashboard} serves this machine only unless told otherwise. */
class DashboardCommandTest {

    @TempDir
    Path work;
    private String database;

    @BeforeEach
    void study() {
        database = work.resolve("db/studies").toString();
        try (Storage storage = Storages.open(database)) {
            StudyInfo study = storage.createStudy("plotted", List.of(Direction.MINIMIZE), Map.of());
            for (int i = 0; i < 20; i++) {
                Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 10L);
                TrialRecord trial = storage.startTrial(study.id(), Integer.MAX_VALUE, start).orElseThrow();
                double x = i - 10;
                storage.setParam(trial.id(), "x", new Param(Distribution.floats(-10, 10), x));
                storage.setParam(trial.id(), "y", new Param(Distribution.floats(0, 1), i / 20.0));
                storage.finishTrial(trial.id(), TrialState.COMPLETE, List.of(x * x), null, start.plusSeconds(5));
            }
        }
    }

    @Test
    void plotWritesAPngAndAnSvg() throws Exception {
        Path png = work.resolve("out/history.png");
        CliRunner run = CliRunner.run("plot", "history", "plotted", "-o", png.toString(), "--storage", database,
                "--size", "640x480");
        assertEquals(0, run.exitCode(), run::toString);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        Path svg = work.resolve("contour.svg");
        run = CliRunner.run("plot", "contour", "plotted", "-o", svg.toString(), "--storage", database);
        assertEquals(0, run.exitCode(), run::toString);
        String text = Files.readString(svg);
        assertEquals(20, text.split("<circle class=\"point\"", -1).length - 1, "one mark per trial");
    }

    @Test
    void plotNamesTheKindsAndTheStudiesWhenOneIsWrong() {
        CliRunner run = CliRunner.run("plot", "pie", "plotted", "-o", work.resolve("p.png").toString(), "--storage", database);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("pareto-front") && !run.err().contains("\tat "), run.err());
        run = CliRunner.run("plot", "edf", "nope", "-o", work.resolve("p.png").toString(), "--storage", database);
        assertTrue(run.exitCode() != 0 && run.err().contains("plotted"), run::toString);
    }

    @Test
    void theDashboardRefusesAnAddressOtherMachinesReachUnlessAllowed() {
        CliRunner run = CliRunner.run("dashboard", "--host", "0.0.0.0", "--port", "0", "--storage", database);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--allow-others"), run.err());
    }

    @Test
    void theDashboardServesTheStudiesAtTheUrlItPrints() throws Exception {
        Process dashboard = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OspreyCli.class.getName(), "dashboard", "--port", "0",
                "--storage", database).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(dashboard.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertNotNull(line, "the dashboard printed its URL");
            assertTrue(line.contains(" at http://127.0.0.1:") && line.endsWith("(Ctrl-C stops it)"), line);
            String url = line.substring(line.indexOf("http://"), line.indexOf(" (Ctrl-C"));
            HttpResponse<String> studies = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url).resolve("/api/studies")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, studies.statusCode());
            assertTrue(studies.body().contains("\"name\":\"plotted\"") && studies.body().contains("\"trials\":20"),
                    studies.body());
        } finally {
            dashboard.destroy();
            assertTrue(dashboard.waitFor(60, TimeUnit.SECONDS), "the dashboard stopped");
        }
    }
}
