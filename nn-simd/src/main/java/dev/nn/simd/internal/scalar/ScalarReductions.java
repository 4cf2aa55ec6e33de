package dev.nn.simd.internal.scalar;

import dev.nn.simd.internal.Reductions;

/** The reductions in plain Java; dot and sum carry four accumulators, so that their chains of additions overlap. */
public final class ScalarReductions implements Reductions {

    private final ScalarFma fma;

    /** Reductions with this multiply-add. */
    public ScalarReductions(ScalarFma fma) {
        this.fma = fma;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float acc1 = 0, acc2 = 0, acc3 = 0, acc4 = 0;
        int i = 0;
        for (int bound = n & ~3; i < bound; i += 4) {
            acc1 = fma.fma(a[aOff + i], b[bOff + i], acc1);         // one
            acc2 = fma.fma(a[aOff + i + 1], b[bOff + i + 1], acc2); // two
            acc3 = fma.fma(a[aOff + i + 2], b[bOff + i + 2], acc3); // three
            acc4 = fma.fma(a[aOff + i + 3], b[bOff + i + 3], acc4); // four
        }
        float sum = (acc1 + acc2) + (acc3 + acc4);
        for (; i < n; i++) {
            sum = fma.fma(a[aOff + i], b[bOff + i], sum);
        }
        return sum;
    }

    @Override
    public float sum(float[] x, int off, int n) {
        float acc1 = 0, acc2 = 0, acc3 = 0, acc4 = 0;
        int i = 0;
        for (int bound = n & ~3; i < bound; i += 4) {
            acc1 += x[off + i];
            acc2 += x[off + i + 1];
            acc3 += x[off + i + 2];
            acc4 += x[off + i + 3];
        }
        float sum = (acc1 + acc2) + (acc3 + acc4);
        for (; i < n; i++) {
            sum += x[off + i];
        }
        return sum;
    }

    @Override
    public float max(float[] x, int off, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[off + i]);
        }
        return max;
    }

    @Override
    public int argmax(float[] x, int off, int n) {
        int best = n == 0 ? -1 : 0;
        for (int i = 0; i < n; i++) {
            float v = x[off + i];
            if (Float.isNaN(v)) {
                return i;
            }
            if (v > x[off + best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public void columnSums(float[] a, int aOff, int lda, int rows, int cols, float[] out, int outOff, float beta) {
        for (int j = 0; j < cols; j++) {
            float acc = 0;
            for (int i = 0; i < rows; i++) {
                acc += a[aOff + i * lda + j];
            }
            out[outOff + j] = beta == 0 ? acc : fma.fma(beta, out[outOff + j], acc);
        }
    }
}
