package dev.nn.core.init;

import dev.nn.core.random.Rng;

/**
 * Glorot (Xavier) initialisation (Glorot &amp; Bengio, 2010): w ~ U(−a, a) with a = √(6/(fanIn + fanOut)), so
 * that Var(w) = 2/(fanIn + fanOut) keeps activations and gradients at one scale through tanh and sigmoid layers.
 */
public final class GlorotUniform implements Initializer {

    /** The short name. */
    public static final String ID = "glorot";

    @Override
    public String id() {
        return ID;
    }

    /** {@inheritDoc} The derivation: docs/MATH.md#he-and-glorot-initialisation. */
    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, Rng rng) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
        }
    }
}
