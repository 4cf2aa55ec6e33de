package dev.nn.core.init;

import dev.nn.core.random.Rng;

/**
 * The classic uniform initialisation: w ~ U(−1/√fanIn, 1/√fanIn) (LeCun et al., 1998; PyTorch's default for
 * linear layers), so that a unit's input sum has variance about 1/3 whatever the fan-in.
 */
public final class UniformFanIn implements Initializer {

    /** The short name. */
    public static final String ID = "uniform";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, Rng rng) {
        double limit = 1 / Math.sqrt(fanIn);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
        }
    }
}
