package dev.osprey.sweeper.space;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A search space in which some parameters exist only under a value of another: the options of a
 * config group declare the parameters they alone have. A trial suggests the roots in order; after a
 * {@link Branching} it suggests the nodes of the branch of the value it got, and nothing of the other
 * branches (define-by-run: the study stores only the parameters a trial had). A tree without
 * branches is a plain search space ({@link #flat}).
 *
 * {@snippet :
 * SearchTree tree = new SearchTree(List.of(
 *         new SearchTree.Branching("model", new CategoricalDistribution(List.of("resnet", "vit")), "command line",
 *                 Map.of("resnet", List.of(new SearchTree.Parameter("model.depth", depths, "model/resnet.yaml")),
 *                        "vit", List.of(new SearchTree.Parameter("model.patch_size", patches, "model/vit.yaml"))))));
 * Map<String, Object> params = tree.sample(trial::suggest);   // {model=vit, model.patch_size=16}
 * }
 *
 * <p>A parameter may appear in several branches (two options share it) with one distribution; a
 * name appears at most once on any path from a root.
 *
 * @param roots the parameters every trial has, in the order a trial suggests them
 * @since 0.2
 */
public record SearchTree(List<SearchTree.Node> roots) {

    /** One parameter of the tree. */
    public sealed interface Node permits Parameter, Branching {

        /** The parameter name: its sweep's key element, such as {@code model.depth} or {@code model}. */
        String name();

        Distribution distribution();

        /** Where the parameter was declared, for people: {@code command line}, {@code model/vit.yaml}. */
        String origin();
    }

    /** A parameter under which no other exists. */
    public record Parameter(String name, Distribution distribution, String origin) implements Node {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(distribution, "distribution");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * A categorical parameter, such as a config group's option, some of whose values bring parameters
     * of their own.
     *
     * @param branches value (as the study stores it) to the parameters that exist only under it; a
     *                 value without a branch brings none
     */
    public record Branching(String name, CategoricalDistribution distribution, String origin,
                         Map<Object, List<Node>> branches) implements Node {
        public Branching {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(distribution, "distribution");
            Objects.requireNonNull(origin, "origin");
            Map<Object, List<Node>> copy = new LinkedHashMap<>();
            branches.forEach((value, nodes) -> {
                int index = distribution.indexOf(value);
                if (index < 0) {
                    throw new IllegalArgumentException("parameter '" + name + "' has a branch for " + value
                            + ", which is not one of its choices " + distribution.choices());
                }
                if (!nodes.isEmpty()) {
                    copy.put(distribution.choices().get(index), List.copyOf(nodes));
                }
            });
            branches = Collections.unmodifiableMap(copy);
        }

        /** The parameters under {@code value}; empty when it brings none. */
        public List<Node> branch(Object value) {
            int index = distribution.indexOf(value);
            return index < 0 ? List.of() : branches.getOrDefault(distribution.choices().get(index), List.of());
        }
    }

    public SearchTree {
        roots = List.copyOf(roots);
        Map<String, Node> seen = new LinkedHashMap<>();
        check(roots, new LinkedHashSet<>(), seen);
    }

    private static void check(List<Node> nodes, Set<String> onPath, Map<String, Node> seen) {
        Set<String> path = new LinkedHashSet<>(onPath);
        for (Node node : nodes) {
            if (!path.add(node.name())) {
                throw new IllegalArgumentException("parameter '" + node.name() + "' appears twice on one path of the"
                        + " search space (" + node.origin() + ")");
            }
            Node earlier = seen.putIfAbsent(node.name(), node);
            if (earlier != null && !earlier.distribution().equals(node.distribution())) {
                throw new IllegalArgumentException("parameter '" + node.name() + "' has two distributions: "
                        + earlier.distribution() + " (" + earlier.origin() + ") and " + node.distribution() + " ("
                        + node.origin() + "); a study holds one per parameter");
            }
        }
        for (Node node : nodes) {
            if (node instanceof Branching choice) {
                for (List<Node> branch : choice.branches().values()) {
                    check(branch, path, seen);
                }
            }
        }
    }

    /** The tree of a plain search space: every parameter a root, none conditional. */
    public static SearchTree flat(Map<String, Distribution> space) {
        List<Node> roots = new ArrayList<>();
        space.forEach((name, distribution) -> roots.add(new Parameter(name, distribution, "")));
        return new SearchTree(roots);
    }

    /** Whether some parameter exists only under a value of another. */
    public boolean isConditional() {
        return roots.stream().anyMatch(n -> n instanceof Branching c && !c.branches().isEmpty());
    }

    /** Every parameter with its distribution, in the order of a walk through all branches. */
    public Map<String, Distribution> distributions() {
        Map<String, Distribution> out = new LinkedHashMap<>();
        collect(roots, out);
        return Collections.unmodifiableMap(out);
    }

    private static void collect(List<Node> nodes, Map<String, Distribution> out) {
        for (Node node : nodes) {
            out.putIfAbsent(node.name(), node.distribution());
            if (node instanceof Branching choice) {
                choice.branches().values().forEach(branch -> collect(branch, out));
            }
        }
    }

    /**
     * One trial's parameters: each root, in order, is given a value by {@code suggest} (such as
     * {@code trial::suggest}); after a choice, the nodes of its value's branch are, before the next
     * root.
     *
     * @return parameter name to value, in the order suggested
     */
    public Map<String, Object> sample(BiFunction<String, Distribution, Object> suggest) {
        Map<String, Object> params = new LinkedHashMap<>();
        walk(roots, suggest, params);
        return params;
    }

    private static void walk(List<Node> nodes, BiFunction<String, Distribution, Object> suggest,
                             Map<String, Object> params) {
        for (Node node : nodes) {
            if (params.containsKey(node.name())) {
                continue;
            }
            Object value = suggest.apply(node.name(), node.distribution());
            params.put(node.name(), value);
            if (node instanceof Branching choice) {
                walk(choice.branch(value), suggest, params);
            }
        }
    }

    /**
     * The points of the grid over this tree: the product of the roots, where a choice contributes,
     * for each of its values, that value with the grid of its branch (each option its own
     * sub-grid). The first root varies slowest, as in the basic sweeper.
     *
     * @param values the values of each node, in order (a categorical's choices, for a grid tree)
     */
    public List<Map<String, Object>> points(Function<Node, List<?>> values) {
        return product(roots, values);
    }

    private static List<Map<String, Object>> product(List<Node> nodes, Function<Node, List<?>> values) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Node node : nodes) {
            List<Map<String, Object>> own = new ArrayList<>();
            for (Object value : values.apply(node)) {
                List<Map<String, Object>> branch = node instanceof Branching c ? product(c.branch(value), values)
                        : List.of(Map.of());
                for (Map<String, Object> rest : branch) {
                    Map<String, Object> point = new LinkedHashMap<>();
                    point.put(node.name(), value);
                    point.putAll(rest);
                    own.add(point);
                }
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> prefix : points) {
                for (Map<String, Object> suffix : own) {
                    Map<String, Object> point = new LinkedHashMap<>(prefix);
                    suffix.forEach(point::putIfAbsent);
                    next.add(point);
                }
            }
            points = next;
        }
        return points;
    }

    /** This tree with each node's distribution replaced (a choice's must stay categorical over the same values). */
    public SearchTree withDistributions(Function<Node, Distribution> distribution) {
        return new SearchTree(mapped(roots, distribution));
    }

    private static List<Node> mapped(List<Node> nodes, Function<Node, Distribution> distribution) {
        List<Node> out = new ArrayList<>();
        for (Node node : nodes) {
            Distribution d = distribution.apply(node);
            out.add(switch (node) {
                case Parameter p -> new Parameter(p.name(), d, p.origin());
                case Branching c -> {
                    if (!(d instanceof CategoricalDistribution categorical)) {
                        throw new IllegalArgumentException("parameter '" + c.name() + "' has branches and must stay"
                                + " categorical, not " + d);
                    }
                    Map<Object, List<Node>> branches = new LinkedHashMap<>();
                    c.branches().forEach((value, branch) -> branches.put(value, mapped(branch, distribution)));
                    yield new Branching(c.name(), categorical, c.origin(), branches);
                }
            });
        }
        return out;
    }
}
