package dev.osprey.optimizer.sampler.qmc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sobol sequence against SciPy's, from a golden file written once by SciPy 1.10.1 (the live
 * comparison is {@link SobolAgainstScipyTest}), and the stratification its scrambling keeps.
 */
class SobolSequenceTest {

    @Test
    void unscrambledPointsEqualScipysGoldenFileBitForBit() throws IOException {
        List<double[]> golden = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("sobol-unscrambled-d40-n256.txt")) {
            assertNotNull(in, "golden file");
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    golden.add(java.util.Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray());
                }
            }
        }
        assertEquals(256, golden.size());
        SobolSequence sobol = SobolSequence.plain(40);
        for (int k = 0; k < golden.size(); k++) {
            assertArrayEquals(golden.get(k), sobol.point(k), 0.0, "point " + k);
        }
    }

    @Test
    void theFirstDimensionIsTheVanDerCorputSequence() {
        SobolSequence sobol = SobolSequence.plain(1);
        assertEquals(0.0, sobol.point(0)[0]);
        assertEquals(0.5, sobol.point(1)[0]);
        assertEquals(0.75, sobol.point(2)[0]);
        assertEquals(0.25, sobol.point(3)[0]);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42})
    void scrambledPointsLieInTheUnitIntervalAndStayStratified(long seed) {
        int d = 12;
        SobolSequence sobol = SobolSequence.scrambled(d, new SplittableRandom(seed));
        for (int m = 1; m <= 10; m++) {
            int count = 1 << m;
            for (int j = 0; j < d; j++) {
                Set<Integer> cells = new HashSet<>();
                for (int k = 0; k < count; k++) {
                    double x = sobol.point(k)[j];
                    assertTrue(x >= 0 && x < 1, "coordinate " + x + " of point " + k);
                    cells.add((int) Math.floor(x * count));
                }
                assertEquals(count, cells.size(), "the first 2^" + m + " points fill every cell of dimension " + j);
            }
        }
    }

    @Test
    void scramblingChangesThePointsAndDependsOnTheSeed() {
        double[] plain = SobolSequence.plain(5).point(3);
        double[] a = SobolSequence.scrambled(5, new SplittableRandom(1)).point(3);
        double[] b = SobolSequence.scrambled(5, new SplittableRandom(2)).point(3);
        assertFalse(java.util.Arrays.equals(plain, a));
        assertFalse(java.util.Arrays.equals(a, b));
        assertArrayEquals(a, SobolSequence.scrambled(5, new SplittableRandom(1)).point(3), 0.0);
    }

    @Test
    void dimensionsAndIndicesOutsideTheTableAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SobolSequence.plain(21202)).getMessage()
                .contains("21201"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SobolSequence.plain(2).point(-1)).getMessage()
                .contains("index"));
    }
}
