package dev.osprey.examples;

import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.TrialPrunedException;
import dev.osprey.optimizer.sampler.Samplers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotStudyTest {

    @TempDir
    Path work;

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void theHistoryIsAPngWithTheTrialsAndTheBestSoFar() throws Exception {
        Study study = Study.builder().sampler(Samplers.random()).seed(3).create();
        study.optimize(trial -> {
            double x = trial.suggestFloat("x", -2, 2);
            if (trial.number() == 4) {
                trial.report(1, x * x + 1);
                throw new TrialPrunedException("a pruned trial is drawn at its last report");
            }
            return x * x;
        }, 12);
        Path png = work.resolve("history.png");
        PlotStudy.write(study.trials(), "test", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(List.of(720, 420), List.of(image.getWidth(), image.getHeight()));
        assertTrue(count(image, 0x1F77B4) > 100, "blue dots for the completed trials");
        assertTrue(count(image, 0xD62728) > 100, "the red line of the best value so far");
    }

    @Test
    void aStudyWithNothingFinishedIsRefused() {
        Study study = Study.builder().create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlotStudy.write(study.trials(), "empty", work.resolve("x.png")));
        assertEquals("the study has no finished or pruned trial to plot", e.getMessage());
    }
}
