package dev.nn.simd.internal;

import java.util.Random;

/** The kinds of input the differential tests feed the kernels: ordinary, zero, huge and sign-alternating. */
enum Fills {
    UNIFORM {
        @Override
        float value(Random random, int i) {
            return random.nextFloat() * 2 - 1;
        }
    },
    ZEROS {
        @Override
        float value(Random random, int i) {
            return 0f;
        }
    },
    LARGE {
        @Override
        float value(Random random, int i) {
            return (random.nextBoolean() ? 1 : -1) * (1e15f + random.nextFloat() * 1e15f);
        }
    },
    ALTERNATING {
        @Override
        float value(Random random, int i) {
            return (i % 2 == 0 ? 1 : -1) * (1 + random.nextFloat());
        }
    };

    abstract float value(Random random, int i);

    /** An array of {@code offset + n + 3} values: the kernel's range starts at {@code offset}, guards around it. */
    float[] array(Random random, int offset, int n) {
        float[] a = new float[offset + n + 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = i >= offset && i < offset + n ? value(random, i) : Float.NaN;
        }
        return a;
    }
}
