package dev.osprey.sweeper.space;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;
import dev.osprey.sweeper.SweepPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTreeTest {

    static final IntDistribution DEPTH = new IntDistribution(1, 4, false, 1);
    static final FloatDistribution LR = new FloatDistribution(0.001, 0.1, true, null);

    static SearchTree modelTree() {
        return new SearchTree(List.of(
                new SearchTree.Branching("model", CategoricalDistribution.of("tree", "linear"), "command line",
                        Map.of("tree", List.of(new SearchTree.Parameter("depth", DEPTH, "model/tree.yaml")))),
                new SearchTree.Parameter("lr", LR, "command line")));
    }

    @Test
    void aTrialSuggestsTheBranchOfItsChoiceAndNothingOfTheOthers() {
        Map<String, Object> linear = modelTree().sample((name, d) -> name.equals("model") ? "linear" : 0.01);
        assertEquals(Map.of("model", "linear", "lr", 0.01), linear);
        Map<String, Object> tree = modelTree().sample((name, d) -> switch (name) {
            case "model" -> "tree";
            case "depth" -> 3;
            default -> 0.01;
        });
        assertEquals(List.of("model", "depth", "lr"), List.copyOf(tree.keySet()), "a branch right after its choice");
        assertTrue(modelTree().isConditional());
        assertFalse(SearchTree.flat(Map.of("lr", LR)).isConditional());
    }

    @Test
    void aParameterHasOneDistributionWhereverItAppears() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SearchTree(List.of(
                new SearchTree.Branching("model", CategoricalDistribution.of("a", "b"), "command line", Map.of(
                        "a", List.of(new SearchTree.Parameter("x", DEPTH, "model/a.yaml")),
                        "b", List.of(new SearchTree.Parameter("x", LR, "model/b.yaml")))))));
        assertTrue(e.getMessage().contains("model/a.yaml") && e.getMessage().contains("model/b.yaml"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SearchTree.Branching("model",
                CategoricalDistribution.of("a"), "", Map.of("c", List.of(new SearchTree.Parameter("x", LR, "")))));
    }

    @Test
    void aGridOverATreeRunsEachBranchWithItsOwnSubGridAndRefusesPointsThatDoNotFollowIt() {
        SearchTree tree = modelTree().withDistributions(node -> switch (node.name()) {
            case "model" -> CategoricalDistribution.of("tree", "linear");
            case "depth" -> CategoricalDistribution.of(2L, 4L);
            default -> CategoricalDistribution.of(0.01, 0.1);
        });
        List<Map<String, Object>> points = tree.points(n -> ((CategoricalDistribution) n.distribution()).choices());
        assertEquals(List.of(
                Map.of("model", "tree", "depth", 2L, "lr", 0.01), Map.of("model", "tree", "depth", 2L, "lr", 0.1),
                Map.of("model", "tree", "depth", 4L, "lr", 0.01), Map.of("model", "tree", "depth", 4L, "lr", 0.1),
                Map.of("model", "linear", "lr", 0.01), Map.of("model", "linear", "lr", 0.1)), points);
        assertEquals(points, new SweepPlan.Grid(points, tree).points());
        assertThrows(IllegalArgumentException.class, () -> new SweepPlan.Grid(
                List.of(Map.of("model", "linear", "depth", 2L, "lr", 0.1)), tree));
    }
}
