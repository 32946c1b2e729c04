package dev.osprey.dashboard.internal.web;

import dev.osprey.dashboard.plot.Axis;
import dev.osprey.dashboard.plot.Chart;
import dev.osprey.dashboard.plot.Series;
import dev.osprey.optimizer.trial.Direction;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartSamplingTest {

    private static Chart scatter(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        int[] trials = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = random.nextDouble() * 100;
            trials[i] = i;
        }
        Series.Line line = new Series.Line("Best Value", new double[] {0, n - 1}, new double[] {1, 1}, "#d62728", true);
        return new Chart("t", Axis.linear("x"), Axis.linear("y"),
                List.of(new Series.Points("v", x, y, trials, new double[0], "#1f77b4"), line), List.of("n trials"));
    }

    @Test
    void aLargeSeriesKeepsTheBestTenthAndAnEvenSampleInTrialOrderAndSaysSo() {
        Chart chart = scatter(10_000, 4);
        Series.Points all = (Series.Points) chart.series().get(0);
        Chart bounded = ChartSampling.bound(List.of(chart), Direction.MINIMIZE).get(0);
        Series.Points kept = (Series.Points) bounded.series().get(0);
        assertEquals(ChartSampling.MAX_POINTS, kept.x().length);
        for (int i = 1; i < kept.trials().length; i++) {
            assertTrue(kept.trials()[i] > kept.trials()[i - 1], "in trial order, each once");
        }
        for (int i = 0; i < kept.x().length; i++) {
            assertEquals(all.y()[kept.trials()[i]], kept.y()[i], "each point keeps its own value");
        }
        double[] sorted = all.y().clone();
        Arrays.sort(sorted);
        double[] best = Arrays.copyOf(sorted, ChartSampling.MAX_POINTS / 10);
        assertTrue(Arrays.stream(best).allMatch(b -> Arrays.stream(kept.y()).anyMatch(v -> v == b)),
                "the best 100 values are all drawn");
        long early = Arrays.stream(kept.trials()).filter(t -> t < 5000).count();
        assertTrue(early > 400 && early < 600, "the rest spreads over the trials: " + early + " in the first half");
        assertSame(chart.series().get(1), bounded.series().get(1), "the best-value line is kept whole");
        assertEquals(List.of("n trials", "1,000 of 10,000 points drawn (the best 100 and an even sample of the rest)"),
                bounded.notes());
    }

    @Test
    void maximisingKeepsTheHighestValuesAndAnAxisOfNoObjectiveAnEvenSample() {
        Chart chart = scatter(3000, 5);
        double top = Arrays.stream(((Series.Points) chart.series().get(0)).y()).max().orElseThrow();
        Series.Points kept = (Series.Points) ChartSampling.bound(List.of(chart), Direction.MAXIMIZE).get(0).series().get(0);
        assertTrue(Arrays.stream(kept.y()).anyMatch(v -> v == top));
        Chart even = ChartSampling.bound(List.of(chart), null).get(0);
        int[] trials = ((Series.Points) even.series().get(0)).trials();
        assertArrayEquals(new int[] {0, 3, 6}, Arrays.copyOf(trials, 3), "every third of 3,000");
        assertEquals("1,000 of 3,000 points drawn (an even sample)", even.notes().get(1));
    }

    @Test
    void aSeriesWithinTheBoundIsLeftAsItIs() {
        Chart chart = scatter(ChartSampling.MAX_POINTS, 6);
        Chart bounded = ChartSampling.bound(List.of(chart), Direction.MINIMIZE).get(0);
        assertSame(chart.series().get(0), bounded.series().get(0));
        assertEquals(chart.notes(), bounded.notes());
    }
}
