package dev.osprey.optimizer.sampler.tpe;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/** The settings of a TPE sampler; see {@link TpeBuilder} for their meaning and defaults. */
record TpeSettings(
        int nStartupTrials,
        int nEiCandidates,
        IntUnaryOperator gamma,
        IntFunction<double[]> weights,
        double priorWeight,
        double categoricalPriorWeight,
        boolean magicClip,
        boolean endpoints,
        boolean multivariate,
        boolean multiObjectiveMultivariate,
        boolean group,
        boolean constantLiar,
        KernelRules kernels) {
}
