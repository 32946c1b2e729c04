package dev.osprey.optimizer.sampler;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A grid's run order (the basic sweeper's) and the names its points are claimed under. */
class GridPointsTest {

    private static Map<String, List<?>> ordered(Object... nameThenValues) {
        Map<String, List<?>> space = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValues.length; i += 2) {
            space.put((String) nameThenValues[i], (List<?>) nameThenValues[i + 1]);
        }
        return space;
    }

    @Test
    void aProductVariesTheFirstParameterSlowestInTheMapsOrder() {
        GridPoints grid = GridPoints.product(ordered("model", List.of("resnet", "vit"), "optimizer", List.of("adam", "sgd")));
        assertEquals(List.of(Map.of("model", "resnet", "optimizer", "adam"), Map.of("model", "resnet", "optimizer", "sgd"),
                Map.of("model", "vit", "optimizer", "adam"), Map.of("model", "vit", "optimizer", "sgd")), grid.points());
        assertEquals(List.of("model", "optimizer"), List.copyOf(grid.points().get(0).keySet()));

        GridPoints reversed = GridPoints.product(ordered("optimizer", List.of("adam", "sgd"), "model", List.of("resnet", "vit")));
        assertEquals(Map.of("model", "vit", "optimizer", "adam"), reversed.points().get(1));
    }

    @Test
    void aMapWithoutAnOrderIsEnumeratedByNameSoThatEveryWorkerAgrees() {
        GridPoints unordered = GridPoints.product(Map.of("b", List.of(1, 2), "a", List.of("x", "y"), "c", List.of(true)));
        GridPoints byName = GridPoints.product(new TreeMap<>(Map.of("a", List.of("x", "y"), "b", List.of(1, 2), "c", List.of(true))));
        assertEquals(byName, unordered);
        assertEquals(Map.of("a", "x", "b", 2L, "c", true), unordered.points().get(1));
    }

    @Test
    void valuesAreStoredInTheirPlainForm() {
        GridPoints grid = GridPoints.product(Map.of("n", List.of(1, 2L), "f", List.of(0.5f)));
        assertEquals(List.of(Map.of("f", 0.5, "n", 1L), Map.of("f", 0.5, "n", 2L)), grid.points());
    }

    @Test
    void theSamePointsInAnotherOrderAreClaimedUnderTheSameKeyAndIndices() {
        GridPoints forward = GridPoints.product(ordered("a", List.of(1, 2, 3), "b", List.of("x", "y")));
        GridPoints backward = GridPoints.product(ordered("b", List.of("y", "x"), "a", List.of(3, 2, 1)));
        assertNotEquals(forward, backward, "the run order differs");
        assertEquals(forward.key(), backward.key());
        for (int i = 0; i < forward.size(); i++) {
            Map<String, Object> point = forward.points().get(i);
            int j = backward.points().indexOf(point);
            assertEquals(forward.claimIndex(i), backward.claimIndex(j), "point " + point);
            assertEquals(point, forward.pointOfClaim(forward.claimIndex(i)));
        }
    }

    @Test
    void gridsThatDifferInANameAValueOrAValueTypeHaveDifferentKeys() {
        String key = GridPoints.product(Map.of("a", List.of(1, 2))).key();
        assertNotEquals(key, GridPoints.product(Map.of("b", List.of(1, 2))).key());
        assertNotEquals(key, GridPoints.product(Map.of("a", List.of(1, 3))).key());
        assertNotEquals(key, GridPoints.product(Map.of("a", List.of(1, 2, 3))).key());
        assertNotEquals(key, GridPoints.product(Map.of("a", List.of(1.0, 2.0))).key());
        assertNotEquals(key, GridPoints.product(Map.of("a", List.of("1", "2"))).key());
        assertEquals(key, GridPoints.product(Map.of("a", List.of(2, 1))).key());
    }

    @Test
    void copiesOfAPointAreClaimedSeparately() {
        GridPoints grid = new GridPoints(List.of(Map.of("a", 1), Map.of("a", 2), Map.of("a", 1)));
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            indices.add(grid.claimIndex(i));
        }
        assertEquals(List.of(0, 1, 2), indices.stream().sorted().toList(), "one claim index per point");
        assertTrue(grid.claimIndex(0) < grid.claimIndex(2), "copies keep their order");
    }

    @Test
    void pointsMayNameDifferentParameters() {
        GridPoints grid = new GridPoints(List.of(Map.of("model", "linear", "lr", 0.1), Map.of("model", "tree", "depth", 4)));
        assertEquals(java.util.Set.of("model", "lr", "depth"), grid.names());
    }

    @Test
    void aPointWithoutParametersIsAGridOfOneRun() {
        GridPoints grid = new GridPoints(List.of(Map.of()));
        assertEquals(1, grid.size());
        assertEquals(Map.of(), grid.pointOfClaim(grid.claimIndex(0)));
        assertNotEquals(grid.key(), GridPoints.product(Map.of("a", List.of(1))).key());
    }

    @Test
    void anEmptyGridOrAxisIsRefusedSayingWhich() {
        assertEquals("a grid needs at least one parameter",
                assertThrows(IllegalArgumentException.class, () -> GridPoints.product(Map.of())).getMessage());
        assertEquals("grid parameter 'b' has no values", assertThrows(IllegalArgumentException.class,
                () -> GridPoints.product(ordered("a", List.of(1), "b", List.of()))).getMessage());
        assertEquals("a grid needs at least one point",
                assertThrows(IllegalArgumentException.class, () -> new GridPoints(List.of())).getMessage());
        String unnamed = assertThrows(IllegalArgumentException.class,
                () -> new GridPoints(List.of(Map.of("a", 1), Map.of(" ", 2)))).getMessage();
        assertTrue(unnamed.contains("grid point 1 has a parameter without a name"), unnamed);
    }

    @Test
    void aValueThatCannotBeStoredIsRefused() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new GridPoints(List.of(Map.of("when", java.time.Instant.EPOCH)))).getMessage();
        assertTrue(message.contains("java.time.Instant"), message);
    }

    @Test
    void aProductTooLargeToListIsRefused() {
        List<Integer> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(i);
        }
        String message = assertThrows(IllegalArgumentException.class,
                () -> GridPoints.product(ordered("a", thousand, "b", thousand, "c", thousand, "d", List.of(1, 2, 3))))
                .getMessage();
        assertTrue(message.contains("at most " + Integer.MAX_VALUE + " points"), message);
    }
}
