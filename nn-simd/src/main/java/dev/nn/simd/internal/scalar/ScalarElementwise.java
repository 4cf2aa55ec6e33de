package dev.nn.simd.internal.scalar;

import dev.nn.simd.internal.Elementwise;

/** The element-wise kernels in plain Java: the fallback, the Panama kernels' tails, and their oracle. */
public final class ScalarElementwise implements Elementwise {

    private final ScalarFma fma;

    /** Element-wise kernels with this multiply-add. */
    public ScalarElementwise(ScalarFma fma) {
        this.fma = fma;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = fma.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    /** y[i] += alpha·x[i] for off ≤ i &lt; off + n: one index for both arrays, a loop the JIT vectorizes. */
    public void axpy(float alpha, float[] x, float[] y, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            y[i] = fma.fma(alpha, x[i], y[i]);
        }
    }

    @Override
    public void scale(float alpha, float[] x, int off, int n) {
        for (int i = 0; i < n; i++) {
            x[off + i] *= alpha;
        }
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += x[xOff + i];
        }
    }

    /** y[i] += x[i] for off ≤ i &lt; off + n: one index for both arrays, a loop the JIT vectorizes. */
    public void add(float[] x, float[] y, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            y[i] += x[i];
        }
    }

    @Override
    public void addRowVector(float[] v, int vOff, float[] c, int cOff, int ldc, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            add(v, vOff, c, cOff + i * ldc, cols);
        }
    }
}
