package dev.nn.core.init;

import dev.nn.core.random.Rng;

import java.util.Locale;

/** Draws a layer's initial weights from the one seeded generator. */
public interface Initializer {

    /** The short name used in configs, flags and model files. */
    String id();

    /** Fills {@code weights} (out×in) for a layer with {@code fanIn} inputs and {@code fanOut} outputs. */
    void initialize(float[] weights, int fanIn, int fanOut, Rng rng);

    /** The initialiser named {@code id}: {@code he}, {@code glorot} or {@code uniform}. */
    static Initializer byId(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case HeNormal.ID -> new HeNormal();
            case GlorotUniform.ID -> new GlorotUniform();
            case UniformFanIn.ID -> new UniformFanIn();
            default -> throw new IllegalArgumentException("unknown initialiser '" + id + "' (known: " + ids() + ")");
        };
    }

    /** The known names, comma-separated. */
    static String ids() {
        return HeNormal.ID + ", " + GlorotUniform.ID + ", " + UniformFanIn.ID;
    }
}
