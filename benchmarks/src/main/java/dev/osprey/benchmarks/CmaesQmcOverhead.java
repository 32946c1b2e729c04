package dev.osprey.benchmarks;

import dev.osprey.optimizer.sampler.Samplers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The overhead suite's CMA-ES and QMC rows: the cost of the n-th trial of a study grown by
 * {@link OverheadSuite#grow} with {@code Samplers.cmaes()} and {@code Samplers.qmc()}, after a warm-up;
 * Optuna's side is {@code benchmarks/python/overhead_cmaes_qmc.py}.
 */
final class CmaesQmcOverhead {

    private CmaesQmcOverhead() {
    }

    static List<Map<String, Object>> run(OverheadSuite.Plan plan, Consumer<String> progress) {
        for (String s : CmaesQmcQuality.SAMPLERS) {
            OverheadSuite.grow(Samplers.byName(s), plan.warmUp(), Double.POSITIVE_INFINITY);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        int maxN = Arrays.stream(plan.ns()).max().orElseThrow();
        for (String s : CmaesQmcQuality.SAMPLERS) {
            double[][] run = OverheadSuite.grow(Samplers.byName(s), maxN, plan.capSeconds());
            rows.addAll(OverheadSuite.costRows(s, "inmemory", plan.ns(), run, plan.capSeconds(), progress));
        }
        return rows;
    }
}
