package dev.osprey.sweeper.space;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.optimizer.space.CategoricalDistribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * A sweep's search space with the parameters the options of config groups declare: the
 * {@link SearchTree} a sampler searches, and the sweep each parameter comes from, which turns a
 * trial's values into its job's overrides. Made by {@link ConditionalSpaces#of}.
 *
 * @param tree   the parameters, each under the option that declared it
 * @param sweeps parameter name to its sweep (the override {@code name=<sweep>}), in tree order
 * @since 0.2
 */
public record ConditionalSpace(SearchTree tree, Map<String, ConfigOverride> sweeps) {

    public ConditionalSpace {
        Objects.requireNonNull(tree, "tree");
        sweeps = Collections.unmodifiableMap(new LinkedHashMap<>(sweeps));
        if (!sweeps.keySet().equals(tree.distributions().keySet())) {
            throw new IllegalArgumentException("the sweeps " + sweeps.keySet() + " and the tree's parameters "
                    + tree.distributions().keySet() + " must be the same");
        }
    }

    /** Whether some parameter exists only under an option of a config group. */
    public boolean isConditional() {
        return tree.isConditional();
    }

    /** Whether every sweep can be enumerated, so that the space has a grid. */
    public boolean allDiscrete() {
        return sweeps.values().stream().allMatch(ConfigOverride::isDiscreteSweep);
    }

    /**
     * The grid over this space: each parameter a categorical over its sweep's values (as a study
     * stores them), each option of a swept group with the grid of the parameters it declares.
     *
     * @param groupOptions the options of each config group, for {@code glob(...)}
     */
    public SearchTree gridTree(Function<String, List<String>> groupOptions) {
        return tree.withDistributions(node -> new CategoricalDistribution(values(sweeps.get(node.name()), groupOptions)));
    }

    /** The points of {@link #gridTree}, in the basic sweeper's order within each branch. */
    public List<Map<String, Object>> gridPoints(Function<String, List<String>> groupOptions) {
        return gridTree(groupOptions).points(node -> ((CategoricalDistribution) node.distribution()).choices());
    }

    private static List<Object> values(ConfigOverride sweep, Function<String, List<String>> groupOptions) {
        List<Object> values = new ArrayList<>();
        for (Element element : sweep.sweepElements(new Random(0), groupOptions.apply(sweep.key()))) {
            values.add(TrialOverrides.studyValue(element));
        }
        return values;
    }

    /**
     * The space as a tree, one parameter a line with where it was declared; the parameters an
     * option declares are indented under the choice, after the option's name:
     *
     * <pre>
     * model: choice(resnet,vit)                    (command line)
     *   resnet -&gt; model.depth: choice(18,34,50)    (model/resnet.yaml)
     *   vit    -&gt; model.patch_size: choice(8,16)   (model/vit.yaml)
     * optimizer.lr: tag(log,interval(1e-4,1e-1))   (command line)
     * </pre>
     */
    public String describe() {
        List<String[]> lines = new ArrayList<>();
        render(tree.roots(), "", lines);
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            out.append(line[1].isEmpty() ? line[0] : String.format("%-" + width + "s   (%s)", line[0], line[1]).stripTrailing())
                    .append('\n');
        }
        return out.toString();
    }

    private void render(List<SearchTree.Node> nodes, String indent, List<String[]> lines) {
        for (SearchTree.Node node : nodes) {
            renderNode(node, indent, indent, lines);
        }
    }

    /** One node: its first line starts with {@code first}, its branches are indented under {@code indent}. */
    private void renderNode(SearchTree.Node node, String first, String indent, List<String[]> lines) {
        lines.add(new String[] {first + node.name() + ": " + sweepText(sweeps.get(node.name())), node.origin()});
        if (node instanceof SearchTree.Branching choice && !choice.branches().isEmpty()) {
            int width = choice.branches().keySet().stream().mapToInt(v -> String.valueOf(v).length()).max().orElse(0);
            for (Map.Entry<Object, List<SearchTree.Node>> branch : choice.branches().entrySet()) {
                String label = String.format("%s  %-" + width + "s -> ", indent, branch.getKey());
                String under = " ".repeat(label.length());
                boolean firstNode = true;
                for (SearchTree.Node child : branch.getValue()) {
                    renderNode(child, firstNode ? label : under, under + "", lines);
                    firstNode = false;
                }
            }
        }
    }

    /** The sweep as it was written: {@code choice(8,16,32)}. */
    static String sweepText(ConfigOverride sweep) {
        String input = sweep.input();
        int eq = input.indexOf('=');
        return eq < 0 ? input : input.substring(eq + 1).strip();
    }
}
