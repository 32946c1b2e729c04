package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.pareto.Hypervolume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The hypervolume subset selection problem: which {@code k} of a set of loss vectors keep the
 * largest hypervolume. Solved greedily, as Optuna's {@code _solve_hssp} does: repeatedly keep the
 * point that adds the most hypervolume to those kept so far, a {@code (1 - 1/e)} approximation
 * since hypervolume is submodular (Guerreiro, Fonseca and Paquete, "Greedy Hypervolume Subset
 * Selection in Low Dimensions", Evolutionary Computation 24(3), 2016).
 *
 * <p>The greedy is lazy (Minoux, "Accelerated greedy algorithms for maximizing submodular set
 * functions", 1978), as Optuna's current {@code _solve_hssp} is: a point's gain only shrinks as
 * points are kept, so its last computed gain bounds the next one, and a point whose fresh gain
 * still beats every other bound is the greedy choice without computing the others'. The picks are
 * those of the plain greedy, ties going to the lower index.
 */
final class HypervolumeSubset {

    private HypervolumeSubset() {
    }

    /**
     * The indices of the {@code k} points kept, in the order they were chosen (ties go to the lower
     * index). With a reference point that is not finite the contributions are meaningless, and the
     * first {@code k} points are kept, as Optuna does.
     *
     * @param points    {@code [point][objective]}, each no worse than {@code reference}
     * @param k         how many to keep, {@code 0 <= k <= points.length}
     * @param reference the reference point of the hypervolume
     */
    static int[] select(double[][] points, int k, double[] reference) {
        if (k < 0 || k > points.length) {
            throw new IllegalArgumentException("the subset size must be between 0 and the " + points.length
                    + " point(s) to choose from, but it is " + k);
        }
        int[] chosen = new int[k];
        if (Arrays.stream(reference).anyMatch(r -> !Double.isFinite(r))) {
            Arrays.setAll(chosen, i -> i);
            return chosen;
        }
        double[] bound = new double[points.length];
        boolean[] fresh = new boolean[points.length];
        PriorityQueue<Integer> queue = new PriorityQueue<>(Comparator.<Integer>comparingDouble(j -> -bound[j])
                .thenComparingInt(j -> j));
        for (int j = 0; j < points.length; j++) {
            bound[j] = Hypervolume.of(new double[][] {points[j]}, reference);
            fresh[j] = true;
            queue.add(j);
        }
        List<double[]> kept = new ArrayList<>();
        double keptVolume = 0;
        for (int c = 0; c < k; c++) {
            while (true) {
                int top = queue.poll();
                if (!fresh[top]) {
                    double[][] with = kept.toArray(new double[kept.size() + 1][]);
                    with[kept.size()] = points[top];
                    bound[top] = Hypervolume.of(with, reference) - keptVolume;
                    fresh[top] = true;
                }
                Integer next = queue.peek();
                if (next == null || bound[top] > bound[next] || (bound[top] == bound[next] && top < next)) {
                    chosen[c] = top;
                    break;
                }
                queue.add(top);
            }
            kept.add(points[chosen[c]]);
            keptVolume = Hypervolume.of(kept.toArray(double[][]::new), reference);
            Arrays.fill(fresh, false);
        }
        return chosen;
    }
}
