package dev.osprey.sweeper;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.sweeper.space.SearchTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep explores.
 *
 * @since 0.1
 */
public sealed interface SweepPlan {

    /**
     * Parameters proposed by the study's sampler (TPE, random, ...) from a search space, which may
     * be conditional: a trial suggests only the parameters of the branches it takes
     * ({@link SearchTree#sample}), so the study stores only those.
     */
    record Search(SearchTree tree) implements SweepPlan {
        public Search {
            java.util.Objects.requireNonNull(tree, "tree");
            if (tree.roots().isEmpty()) {
                throw new IllegalArgumentException("a search sweep needs at least one parameter to search;"
                        + " sweep with interval(...), range(...), choice(...) or a,b,c");
            }
        }

        /** A search over a plain space: every parameter in every trial. */
        public Search(Map<String, Distribution> space) {
            this(SearchTree.flat(space));
        }

        /** Every parameter of the space, conditional or not. */
        public Map<String, Distribution> space() {
            return tree.distributions();
        }

        /**
         * The TPE sampler for this space: on a conditional space it decomposes the parameters into
         * groups that always appear together (Optuna's {@code group=True}), so that each branch's
         * parameters are modelled jointly from the trials that had them.
         */
        public Sampler tpe() {
            return isConditional() ? Samplers.tpeBuilder().group(true).build() : Samplers.tpe();
        }

        /** Whether some parameters exist only in the trials that take a branch (a config group's option). */
        public boolean isConditional() {
            return tree.isConditional();
        }
    }

    /**
     * Every point of a grid, in the order given (the basic sweeper's order); with a conditional
     * tree, each point names the parameters of the branches it takes (see {@link SearchTree#points}). The study's sampler
     * proposes the points: build the study with {@link #sampler()}. A resumed sweep runs the points
     * that no trial completed, pruned or holds, so failed points run again; several sweeps of one
     * study (in several processes) never run a point twice.
     */
    record Grid(List<Map<String, Object>> points, SearchTree tree) implements SweepPlan {
        public Grid {
            points = points.stream().map(p -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(p))).toList();
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a grid sweep needs at least one point");
            }
            if (tree == null) {
                tree = SearchTree.flat(categoricals(points));
            } else for (Map<String, Object> point : points) {
                Map<String, Object> walked = tree.sample((name, d) -> point.get(name));
                if (!walked.keySet().equals(point.keySet())) {
                    throw new IllegalArgumentException("the grid point " + point + " does not follow the search tree:"
                            + " its parameters would be " + walked.keySet());
                }
            }
        }

        /** A grid whose points all name the same parameters. */
        public Grid(List<Map<String, Object>> points) {
            this(points, null);
        }

        /** The sampler of a study that sweeps this grid: it claims each point, in order, through the storage. */
        public Sampler sampler() {
            return Samplers.grid(points);
        }

        /** Each parameter as a categorical over the values it takes, in order of first appearance. */
        public Map<String, Distribution> space() {
            return tree.distributions();
        }

        private static Map<String, Distribution> categoricals(List<Map<String, Object>> points) {
            Map<String, Set<Object>> values = new LinkedHashMap<>();
            for (Map<String, Object> point : points) {
                point.forEach((name, value) -> values.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value));
            }
            Map<String, Distribution> space = new LinkedHashMap<>();
            values.forEach((name, choices) -> space.put(name, new CategoricalDistribution(new ArrayList<>(choices))));
            return space;
        }
    }
}
