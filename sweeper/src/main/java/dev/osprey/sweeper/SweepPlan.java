package dev.osprey.sweeper;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.Distribution;

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

    /** Parameters proposed by the study's sampler (TPE, random, ...) from a search space. */
    record Search(Map<String, Distribution> space) implements SweepPlan {
        public Search {
            space = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(space));
            if (space.isEmpty()) {
                throw new IllegalArgumentException("a search sweep needs at least one parameter to search;"
                        + " sweep with interval(...), range(...), choice(...) or a,b,c");
            }
        }
    }

    /**
     * Every point of a grid, in the order given (the basic sweeper's order). The study's sampler
     * proposes the points: build the study with {@link #sampler()}. A resumed sweep runs the points
     * that no trial completed, pruned or holds, so failed points run again; several sweeps of one
     * study (in several processes) never run a point twice.
     */
    record Grid(List<Map<String, Object>> points) implements SweepPlan {
        public Grid {
            points = points.stream().map(p -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(p))).toList();
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a grid sweep needs at least one point");
            }
        }

        /** The sampler of a study that sweeps this grid: it claims each point, in order, through the storage. */
        public Sampler sampler() {
            return Samplers.grid(points);
        }

        /** Each parameter as a categorical over the values it takes, in order of first appearance. */
        public Map<String, Distribution> space() {
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
