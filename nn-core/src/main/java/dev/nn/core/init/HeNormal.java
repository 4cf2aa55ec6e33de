package dev.nn.core.init;

import dev.nn.core.random.Rng;

/**
 * He initialisation (He et al., 2015): w ~ N(0, 2/fanIn), which keeps the variance of ReLU activations
 * steady from layer to layer.
 */
public final class HeNormal implements Initializer {

    /** The short name. */
    public static final String ID = "he";

    @Override
    public String id() {
        return ID;
    }

    /** {@inheritDoc} The derivation: docs/MATH.md#he-and-glorot-initialisation. */
    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, Rng rng) {
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (rng.nextGaussian() * std);
        }
    }
}
