package dev.osprey.optimizer.sampler;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The sampler contract for TPE modelling groups of parameters that always appear together. */
class TpeGroupSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler() {
        return Samplers.tpeBuilder().group(true).build();
    }

    @Override
    @Test
    @Disabled("TPE proposes NaN for a float range wider than Double.MAX_VALUE: ParzenEstimator's kernel width"
            + " highT - lowT overflows to Infinity")
    public void theWidestFloatRangeIsSampledWithinBounds() {
    }
}
