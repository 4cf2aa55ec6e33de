package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Elementwise;
import dev.nn.simd.internal.scalar.ScalarElementwise;
import jdk.incubator.vector.FloatVector;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;

/** The element-wise kernels on vectors: whole vectors, then the scalar twin on the tail. */
final class PanamaElementwise implements Elementwise {

    private final ScalarElementwise tails = new ScalarElementwise(Vectors.FUSED);

    /**
     * With one offset for both arrays, the scalar twin's loop, which the JIT vectorizes itself (the same index
     * in both, so even x == y cannot overlap across elements) after aligning the stores, which the Vector API
     * cannot; otherwise one vector a step (unrolling it was slower at n = 784), then the scalar twin on the
     * tail. Each element is one fused multiply-add either way: the same bits.
     */
    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        if (xOff == yOff) {
            tails.axpy(alpha, x, y, yOff, n);
            return;
        }
        int i = 0;
        FloatVector scale = FloatVector.broadcast(FLOATS, alpha);
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector xi = FloatVector.fromArray(FLOATS, x, xOff + i);
            scale.fma(xi, FloatVector.fromArray(FLOATS, y, yOff + i)).intoArray(y, yOff + i);
        }
        tails.axpy(alpha, x, xOff + i, y, yOff + i, n - i);
    }

    /**
     * The scalar twin's loop: one array, one multiply an element, which the JIT vectorizes itself at the widest
     * vectors and without the per-access checks of the Vector API's loads and stores (65,536 floats in L2: 4.4 µs
     * against 5.8 for the Vector API loop, JMH on AVX2). Loops over two arrays at two offsets it does not
     * vectorize (it cannot rule out that they overlap), so those kernels stay on the Vector API.
     */
    @Override
    public void scale(float alpha, float[] x, int off, int n) {
        tails.scale(alpha, x, off, n);
    }

    /** As {@link #axpy}: one offset for both, the JIT's own loop; otherwise one vector a step. */
    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, int n) {
        if (xOff == yOff) {
            tails.add(x, y, yOff, n);
            return;
        }
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(FLOATS, y, yOff + i).add(FloatVector.fromArray(FLOATS, x, xOff + i))
                    .intoArray(y, yOff + i);
        }
        tails.add(x, xOff + i, y, yOff + i, n - i);
    }

    @Override
    public void addRowVector(float[] v, int vOff, float[] c, int cOff, int ldc, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            add(v, vOff, c, cOff + i * ldc, cols);
        }
    }
}
