package dev.nn.core.init;

import dev.nn.core.random.Rng;


/** Draws a layer's initial weights from the one seeded generator. */
public interface Initializer {

    /** The short name used in configs, flags and model files. */
    String id();

    /** Fills {@code weights} (out×in) for a layer with {@code fanIn} inputs and {@code fanOut} outputs. */
    void initialize(float[] weights, int fanIn, int fanOut, Rng rng);
}
