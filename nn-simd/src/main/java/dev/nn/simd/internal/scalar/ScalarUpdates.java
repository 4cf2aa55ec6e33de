package dev.nn.simd.internal.scalar;

import dev.nn.simd.internal.Updates;

/** Adam and momentum in plain Java. */
public final class ScalarUpdates implements Updates {

    private final ScalarFma fma;

    /** Updates with this multiply-add. */
    public ScalarUpdates(ScalarFma fma) {
        this.fma = fma;
    }

    @Override
    public void adam(float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff, int n,
                     float beta1, float beta2, float stepSize, float vScale, float epsilon) {
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        for (int i = 0; i < n; i++) {
            float gi = g[gOff + i];
            float mi = fma.fma(beta1, m[mOff + i], oneMinusBeta1 * gi);
            float vi = fma.fma(beta2, v[vOff + i], gi * gi * oneMinusBeta2);
            m[mOff + i] = mi;
            v[vOff + i] = vi;
            w[wOff + i] -= stepSize * mi / fma.fma((float) Math.sqrt(vi), vScale, epsilon);
        }
    }

    @Override
    public void momentum(float[] w, int wOff, float[] g, int gOff, float[] v, int vOff, int n, float mu, float lr) {
        for (int i = 0; i < n; i++) {
            float vi = fma.fma(mu, v[vOff + i], g[gOff + i]);
            v[vOff + i] = vi;
            w[wOff + i] = fma.fma(-lr, vi, w[wOff + i]);
        }
    }
}
