package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Elementwise;
import dev.nn.simd.internal.scalar.ScalarElementwise;
import jdk.incubator.vector.FloatVector;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;

/** The element-wise kernels on vectors: whole vectors, then the scalar twin on the tail. */
final class PanamaElementwise implements Elementwise {

    private final ScalarElementwise tails = new ScalarElementwise(Vectors.FUSED);

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        FloatVector scale = FloatVector.broadcast(FLOATS, alpha);
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector xi = FloatVector.fromArray(FLOATS, x, xOff + i);
            FloatVector yi = FloatVector.fromArray(FLOATS, y, yOff + i);
            scale.fma(xi, yi).intoArray(y, yOff + i);
        }
        tails.axpy(alpha, x, xOff + i, y, yOff + i, n - i);
    }

    @Override
    public void scale(float alpha, float[] x, int off, int n) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(FLOATS, x, off + i).mul(alpha).intoArray(x, off + i);
        }
        tails.scale(alpha, x, off + i, n - i);
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, int n) {
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
