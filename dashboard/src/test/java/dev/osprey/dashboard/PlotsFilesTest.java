package dev.osprey.dashboard;

import dev.osprey.dashboard.plot.PlotKind;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every plot kind written to PNG (a real, non-blank image of the asked size) and SVG (valid XML with its points). */
class PlotsFilesTest {

    private static final int TRIALS = 60;

    @TempDir
    Path dir;
    private Storage storage;

    @BeforeEach
    void study() {
        storage = Storages.inMemory();
        SampleStudies.singleObjective(storage, "single", TRIALS, 1);
        SampleStudies.twoObjectives(storage, "double", TRIALS, 2);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private Plots plots(PlotKind kind) {
        return Plots.of(storage).study(kind == PlotKind.PARETO_FRONT ? "double" : "single").kind(kind)
                                .clock(Clock.fixed(SampleStudies.START.plusSeconds(TRIALS * 10L), ZoneOffset.UTC)).size(900, 500);
    }

    @ParameterizedTest
    @EnumSource(PlotKind.class)
    void eachKindWritesAPngThatIsNotBlank(PlotKind kind) throws Exception {
        Path file = plots(kind).write(dir.resolve(kind.cliName() + ".png"));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(500, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 5, kind + " drew " + colours.size() + " colours: a blank image");
    }

    @ParameterizedTest
    @EnumSource(PlotKind.class)
    void eachKindWritesAnSvgWithOnePointMarkPerPlottedPoint(PlotKind kind) throws Exception {
        Plots plots = plots(kind);
        Path file = plots.write(dir.resolve(kind.cliName() + ".svg"));
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        int expected = plots.charts().stream().mapToInt(c -> c.pointCount()).sum();
        assertEquals(expected, svg.getElementsByTagName("circle").getLength(), kind.cliName());
        int complete = SampleStudies.completeOf(TRIALS);
        switch (kind) {
            case HISTORY, CONTOUR -> assertEquals(complete, expected);
            case SLICE -> assertEquals(4 * complete, expected);
            case PARETO_FRONT -> assertEquals(complete, expected);
            default -> assertEquals(0, expected);
        }
        assertTrue(svg.getElementsByTagName("text").getLength() > 0, "labels");
    }

    @Test
    void aTrialPrunedAtItsFirstReportIsAPointOfTheLearningCurves() throws Exception {
        try (dev.osprey.optimizer.Study study = dev.osprey.optimizer.Study.builder().name("curves").storage(storage)
                .heartbeatOff().seed(1).create()) {
            var full = study.ask();
            full.suggestFloat("x", 0, 1);
            full.report(1, 0.5);
            full.report(2, 0.3);
            study.tell(full, 0.3);
            var stopped = study.ask();
            stopped.suggestFloat("x", 0, 1);
            stopped.report(1, 0.9);
            study.tell(stopped, dev.osprey.optimizer.trial.TrialState.PRUNED);
        }
        Plots plots = Plots.of(storage).study("curves").kind(PlotKind.INTERMEDIATE).size(600, 400);
        assertEquals(1, plots.charts().stream().mapToInt(c -> c.pointCount()).sum());
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(plots.write(dir.resolve("curves.svg")).toFile());
        var circles = svg.getElementsByTagName("circle");
        assertEquals(1, circles.getLength(), "the pruned trial's one value");
        assertEquals("#ff7f0e", ((org.w3c.dom.Element) circles.item(0)).getAttribute("fill"), "in the pruned colour");
    }

    @Test
    void theFileTypeComesFromItsExtension() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> plots(PlotKind.HISTORY).write(dir.resolve("history.jpg")));
        assertTrue(error.getMessage().contains(".png or .svg"), error.getMessage());
    }

    @Test
    void anUnknownStudyIsNamedWithTheOnesThereAre() {
        RuntimeException error = assertThrows(RuntimeException.class,
                () -> Plots.of(storage).study("nope").write(dir.resolve("x.png")));
        assertTrue(error.getMessage().contains("nope") && error.getMessage().contains("single"), error.getMessage());
    }

    @Test
    void anUnknownKindListsTheKinds() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PlotKind.parse("pie"));
        assertTrue(error.getMessage().contains("parallel-coordinates"), error.getMessage());
        assertEquals(List.of(PlotKind.values()), List.of(PlotKind.values()).stream().map(k -> PlotKind.parse(k.cliName())).toList());
    }
}
