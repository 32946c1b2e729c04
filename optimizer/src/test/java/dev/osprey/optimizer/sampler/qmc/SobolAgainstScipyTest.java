package dev.osprey.optimizer.sampler.qmc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Unscrambled Sobol points against SciPy's {@code scipy.stats.qmc.Sobol(d, scramble=False)} run
 * live: every coordinate equal to the last digit. Needs {@code python3} with SciPy
 * ({@code OSPREY_PYTHON} names another interpreter); skipped without them, except under
 * {@code CI=true}, where their absence fails.
 */
class SobolAgainstScipyTest {

    private static String python;

    @BeforeAll
    static void findScipy() throws InterruptedException {
        String candidate = System.getenv().getOrDefault("OSPREY_PYTHON", "python3");
        String unavailable = null;
        try {
            Process p = new ProcessBuilder(candidate, "-c", "import scipy.stats").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                unavailable = candidate + " cannot import scipy (install python3-scipy)";
            }
        } catch (IOException e) {
            unavailable = candidate + " is not installed (" + e.getMessage() + ")";
        }
        if (unavailable != null && "true".equals(System.getenv("CI"))) {
            fail("CI=true and " + unavailable);
        }
        python = unavailable == null ? candidate : null;
    }

    @ParameterizedTest(name = "d={0}, n={1}")
    @CsvSource({"2, 1024", "37, 300", "1111, 40", "21201, 3"})
    void unscrambledPointsEqualScipysToTheLastDigit(int d, int n) throws IOException, InterruptedException {
        assumeTrue(python != null, "python3 with SciPy is not available");
        String script = "from scipy.stats import qmc\n"
                + "for p in qmc.Sobol(d=" + d + ", scramble=False).random(" + n + "):\n"
                + "    print(' '.join(repr(float(v)) for v in p))\n";
        Process p = new ProcessBuilder(python, "-W", "ignore", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), "SciPy finished");
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\n");
        assertEquals(n, lines.length, "points SciPy printed");
        SobolSequence sobol = SobolSequence.plain(d);
        for (int k = 0; k < n; k++) {
            String[] fields = lines[k].trim().split(" ");
            double[] mine = sobol.point(k);
            assertEquals(d, fields.length);
            for (int j = 0; j < d; j++) {
                assertEquals(Double.parseDouble(fields[j]), mine[j], 0.0, "point " + k + ", dimension " + j);
            }
        }
    }
}
