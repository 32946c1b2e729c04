package dev.osprey.optimizer.sampler;

import dev.osprey.optimizer.space.PlainValues;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.internal.Rngs;
import dev.osprey.optimizer.space.Distribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Exhaustive search over a grid: the Cartesian product of each parameter's values, visited in an
 * order shuffled by the study seed. Every point is claimed through the storage before it is
 * evaluated, so concurrent workers never evaluate one point twice; the study stops when every
 * point is claimed. Failed points are not retried (re-enqueue them to do so).
 */
final class GridSampler implements Sampler {

    static final String GRID_ID = "grid_id";
    static final String GRID_KEY = "grid_key";

    private static final System.Logger LOG = System.getLogger(GridSampler.class.getName());

    private final TreeMap<String, List<Object>> space;
    private final List<Map<String, Object>> points;
    private final String gridKey;

    GridSampler(Map<String, ? extends List<?>> space) {
        if (space.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one parameter");
        }
        this.space = new TreeMap<>();
        space.forEach((name, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("grid parameter '" + name + "' has no values");
            }
            List<Object> normalized = new ArrayList<>();
            for (Object v : values) {
                normalized.add(PlainValues.normalize(v));
            }
            this.space.put(name, Collections.unmodifiableList(normalized));
        });
        this.points = product(this.space);
        this.gridKey = key(canonical(this.space));
    }

    private static List<Map<String, Object>> product(TreeMap<String, List<Object>> space) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(Map.of());
        for (Map.Entry<String, List<Object>> axis : space.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>(points.size() * axis.getValue().size());
            for (Map<String, Object> point : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> extended = new TreeMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(Collections.unmodifiableMap(extended));
                }
            }
            points = next;
        }
        return Collections.unmodifiableList(points);
    }

    /** A text that differs whenever the grid's names, values or value types differ. */
    private static String canonical(Object value) {
        return switch (value) {
            case null -> "n";
            case String s -> "s" + s.length() + ":" + s;
            case Boolean b -> "b" + b;
            case Long l -> "i" + l;
            case Double d -> "d" + d;
            case List<?> list -> {
                StringBuilder out = new StringBuilder("l" + list.size() + "[");
                list.forEach(v -> out.append(canonical(v)));
                yield out.append(']').toString();
            }
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("m" + map.size() + "{");
                map.forEach((k, v) -> out.append(canonical(k)).append(canonical(v)));
                yield out.append('}').toString();
            }
            default -> throw new IllegalArgumentException("not a plain value: " + value);
        };
    }

    /** A 64-bit digest of the grid's values: grids that differ never share claims in practice. */
    private static String key(String canonical) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** How many points the grid has. */
    int size() {
        return points.size();
    }

    @Override
    public void beforeTrial(StudyView study, TrialRecord trial) {
        if (trial.systemAttrs().containsKey("fixed_params") || trial.systemAttrs().containsKey(GRID_ID)) {
            return;
        }
        int[] order = order(study.seed());
        for (int i = 0; i < order.length; i++) {
            int index = order[Math.floorMod(trial.number() + i, order.length)];
            if (study.claimGridPoint(gridKey, index, trial)) {
                study.setSystemAttr(trial, GRID_KEY, gridKey);
                study.setSystemAttr(trial, GRID_ID, index);
                return;
            }
        }
        study.stop();
    }

    /** The visiting order: the points shuffled by the study seed, the same in every worker. */
    private int[] order(long seed) {
        int[] order = new int[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom rng = Rngs.forTrial(seed, -1, "grid:" + gridKey);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public double sampleIndependent(StudyView study, TrialRecord trial, String name, Distribution distribution) {
        if (!(trial.systemAttrs().get(GRID_ID) instanceof Number id)) {
            if (trial.systemAttrs().containsKey("fixed_params")) {
                throw new IllegalArgumentException("trial " + trial.number() + " was enqueued with fixed parameters"
                        + " that do not include '" + name + "'; a trial enqueued on a grid study needs every"
                        + " parameter the objective suggests");
            }
            throw new IllegalStateException("every point of the grid is already claimed by another trial;"
                    + " trial " + trial.number() + " has nothing left to evaluate");
        }
        List<Object> axis = space.get(name);
        if (axis == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is not in the grid, which has "
                    + space.keySet() + "; add it to the grid or fix its value");
        }
        Object value = points.get(id.intValue()).get(name);
        double internal = distribution.toInternal(value);
        if (!distribution.contains(internal)) {
            LOG.log(System.Logger.Level.WARNING, "grid value {0} of ''{1}'' lies outside {2}; it is used as given",
                    value, name, distribution);
        }
        return internal;
    }

    @Override
    public void afterTrial(StudyView study, TrialRecord trial) {
        if (isExhausted(study)) {
            study.stop();
        }
    }

    @Override
    public boolean isExhausted(StudyView study) {
        return study.claimedGridPoints(gridKey).cardinality() >= points.size();
    }
}
