package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.space.Distribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What TPE has learned from a study's finished trials, kept per process and updated
 * incrementally: finished trials never change, so each is read once. Columns are indexed by trial
 * number (numbers are dense), COMPLETE trials are kept sorted by value, and the search space
 * shared by every finished trial is maintained as trials arrive.
 *
 * <p>With several objectives, COMPLETE trials keep their loss vectors (maximised objectives
 * negated) and the good group comes from {@link ParetoSplit}, computed once per number of COMPLETE
 * trials; PRUNED trials are left out of the model, as Optuna 3.1 does for such studies (they still
 * shape the search space).
 *
 * <p>Constraints (trials that carry {@link TrialRecord#CONSTRAINTS}) are handled as Optuna 3.1's
 * {@code TPESampler(constraints_func=...)} does: when at least as many trials are feasible as the
 * good group holds, the good group is drawn from the feasible trials alone; otherwise it is every
 * feasible trial and then the least violating ones. A COMPLETE trial without constraint values in a
 * constrained study counts as infinitely violating.
 */
final class TpeHistory {

    private final Direction direction;
    private final boolean multiObjective;
    private final BitSet seen = new BitSet();
    private final BitSet observed = new BitSet();
    private final BitSet prunedTrials = new BitSet();
    private final Map<String, double[]> columns = new HashMap<>();
    private final Map<String, Distribution> distributions = new HashMap<>();
    private double[] values = new double[64];
    /** Each COMPLETE trial's total constraint violation; NaN for a trial without constraint values. */
    private double[] violations = new double[64];
    private boolean constrained;
    private int[] lastStep = new int[64];
    private double[] lastValue = new double[64];
    private int[] completeByValue = new int[64];
    private int nComplete;
    private int watermark;
    private Map<String, Distribution> intersection;
    private final List<Set<String>> groups = new ArrayList<>();

    private final ParetoHistory pareto;

    TpeHistory(Direction direction) {
        this(List.of(direction));
    }

    TpeHistory(List<Direction> directions) {
        if (directions.isEmpty()) {
            throw new IllegalArgumentException("a study has at least one direction, but none was given");
        }
        this.direction = directions.get(0);
        this.multiObjective = directions.size() > 1;
        this.pareto = multiObjective ? new ParetoHistory(directions) : null;
    }

    /** Whether the study has several objectives. */
    boolean multiObjective() {
        return multiObjective;
    }

    /** Reads the trials not seen before; returns the RUNNING ones other than {@code current}. */
    List<TrialRecord> update(List<TrialRecord> trials, int current) {
        List<TrialRecord> running = new ArrayList<>();
        boolean prefixDone = true;
        for (int i = watermark; i < trials.size(); i++) {
            TrialRecord t = trials.get(i);
            if (t.state().isFinished()) {
                if (!seen.get(t.number())) {
                    ingest(t);
                    seen.set(t.number());
                }
                if (prefixDone) {
                    watermark = i + 1;
                }
            } else {
                prefixDone = false;
                if (t.state() == TrialState.RUNNING && t.number() != current) {
                    running.add(t);
                }
            }
        }
        return running;
    }

    private void ingest(TrialRecord t) {
        if (t.state() != TrialState.COMPLETE && t.state() != TrialState.PRUNED) {
            return;
        }
        int number = t.number();
        ensureCapacity(number + 1);
        if (!multiObjective || t.state() == TrialState.COMPLETE) {
            observed.set(number);
        }
        for (Map.Entry<String, Param> e : t.params().entrySet()) {
            Distribution known = distributions.putIfAbsent(e.getKey(), e.getValue().distribution());
            if (known != null && !known.equals(e.getValue().distribution())) {
                continue; // a worker that disagreed on the distribution: its value is not comparable
            }
            double[] column = columns.computeIfAbsent(e.getKey(), k -> nanArray(values.length));
            column[number] = e.getValue().internal();
        }
        if (t.state() == TrialState.COMPLETE && multiObjective) {
            pareto.add(t);
        } else if (t.state() == TrialState.COMPLETE) {
            values[number] = t.value();
            violations[number] = t.constraintViolation().orElse(Double.NaN);
            if (!Double.isNaN(violations[number]) && !constrained) {
                // the study just became constrained: trials seen before rank by violation now too
                constrained = true;
                resortComplete();
            }
            insertComplete(number);
        } else if (!multiObjective) {
            prunedTrials.set(number);
            if (t.intermediateValues().isEmpty()) {
                lastStep[number] = -1;
            } else {
                lastStep[number] = t.intermediateValues().lastKey();
                lastValue[number] = t.intermediateValues().get(lastStep[number]);
            }
        }
        updateSpaces(t);
    }

    private void insertComplete(int number) {
        if (nComplete == completeByValue.length) {
            completeByValue = Arrays.copyOf(completeByValue, nComplete * 2);
        }
        int lo = 0;
        int hi = nComplete;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (completeBefore(completeByValue[mid], number)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(completeByValue, lo, completeByValue, lo + 1, nComplete - lo);
        completeByValue[lo] = number;
        nComplete++;
    }

    private void resortComplete() {
        Integer[] order = new Integer[nComplete];
        for (int i = 0; i < nComplete; i++) {
            order[i] = completeByValue[i];
        }
        Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : completeBefore(a, b) ? -1 : 1);
        for (int i = 0; i < nComplete; i++) {
            completeByValue[i] = order[i];
        }
    }

    /**
     * A COMPLETE trial's violation in the ranking: as stored in a constrained study (infinite when it
     * has none, as Optuna 3.1's constrained TPE counts it), 0 in an unconstrained one.
     */
    private double violation(int number) {
        if (!constrained) {
            return 0;
        }
        return Double.isNaN(violations[number]) ? Double.POSITIVE_INFINITY : violations[number];
    }

    /**
     * Whether COMPLETE trial {@code a} ranks before {@code b}: smaller violation (Optuna 3.1's
     * constrained TPE: feasible trials by value first, then the least violating), better value,
     * lower number.
     */
    private boolean completeBefore(int a, int b) {
        double ca = violation(a);
        double cb = violation(b);
        if (ca != cb) {
            return ca < cb;
        }
        double va = values[a];
        double vb = values[b];
        if (va != vb) {
            return direction == Direction.MINIMIZE ? va < vb : va > vb;
        }
        return a < b;
    }

    private void updateSpaces(TrialRecord t) {
        Map<String, Distribution> own = new TreeMap<>();
        t.params().forEach((name, p) -> {
            if (!p.distribution().isSingle()) {
                own.put(name, p.distribution());
            }
        });
        if (intersection == null) {
            intersection = new TreeMap<>(own);
        } else {
            intersection.entrySet().removeIf(e -> !e.getValue().equals(own.get(e.getKey())));
        }
        // group decomposition: split every group by this trial's parameters
        Set<String> names = new LinkedHashSet<>(own.keySet());
        List<Set<String>> next = new ArrayList<>();
        for (Set<String> group : groups) {
            Set<String> inside = new java.util.TreeSet<>(group);
            inside.retainAll(names);
            Set<String> outside = new java.util.TreeSet<>(group);
            outside.removeAll(names);
            names.removeAll(group);
            if (!inside.isEmpty()) {
                next.add(inside);
            }
            if (!outside.isEmpty()) {
                next.add(outside);
            }
        }
        if (!names.isEmpty()) {
            next.add(new java.util.TreeSet<>(names));
        }
        groups.clear();
        groups.addAll(next);
    }

    /** COMPLETE plus PRUNED trials seen. */
    int observations() {
        return observed.cardinality();
    }

    /** The parameters every COMPLETE or PRUNED trial has, with one distribution, sorted by name. */
    Map<String, Distribution> intersection() {
        return intersection == null ? Map.of() : intersection;
    }

    /** Groups of parameters that always appear together, each sorted by name. */
    List<Set<String>> groups() {
        return groups;
    }

    /** The distribution of a parameter as the finished trials have it. */
    Distribution distribution(String name) {
        return distributions.get(name);
    }

    /**
     * The "good" trials: the {@code nBelow} best COMPLETE ones, filled up with the PRUNED trials
     * that got furthest (then with the best last value) when there are too few.
     */
    BitSet below(int nBelow) {
        if (multiObjective) {
            return pareto.below(nBelow);
        }
        BitSet below = new BitSet();
        int fromComplete = Math.min(nBelow, nComplete);
        for (int i = 0; i < fromComplete; i++) {
            below.set(completeByValue[i]);
        }
        int remaining = nBelow - fromComplete;
        if (remaining > 0 && !prunedTrials.isEmpty()) {
            List<Integer> pruned = new ArrayList<>();
            prunedTrials.stream().forEach(pruned::add);
            pruned.sort((a, b) -> comparePruned(a, b));
            for (int i = 0; i < Math.min(remaining, pruned.size()); i++) {
                below.set(pruned.get(i));
            }
        }
        return below;
    }

    /**
     * Several objectives: the weights of the good observations of {@code names} (the trials of the
     * last {@link #below} that have every name), ordered by trial number as
     * {@link #observations} returns them.
     */
    double[] belowWeights(List<String> names, BitSet below) {
        if (!multiObjective) {
            throw new IllegalStateException("good observations carry their own weights only in multi-objective"
                    + " studies, and this one has a single direction, " + direction);
        }
        double[][] cols = columnsOf(names);
        if (cols == null) {
            return new double[0];
        }
        double[] weights = new double[below.cardinality()];
        int m = 0;
        for (int number = below.nextSetBit(0); number >= 0; number = below.nextSetBit(number + 1)) {
            if (hasAll(cols, number)) {
                weights[m++] = pareto.weight(number);
            }
        }
        return Arrays.copyOf(weights, m);
    }

    /** Orders PRUNED trials: later last step first; then better last value (NaN last); never-reported last. */
    private int comparePruned(int a, int b) {
        boolean ra = lastStep[a] >= 0;
        boolean rb = lastStep[b] >= 0;
        if (ra != rb) {
            return ra ? -1 : 1;
        }
        if (!ra) {
            return Integer.compare(a, b);
        }
        if (lastStep[a] != lastStep[b]) {
            return Integer.compare(lastStep[b], lastStep[a]);
        }
        double ka = key(lastValue[a]);
        double kb = key(lastValue[b]);
        int c = Double.compare(ka, kb);
        return c != 0 ? c : Integer.compare(a, b);
    }

    private double key(double v) {
        if (Double.isNaN(v)) {
            return Double.POSITIVE_INFINITY;
        }
        return direction == Direction.MINIMIZE ? v : -v;
    }

    /**
     * Observations of {@code names} for the trials in {@code below} (if {@code wantBelow}) or the
     * rest plus {@code running}, ordered by trial number; a trial counts only if it has every name.
     *
     * @return {@code [dimension][observation]}
     */
    double[][] observations(List<String> names, BitSet below, boolean wantBelow,
                            List<Map<String, Double>> runningParams, List<Integer> runningNumbers) {
        double[][] cols = columnsOf(names);
        if (cols == null) {
            return new double[names.size()][0];
        }
        BitSet source = (BitSet) (wantBelow ? below.clone() : observed.clone());
        if (!wantBelow) {
            source.andNot(below);
        }
        int capacity = source.cardinality() + (wantBelow ? 0 : runningNumbers.size());
        double[][] out = new double[names.size()][capacity];
        int m = 0;
        int r = 0;
        for (int number = source.nextSetBit(0); ; number = source.nextSetBit(number + 1)) {
            // merge running trials in number order
            while (!wantBelow && r < runningNumbers.size() && (number < 0 || runningNumbers.get(r) < number)) {
                m = addRunning(names, runningParams.get(r), out, m);
                r++;
            }
            if (number < 0) {
                break;
            }
            if (hasAll(cols, number)) {
                for (int d = 0; d < cols.length; d++) {
                    out[d][m] = cols[d][number];
                }
                m++;
            }
        }
        for (int d = 0; d < out.length; d++) {
            out[d] = Arrays.copyOf(out[d], m);
        }
        return out;
    }

    /** The columns of {@code names}, or null if one has never been observed. */
    private double[][] columnsOf(List<String> names) {
        double[][] cols = new double[names.size()][];
        for (int d = 0; d < cols.length; d++) {
            cols[d] = columns.get(names.get(d));
            if (cols[d] == null) {
                return null;
            }
        }
        return cols;
    }

    private static boolean hasAll(double[][] cols, int number) {
        for (double[] col : cols) {
            if (number >= col.length || Double.isNaN(col[number])) {
                return false;
            }
        }
        return true;
    }

    private static int addRunning(List<String> names, Map<String, Double> params, double[][] out, int m) {
        for (String name : names) {
            if (!params.containsKey(name)) {
                return m;
            }
        }
        for (int d = 0; d < names.size(); d++) {
            out[d][m] = params.get(names.get(d));
        }
        return m + 1;
    }

    private void ensureCapacity(int n) {
        if (n <= values.length) {
            return;
        }
        int size = Math.max(n, values.length * 2);
        values = Arrays.copyOf(values, size);
        violations = Arrays.copyOf(violations, size);
        lastStep = Arrays.copyOf(lastStep, size);
        lastValue = Arrays.copyOf(lastValue, size);
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            double[] grown = nanArray(size);
            System.arraycopy(e.getValue(), 0, grown, 0, e.getValue().length);
            e.setValue(grown);
        }
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
