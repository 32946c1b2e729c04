package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each plot's data follows Optuna's definition (see the plot classes for which). */
class PlotDefinitionsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final StudyInfo MINIMIZE = new StudyInfo(1, "s", List.of(Direction.MINIMIZE), Map.of(), Map.of());

    private static TrialRecord trial(int number, TrialState state, List<Double> values, Map<String, Param> params,
                                     Instant start, Instant end, Map<String, Object> userAttrs) {
        return new TrialRecord(number, number, state, values, params, new TreeMap<>(), userAttrs, Map.of(),
                Optional.ofNullable(start), Optional.ofNullable(end));
    }

    private static TrialRecord complete(int number, double value, Map<String, Param> params) {
        return trial(number, TrialState.COMPLETE, List.of(value), params, T0.plusSeconds(number * 10L),
                T0.plusSeconds(number * 10L + 5), Map.of());
    }

    private static Map<String, Param> x(double v) {
        return Map.of("x", new Param(Distribution.floats(-10, 10), v));
    }

    @Test
    void historyPlotsCompleteTrialsAndABestLineThatOnlyCompleteTrialsImprove() {
        List<TrialRecord> trials = List.of(complete(0, 5, x(1)),
                trial(1, TrialState.PRUNED, List.of(), x(2), T0, T0, Map.of()),
                complete(2, 3, x(3)), complete(3, 4, x(4)), complete(4, 1, x(5)),
                trial(5, TrialState.FAIL, List.of(), x(6), T0, T0, Map.of()));
        Chart chart = PlotData.charts(PlotKind.HISTORY, PlotRequest.of(MINIMIZE, trials, T0)).get(0);
        Series.Points points = (Series.Points) chart.series().get(0);
        assertArrayEquals(new double[] {0, 2, 3, 4}, points.x());
        assertArrayEquals(new double[] {5, 3, 4, 1}, points.y());
        Series.Line best = (Series.Line) chart.series().get(1);
        // change points, then the last trial number: the steps of 5, 5, 3, 3, 1, 1
        assertArrayEquals(new double[] {0, 2, 4, 5}, best.x());
        assertArrayEquals(new double[] {5, 3, 1, 1}, best.y());
    }

    @Test
    void edfIsTheFractionOfValuesAtOrBelowEachOfAHundredPoints() {
        List<TrialRecord> trials = List.of(complete(0, 0, x(0)), complete(1, 1, x(0)), complete(2, 1, x(0)),
                complete(3, 3, x(0)));
        Series.Line edf = (Series.Line) PlotData.charts(PlotKind.EDF, PlotRequest.of(MINIMIZE, trials, T0)).get(0)
                .series().get(0);
        assertEquals(100, edf.x().length);
        assertEquals(0, edf.x()[0]);
        assertEquals(3, edf.x()[99]);
        assertEquals(0.25, edf.y()[0]);
        assertEquals(0.75, edf.y()[33]); // x = 1 exactly
        assertEquals(1.0, edf.y()[99]);
    }

    @Test
    void theParetoFrontKeepsExactlyTheNonDominatedTrials() {
        List<Direction> both = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
        List<TrialRecord> trials = new ArrayList<>();
        double[][] values = {{1, 1}, {2, 3}, {2, 2}, {3, 3}, {0.5, 0}, {4, 5}};
        for (int i = 0; i < values.length; i++) {
            trials.add(trial(i, TrialState.COMPLETE, List.of(values[i][0], values[i][1]), x(0), T0, T0, Map.of()));
        }
        assertEquals(List.of(0, 1, 4, 5), ParetoPlot.front(trials, both).stream().map(TrialRecord::number).toList());
    }

    @Test
    void theLaplaceFillInterpolatesLinearlyBetweenFixedCellsAndIsFlatAtTheEdges() {
        double[][] row = {{1, Double.NaN, Double.NaN, 4, Double.NaN}};
        LaplaceFill.fill(row);
        assertArrayEquals(new double[] {1, 2, 3, 4, 4}, row[0], 1e-4);
    }

    @Test
    void parallelCoordinatesKeepATrialWithoutAParameterOnItsNoneTick() {
        Map<String, Param> both = Map.of("x", new Param(Distribution.floats(-10, 10), 2),
                "y", new Param(Distribution.floats(0, 10), 1));
        Map<String, Param> yHigh = Map.of("x", new Param(Distribution.floats(-10, 10), 4),
                "y", new Param(Distribution.floats(0, 10), 9.8));
        List<TrialRecord> trials = List.of(complete(0, 1, both), complete(1, 2, yHigh), complete(2, 3, x(3)));
        Series.Parallel parallel = (Series.Parallel) PlotData.charts(PlotKind.PARALLEL_COORDINATES,
                PlotRequest.of(MINIMIZE, trials, T0)).get(0).series().get(0);
        assertEquals(List.of("Objective Value", "x", "y"), parallel.axes().stream().map(Axis::label).toList());
        // y's values span [1, 9.8]: None sits 0.12/0.88 of that span below 1
        assertEquals(1 - 8.8 * 0.12 / 0.88, parallel.rows()[2][2], 1e-12);
        assertArrayEquals(new double[] {1, 0.5, 0}, parallel.shade(), 1e-12);
    }

    @Test
    void theTimelinePutsEachWorkerOnItsLaneAndOverlappingAnonymousTrialsOnSeparateLanes() {
        List<TrialRecord> trials = List.of(
                trial(0, TrialState.COMPLETE, List.of(1.0), x(0), T0, T0.plusSeconds(10), Map.of("osprey.driver", "host-a:1")),
                trial(1, TrialState.FAIL, List.of(), x(0), T0.plusSeconds(1), T0.plusSeconds(3), Map.of("osprey.driver", "host-b:2")),
                trial(2, TrialState.COMPLETE, List.of(1.0), x(0), T0.plusSeconds(2), T0.plusSeconds(4), Map.of()),
                trial(3, TrialState.COMPLETE, List.of(1.0), x(0), T0.plusSeconds(3), T0.plusSeconds(6), Map.of()),
                trial(4, TrialState.RUNNING, List.of(), x(0), T0.plusSeconds(5), null, Map.of()));
        Chart chart = PlotData.charts(PlotKind.TIMELINE, PlotRequest.of(MINIMIZE, trials, T0.plusSeconds(8))).get(0);
        assertEquals(List.of("host-a:1", "host-b:2", "lane 1", "lane 2"), chart.y().categories());
        Series.Spans running = chart.series().stream().filter(s -> s.name().equals("RUNNING"))
                .map(Series.Spans.class::cast).findFirst().orElseThrow();
        assertEquals(2, running.row()[0], "trial 4 starts after trial 2 ended: lane 1 again");
        assertEquals(T0.plusSeconds(9).toEpochMilli(), running.end()[0], "a RUNNING bar reaches now plus a second, as in Optuna");
    }

    @Test
    void theContourGridPadsObservedValuesAndKeepsTheBetterValueOfASharedCell() {
        List<TrialRecord> trials = new ArrayList<>();
        double[][] points = {{0, 0, 5}, {0, 0, 2}, {10, 10, 7}, {10, 0, 1}};
        for (int i = 0; i < points.length; i++) {
            trials.add(complete(i, points[i][2], Map.of("a", new Param(Distribution.floats(0, 10), points[i][0]),
                    "b", new Param(Distribution.floats(0, 10), points[i][1]))));
        }
        Chart chart = PlotData.charts(PlotKind.CONTOUR, PlotRequest.of(MINIMIZE, trials, T0)).get(0);
        Series.Heatmap heat = (Series.Heatmap) chart.series().get(0);
        assertArrayEquals(new double[] {-0.5, 0, 10, 10.5}, heat.x(), 1e-12);
        assertEquals(2, heat.z()[1][1], "the better of 5 and 2 at (0, 0)");
        assertEquals(7, heat.z()[2][2]);
        assertEquals(1, heat.z()[1][2]);
        assertTrue(chart.title().contains("b by a"), chart.title());
    }
}
