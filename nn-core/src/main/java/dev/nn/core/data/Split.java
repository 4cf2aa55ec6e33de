package dev.nn.core.data;

import dev.nn.core.random.Rng;

/**
 * A seeded random split of a dataset's samples into kept and held out, the same for {@link Table} and
 * {@link Dataset}: the samples in a shuffled order, the first {@link #held} of which are held out.
 */
final class Split {

    private Split() {
    }

    /** 0..size−1 shuffled by a generator seeded with {@code seed}: the same seed, the same order. */
    static int[] order(String name, int size, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1, got " + fraction);
        }
        if (size < 2) {
            throw new IllegalArgumentException(name + ": " + size + " sample(s) cannot be split");
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        new Rng(seed).shuffle(order);
        return order;
    }

    /** How many of {@code size} samples a {@code fraction} holds out: at least one, and one left. */
    static int held(int size, double fraction) {
        return (int) Math.min(size - 1, Math.max(1, Math.round(fraction * size)));
    }
}
