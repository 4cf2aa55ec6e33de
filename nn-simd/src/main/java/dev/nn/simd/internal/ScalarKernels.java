package dev.nn.simd.internal;

import java.util.Arrays;

/**
 * The scalar twin of {@link PanamaKernels}: plain Java, the same blocking and accumulator structure, used as
 * the fallback when the Vector API is absent and as the oracle the Panama kernels are tested against.
 */
final class ScalarKernels implements KernelSupport {

    private final boolean fused;

    ScalarKernels(boolean fused) {
        this.fused = fused;
    }

    private float fma(float a, float b, float acc) {
        return fused ? Math.fma(a, b, acc) : a * b + acc;
    }

    /** exp gives 0 below EXP_MIN (where eˣ is no longer a normal float) and clamps arguments above EXP_MAX. */
    static final float EXP_MIN = -87.33f;
    static final float EXP_MAX = 88.37f;
    static final float LOG2_E = 1.44269504f;
    /** ln 2 split in two: LN2_HI has few enough bits that n·LN2_HI is exact for |n| ≤ 128. */
    static final float LN2_HI = 0.693145751953125f;
    static final float LN2_LO = 1.42860677e-6f;
    /** 1.5·2²³: adding it rounds a float below 2²² to an integer, which then sits in the low mantissa bits. */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    /** Taylor coefficients 1/k! of eʳ for k = 7 down to 2; |r| ≤ ln2/2 keeps the truncation below 5e-9. */
    static final float C7 = 1f / 5040, C6 = 1f / 720, C5 = 1f / 120, C4 = 1f / 24, C3 = 1f / 6, C2 = 0.5f;

    /**
     * eˣ within 4 ulp, by the textbook method: n = round(x·log₂e), r = x − n·ln2, eˣ = 2ⁿ·eʳ with eʳ from its
     * Taylor polynomial. Only additions, multiplications and bit moves, so the vector version gives the same
     * bits; {@link Math#exp} and the Vector API's EXP do not promise that.
     */
    float exp(float x) {
        float clamped = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float t = fma(clamped, LOG2_E, ROUNDER);
        float n = t - ROUNDER;
        float r = fma(n, -LN2_HI, clamped);
        r = fma(n, -LN2_LO, r);
        float p = fma(C7, r, C6);
        p = fma(p, r, C5);
        p = fma(p, r, C4);
        p = fma(p, r, C3);
        p = fma(p, r, C2);
        p = fma(p, r, 1f);
        p = fma(p, r, 1f);
        float result = p * Float.intBitsToFloat((Float.floatToRawIntBits(t) - ROUNDER_BITS + 127) << 23);
        return x < EXP_MIN ? 0f : result;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float acc1 = 0, acc2 = 0, acc3 = 0, acc4 = 0;
        int i = 0;
        for (int bound = n & ~3; i < bound; i += 4) {
            acc1 = fma(a[aOff + i], b[bOff + i], acc1);         // one
            acc2 = fma(a[aOff + i + 1], b[bOff + i + 1], acc2); // two
            acc3 = fma(a[aOff + i + 2], b[bOff + i + 2], acc3); // three
            acc4 = fma(a[aOff + i + 3], b[bOff + i + 3], acc4); // four
        }
        float sum = (acc1 + acc2) + (acc3 + acc4);
        for (; i < n; i++) {
            sum = fma(a[aOff + i], b[bOff + i], sum);
        }
        return sum;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = fma(alpha, x[xOff + i], y[yOff + i]);
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
        for (int i = 1; i < n; i++) {
            if (x[off + i] > x[off + best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                       int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, k, 1, b, bOff, c, cOff, m, n, k, alpha, beta);
    }

    @Override
    public void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, 1, m, b, bOff, c, cOff, m, n, k, alpha, beta);
    }

    @Override
    public void matmulTransA(float[] a, int aOff, int lda, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, 1, lda, b, bOff, c, cOff, m, n, k, alpha, beta);
    }

    /**
     * C = alpha·A·B + beta·C where A(i, p) = a[aOff + i·rowStride + p·colStride]. Like the Panama kernel: C is
     * first set to beta·C (zeros when beta is 0), then each row of C gains alpha times a sum of rows of B scaled
     * by elements of A, accumulated in order of p in a per-thread row that is allocated once.
     */
    private void broadcastProduct(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff,
                                  float[] c, int cOff, int m, int n, int k, float alpha, float beta) {
        if (beta == 0) {
            Arrays.fill(c, cOff, cOff + m * n, 0f);
        } else if (beta != 1) {
            scale(beta, c, cOff, m * n);
        }
        float[] acc = accumulatorRow(n);
        for (int i = 0; i < m; i++) {
            Arrays.fill(acc, 0, n, 0f);
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * rowStride + p * colStride];
                int bRow = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    acc[j] = fma(aip, b[bRow + j], acc[j]);
                }
            }
            int row = cOff + i * n;
            for (int j = 0; j < n; j++) {
                c[row + j] += alpha * acc[j];
            }
        }
    }

    private final ThreadLocal<float[]> accumulators = ThreadLocal.withInitial(() -> new float[0]);

    private float[] accumulatorRow(int n) {
        float[] row = accumulators.get();
        if (row.length < n) {
            row = new float[n];
            accumulators.set(row);
        }
        return row;
    }

    @Override
    public void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        matmulTransBBlock(a, aOff, b, bOff, c, cOff, n, m, n, k, alpha, beta);
    }

    /** Never: every A·Bᵀ here is a dot product per element. */
    @Override
    public boolean transposesB(int m, int n, int k) {
        return false;
    }

    @Override
    public void matmulTransBBlock(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc,
                                  int m, int n, int k, float alpha, float beta) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float acc = dot(a, aOff + i * k, b, bOff + j * k, k);
                c[row + j] = beta == 0 ? alpha * acc : fma(beta, c[row + j], alpha * acc);
            }
        }
    }

    @Override
    public void addRowVector(float[] v, int vOff, float[] c, int cOff, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            add(v, vOff, c, cOff + i * cols, cols);
        }
    }

    @Override
    public void columnSums(float[] a, int aOff, int rows, int cols, float[] out, int outOff, float beta) {
        for (int j = 0; j < cols; j++) {
            float acc = 0;
            for (int i = 0; i < rows; i++) {
                acc += a[aOff + i * cols + j];
            }
            out[outOff + j] = beta == 0 ? acc : fma(beta, out[outOff + j], acc);
        }
    }

    @Override
    public void relu(float[] x, int off, int n) {
        for (int i = 0; i < n; i++) {
            x[off + i] = Math.max(x[off + i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            grad[gOff + i] = out[outOff + i] > 0 ? grad[gOff + i] : 0f;
        }
    }

    @Override
    public void leakyRelu(float[] x, int off, int n, float slope) {
        for (int i = off; i < off + n; i++) {
            x[i] = x[i] > 0 ? x[i] : slope * x[i];
        }
    }

    @Override
    public void leakyReluBackward(float[] out, int outOff, float[] grad, int gOff, int n, float slope) {
        for (int i = 0; i < n; i++) {
            grad[gOff + i] = out[outOff + i] > 0 ? grad[gOff + i] : slope * grad[gOff + i];
        }
    }

    @Override
    public void sigmoid(float[] x, int off, int n) {
        exp(x, off, n, -1f, 0f);
        for (int i = off; i < off + n; i++) {
            x[i] = 1f / (1f + x[i]);
        }
    }

    @Override
    public void sigmoidBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            float a = out[outOff + i];
            grad[gOff + i] *= a * (1f - a);
        }
    }

    @Override
    public void tanh(float[] x, int off, int n) {
        exp(x, off, n, 2f, 0f);
        for (int i = off; i < off + n; i++) {
            x[i] = 1f - 2f / (x[i] + 1f);
        }
    }

    @Override
    public void tanhBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            float a = out[outOff + i];
            grad[gOff + i] *= fma(-a, a, 1f);
        }
    }

    @Override
    public void exp(float[] x, int off, int n, float scale, float shift) {
        for (int i = off; i < off + n; i++) {
            x[i] = exp(x[i] * scale + shift);
        }
    }

    @Override
    public float softmax(float[] x, int off, int n) {
        float max = max(x, off, n);
        exp(x, off, n, 1f, -max);
        float sum = sum(x, off, n);
        scale(1f / sum, x, off, n);
        return max + (float) Math.log(sum);
    }

    @Override
    public void softmaxRows(float[] x, int off, int rows, int cols, float[] lse, int lseOff) {
        for (int r = 0; r < rows; r++) {
            lse[lseOff + r] = softmax(x, off + r * cols, cols);
        }
    }

    @Override
    public void momentum(float[] w, float[] g, float[] v, int off, int n, float mu, float lr) {
        for (int i = off; i < off + n; i++) {
            float vi = fma(mu, v[i], g[i]);
            v[i] = vi;
            w[i] = fma(-lr, vi, w[i]);
        }
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, int off, int n,
                     float beta1, float beta2, float stepSize, float vScale, float epsilon) {
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        for (int i = off; i < off + n; i++) {
            float gi = g[i];
            float mi = fma(beta1, m[i], oneMinusBeta1 * gi);
            float vi = fma(beta2, v[i], gi * gi * oneMinusBeta2);
            m[i] = mi;
            v[i] = vi;
            w[i] -= stepSize * mi / fma((float) Math.sqrt(vi), vScale, epsilon);
        }
    }

    @Override
    public void unsignedBytesToFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (src[srcOff + i] & 0xFF) * scale;
        }
    }

    @Override
    public float fmaPeakLoop(long iterations) {
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

    @Override
    public int peakLanes() {
        return 1;
    }
}
