package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Updates;
import dev.nn.simd.internal.scalar.ScalarUpdates;
import jdk.incubator.vector.FloatVector;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;

/** Adam and momentum on vectors. */
final class PanamaUpdates implements Updates {

    private final ScalarUpdates tails = new ScalarUpdates(Vectors.FUSED);

    @Override
    public void adam(float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff, int n,
                     float beta1, float beta2, float stepSize, float vScale, float epsilon) {
        FloatVector b1 = FloatVector.broadcast(FLOATS, beta1), b2 = FloatVector.broadcast(FLOATS, beta2);
        FloatVector eps = FloatVector.broadcast(FLOATS, epsilon), vs = FloatVector.broadcast(FLOATS, vScale);
        float oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2;
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector gi = FloatVector.fromArray(FLOATS, g, gOff + i);
            FloatVector mOld = FloatVector.fromArray(FLOATS, m, mOff + i);
            FloatVector vOld = FloatVector.fromArray(FLOATS, v, vOff + i);
            FloatVector mi = b1.fma(mOld, gi.mul(oneMinusBeta1));
            FloatVector vi = b2.fma(vOld, gi.mul(gi).mul(oneMinusBeta2));
            mi.intoArray(m, mOff + i);
            vi.intoArray(v, vOff + i);
            FloatVector denominator = vi.sqrt().fma(vs, eps);
            FloatVector.fromArray(FLOATS, w, wOff + i).sub(mi.mul(stepSize).div(denominator)).intoArray(w, wOff + i);
        }
        tails.adam(w, wOff + i, g, gOff + i, m, mOff + i, v, vOff + i, n - i, beta1, beta2, stepSize, vScale,
                epsilon);
    }

    @Override
    public void momentum(float[] w, int wOff, float[] g, int gOff, float[] v, int vOff, int n, float mu, float lr) {
        FloatVector muV = FloatVector.broadcast(FLOATS, mu), minusLr = FloatVector.broadcast(FLOATS, -lr);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector gi = FloatVector.fromArray(FLOATS, g, gOff + i);
            FloatVector vOld = FloatVector.fromArray(FLOATS, v, vOff + i);
            FloatVector vi = muV.fma(vOld, gi);
            vi.intoArray(v, vOff + i);
            FloatVector wi = FloatVector.fromArray(FLOATS, w, wOff + i);
            minusLr.fma(vi, wi).intoArray(w, wOff + i);
        }
        tails.momentum(w, wOff + i, g, gOff + i, v, vOff + i, n - i, mu, lr);
    }
}
