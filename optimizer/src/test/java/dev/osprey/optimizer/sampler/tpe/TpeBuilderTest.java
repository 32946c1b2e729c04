package dev.osprey.optimizer.sampler.tpe;

import dev.osprey.optimizer.sampler.Samplers;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TpeBuilderTest {

    @Test
    void optuna31HasThatVersionsDefaultsAndKernelFormulas() {
        String s = Samplers.tpeOptuna().toString();
        for (String expected : new String[] {"nStartupTrials=10", "nEiCandidates=24", "priorWeight=1.0",
                "categoricalPriorWeight=1.0", "magicClip=true", "endpoints=false", "multivariate=false",
                "multiObjectiveMultivariate=false", "group=false", "constantLiar=false",
                "KernelRules[priorInBandwidths=true, scottBandwidth=false, unscaledDensity=true, logIntPointDensity=true]"}) {
            assertTrue(s.contains(expected), expected + " in " + s);
        }
    }

    @Test
    void theScottBandwidthAppliesOnlyWhenSamplingIsMultivariate() {
        assertTrue(TpeBuilder.optuna31().multivariate(true).build().toString().contains("scottBandwidth=true"));
        assertTrue(TpeBuilder.defaults().scottBandwidth(true).multivariate(false).build().toString()
                .contains("scottBandwidth=false"));
    }

    @Test
    void ospreysDefaultsKeepTheCurrentFormulasAndTheirOwnCategoricalPriorWeight() {
        String s = Samplers.tpe().toString();
        assertTrue(s.contains("categoricalPriorWeight=8.0") && s.contains("multivariate=true")
                && s.contains("constantLiar=true") && s.contains("kernels=" + KernelRules.CURRENT), s);
    }
}
