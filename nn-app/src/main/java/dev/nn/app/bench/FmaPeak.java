package dev.nn.app.bench;

import dev.nn.simd.Kernels;
import dev.nn.simd.SimdInfo;

/**
 * This core's fused multiply-add peak, the yardstick kernel speeds are quoted against: twelve independent FMA
 * chains on registers only (vectors of the width the kernels use, or scalars when they run scalar), run for a
 * while after a warm-up, the best rate kept. GFLOP/s, an FMA counting as two.
 */
public final class FmaPeak {

    private static final int CHAINS = 12;

    private FmaPeak() {
    }

    /** The peak in GFLOP/s measured over about {@code millis} milliseconds. */
    public static double gflops(int millis) {
        SimdInfo info = Kernels.info();
        boolean vectors = info.vectorBits() > 0;
        int lanes = vectors ? info.lanes() : 1;
        loop(vectors, 200_000);
        long iterations = 100_000;
        double best = 0;
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            float sink = loop(vectors, iterations);
            long took = System.nanoTime() - start;
            if (sink == 42f) {
                iterations++; // depends on the result, so the loop cannot be optimised away
            }
            best = Math.max(best, 2.0 * CHAINS * lanes * iterations / took);
            if (took < 2_000_000) {
                iterations *= 2;
            }
        }
        return best;
    }

    private static float loop(boolean vectors, long iterations) {
        return vectors ? VectorFmaPeak.loop(iterations) : scalarLoop(iterations);
    }

    private static float scalarLoop(long iterations) {
        float m = 0.999f, s0 = 1, s1 = 2, s2 = 3, s3 = 4, s4 = 5, s5 = 6, s6 = 7, s7 = 8, s8 = 9, s9 = 10, s10 = 11,
                s11 = 12;
        for (long i = 0; i < iterations; i++) {
            s0 = Math.fma(s0, m, 0.5f);
            s1 = Math.fma(s1, m, 0.5f);
            s2 = Math.fma(s2, m, 0.5f);
            s3 = Math.fma(s3, m, 0.5f);
            s4 = Math.fma(s4, m, 0.5f);
            s5 = Math.fma(s5, m, 0.5f);
            s6 = Math.fma(s6, m, 0.5f);
            s7 = Math.fma(s7, m, 0.5f);
            s8 = Math.fma(s8, m, 0.5f);
            s9 = Math.fma(s9, m, 0.5f);
            s10 = Math.fma(s10, m, 0.5f);
            s11 = Math.fma(s11, m, 0.5f);
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11;
    }
}
