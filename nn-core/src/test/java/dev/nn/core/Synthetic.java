package dev.nn.core;

import dev.nn.core.data.Dataset;
import dev.nn.core.random.Rng;

import java.util.Map;

/** Small made-up datasets for tests: each class is a bright stripe at its own place, plus noise. */
public final class Synthetic {

    private Synthetic() {
    }

    /** {@code count} samples of {@code features} bytes in {@code classes} classes, drawn from {@code seed}. */
    public static Dataset stripes(int count, int features, int classes, long seed) {
        Rng rng = new Rng(seed);
        byte[] samples = new byte[count * features];
        byte[] labels = new byte[count];
        int width = Math.max(1, features / classes);
        for (int i = 0; i < count; i++) {
            int label = rng.nextInt(classes);
            labels[i] = (byte) label;
            for (int f = 0; f < features; f++) {
                int noise = rng.nextInt(100);
                boolean stripe = f / width == label;
                samples[i * features + f] = (byte) (stripe ? 155 + noise : noise);
            }
        }
        return new Dataset("stripes", samples, labels, features, classes, Map.of());
    }
}
