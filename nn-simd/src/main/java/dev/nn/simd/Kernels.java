package dev.nn.simd;

import dev.nn.simd.internal.KernelProvider;
import dev.nn.simd.internal.KernelSupport;

import java.util.Objects;

/**
 * Float kernels on {@code float[]} with offsets: SIMD through the Vector API when it is available, a scalar
 * twin otherwise. Every method checks its arguments and delegates to the implementation chosen once per JVM
 * (see {@link #info()}).
 *
 * <p>Matrices are dense and row-major: element (i, j) of an r×c matrix stored at {@code off} is
 * {@code x[off + i*c + j]}. Products compute {@code C = alpha·op(A, B) + beta·C}; with {@code beta == 0} the
 * old contents of C are not read, so C may hold anything. No kernel allocates.
 */
public final class Kernels {

    private static final KernelSupport IMPL = KernelProvider.support();

    private Kernels() {
    }

    /**
     * Splits the matrix products over {@code threads} threads (the caller and threads − 1 helpers) when they are
     * large enough to pay for it (about two million multiply-adds), and long Adam updates, conversions and
     * gathers; smaller ones stay on the caller. The parts are fixed, rows on multiples of four or columns in runs of
     * 64, and each is computed the same way whichever thread takes it, so results are the same bit for bit at any
     * thread count. Default 1.
     */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        KernelProvider.setThreads(threads);
    }

    /** The thread count {@link #setThreads} set. */
    public static int threads() {
        return KernelProvider.threads();
    }

    /** Which implementation runs the kernels: Panama or scalar, vector width, FMA. */
    public static SimdInfo info() {
        return KernelProvider.info();
    }

    /**
     * Measures this core's fused multiply-add peak with the implementation in use, in GFLOP/s (an FMA counts as
     * two): a loop of independent FMAs on registers only, run for about {@code millis} milliseconds after a short
     * warm-up. The yardstick kernels' speeds are quoted against.
     */
    public static double measurePeakGflops(int millis) {
        IMPL.fmaPeakLoop(200_000);
        long iterations = 100_000;
        double best = 0;
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            float sink = IMPL.fmaPeakLoop(iterations);
            long took = System.nanoTime() - start;
            if (sink == 42f) {
                iterations++; // depends on the result, so the loop cannot be optimised away
            }
            best = Math.max(best, 2.0 * 12 * IMPL.peakLanes() * iterations / took);
            if (took < 2_000_000) {
                iterations *= 2;
            }
        }
        return best;
    }

    /** Returns Σ a[aOff+i]·b[bOff+i] over i &lt; n. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        range(a, aOff, n, "a");
        range(b, bOff, n, "b");
        return IMPL.dot(a, aOff, b, bOff, n);
    }

    /** y[yOff+i] += alpha·x[xOff+i] for i &lt; n. */
    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        range(x, xOff, n, "x");
        range(y, yOff, n, "y");
        IMPL.axpy(alpha, x, xOff, y, yOff, n);
    }

    /** x[off+i] *= alpha for i &lt; n. */
    public static void scale(float alpha, float[] x, int off, int n) {
        range(x, off, n, "x");
        IMPL.scale(alpha, x, off, n);
    }

    /** y[yOff+i] += x[xOff+i] for i &lt; n. */
    public static void add(float[] x, int xOff, float[] y, int yOff, int n) {
        range(x, xOff, n, "x");
        range(y, yOff, n, "y");
        IMPL.add(x, xOff, y, yOff, n);
    }

    /** Returns Σ x[off+i] over i &lt; n. */
    public static float sum(float[] x, int off, int n) {
        range(x, off, n, "x");
        return IMPL.sum(x, off, n);
    }

    /** Returns the largest of x[off..off+n), or -∞ when n is 0; NaN if any element is NaN. */
    public static float max(float[] x, int off, int n) {
        range(x, off, n, "x");
        return IMPL.max(x, off, n);
    }

    /** Returns the position (0..n-1) of the first largest of x[off..off+n), or -1 when n is 0. */
    public static int argmax(float[] x, int off, int n) {
        range(x, off, n, "x");
        return IMPL.argmax(x, off, n);
    }

    /** C(m×n) = alpha·A(m×k)·B(k×n) + beta·C. */
    public static void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              int m, int n, int k, float alpha, float beta) {
        matrices(a, aOff, b, bOff, c, cOff, m, n, k);
        IMPL.matmul(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta);
    }

    /** C(m×n) = alpha·Aᵀ·B + beta·C, where A is stored k×m and B is k×n. */
    public static void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                    int m, int n, int k, float alpha, float beta) {
        matrices(a, aOff, b, bOff, c, cOff, m, n, k);
        IMPL.matmulTransA(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta);
    }

    /**
     * C(m×n) = alpha·A·Bᵀ + beta·C, where A is m×k and B is stored n×k.
     *
     * <p>The derivation: docs/MATH.md#the-forward-pass-of-a-dense-layer.
     */
    public static void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                    int m, int n, int k, float alpha, float beta) {
        matrices(a, aOff, b, bOff, c, cOff, m, n, k);
        IMPL.matmulTransB(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta);
    }

    /**
     * {@link #matmulTransB}, then {@code finish} on C, block by block: each block on the thread that computed it,
     * right after, while it is in that core's cache (a layer's bias and activation, for instance).
     */
    public static void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                    int m, int n, int k, float alpha, float beta, BlockOp finish) {
        matrices(a, aOff, b, bOff, c, cOff, m, n, k);
        IMPL.matmulTransB(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta, Objects.requireNonNull(finish, "finish"));
    }

    /**
     * {@code prepare} on A (stored k×m), block by block, then {@link #matmulTransA}: each block of A's columns on
     * the thread that then makes its rows of C from them (an activation's derivative, for instance).
     */
    public static void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                    int m, int n, int k, float alpha, float beta, BlockOp prepare) {
        matrices(a, aOff, b, bOff, c, cOff, m, n, k);
        IMPL.matmulTransA(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta,
                Objects.requireNonNull(prepare, "prepare"));
    }

    /** Adds the vector v[vOff..vOff+cols) to every row of the rows×cols matrix at c[cOff] (a bias add). */
    public static void addRowVector(float[] v, int vOff, float[] c, int cOff, int rows, int cols) {
        range(v, vOff, cols, "v");
        range(c, cOff, product(rows, cols), "c");
        IMPL.addRowVector(v, vOff, c, cOff, rows, cols);
    }

    /** out[outOff+j] = Σᵢ a(i, j) + beta·out[outOff+j]: the column sums of the rows×cols matrix a. */
    public static void columnSums(float[] a, int aOff, int rows, int cols, float[] out, int outOff, float beta) {
        range(a, aOff, product(rows, cols), "a");
        range(out, outOff, cols, "out");
        IMPL.columnSums(a, aOff, rows, cols, out, outOff, beta);
    }

    /** x = max(x, 0) in place, for i &lt; n. */
    public static void relu(float[] x, int off, int n) {
        range(x, off, n, "x");
        IMPL.relu(x, off, n);
    }

    /**
     * grad[gOff+i] = 0 wherever out[outOff+i] &lt;= 0: back through a ReLU, given the ReLU's output.
     *
     * <p>The derivation: docs/MATH.md#relu-and-its-kink.
     */
    public static void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        range(out, outOff, n, "out");
        range(grad, gOff, n, "grad");
        IMPL.reluBackward(out, outOff, grad, gOff, n);
    }

    /** Leaky ReLU in place: x where x &gt; 0, slope·x elsewhere (slope &gt; 0 keeps the sign, so out tells the side). */
    public static void leakyRelu(float[] x, int off, int n, float slope) {
        range(x, off, n, "x");
        IMPL.leakyRelu(x, off, n, slope);
    }

    /** grad[gOff+i] *= slope wherever out[outOff+i] &lt;= 0: back through a leaky ReLU, given its output. */
    public static void leakyReluBackward(float[] out, int outOff, float[] grad, int gOff, int n, float slope) {
        range(out, outOff, n, "out");
        range(grad, gOff, n, "grad");
        IMPL.leakyReluBackward(out, outOff, grad, gOff, n, slope);
    }

    /** The logistic sigmoid 1/(1 + e^(−x)) in place, for i &lt; n. */
    public static void sigmoid(float[] x, int off, int n) {
        range(x, off, n, "x");
        IMPL.sigmoid(x, off, n);
    }

    /** grad[gOff+i] *= a·(1 − a), a = out[outOff+i]: back through a sigmoid, given its output. */
    public static void sigmoidBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        range(out, outOff, n, "out");
        range(grad, gOff, n, "grad");
        IMPL.sigmoidBackward(out, outOff, grad, gOff, n);
    }

    /** The hyperbolic tangent in place, for i &lt; n (absolute error below 2e-7). */
    public static void tanh(float[] x, int off, int n) {
        range(x, off, n, "x");
        IMPL.tanh(x, off, n);
    }

    /** grad[gOff+i] *= 1 − a², a = out[outOff+i]: back through tanh, given its output. */
    public static void tanhBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        range(out, outOff, n, "out");
        range(grad, gOff, n, "grad");
        IMPL.tanhBackward(out, outOff, grad, gOff, n);
    }

    /**
     * eˣ in place for i &lt; n, within 4 ulp, with the same bits in both implementations. Results are 0 below
     * x = −87.33 (where eˣ leaves the normal floats) and stop growing above x = 88.37; NaN stays NaN.
     */
    public static void exp(float[] x, int off, int n) {
        range(x, off, n, "x");
        IMPL.exp(x, off, n, 1f, 0f);
    }

    /**
     * Replaces x[off..off+n) (n ≥ 1) by its softmax, computed stably (the maximum is subtracted first), and
     * returns the log-sum-exp of the original values, so that a cross-entropy is {@code lse − x[label]}.
     */
    public static float softmax(float[] x, int off, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("softmax needs at least one value, got n = " + n);
        }
        range(x, off, n, "x");
        return IMPL.softmax(x, off, n);
    }

    /**
     * Replaces each row of the rows×cols matrix at x[off] by its softmax and stores each row's log-sum-exp in
     * lse[lseOff + row].
     */
    public static void softmaxRows(float[] x, int off, int rows, int cols, float[] lse, int lseOff) {
        if (cols < 1) {
            throw new IllegalArgumentException("softmax needs at least one value per row, got cols = " + cols);
        }
        range(x, off, product(rows, cols), "x");
        range(lse, lseOff, rows, "lse");
        IMPL.softmaxRows(x, off, rows, cols, lse, lseOff);
    }

    /** One step of SGD with momentum μ on w[off..off+n): v = μ·v + g, w −= lr·v (μ = 0: plain SGD). */
    public static void momentum(float[] w, float[] g, float[] v, int off, int n, float mu, float lr) {
        range(w, off, n, "w");
        range(g, off, n, "g");
        range(v, off, n, "v");
        IMPL.momentum(w, g, v, off, n, mu, lr);
    }

    /**
     * One Adam step (Kingma &amp; Ba, 2015) on w[off..off+n) with gradient g and moments m, v:
     * m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g², w −= stepSize·m / (√v·vScale + ε). The caller folds the
     * bias corrections in: stepSize = lr/(1−β₁ᵗ), vScale = 1/√(1−β₂ᵗ).
     * <p>The derivation: docs/MATH.md#adam.
     */
    public static void adam(float[] w, float[] g, float[] m, float[] v, int off, int n,
                            float beta1, float beta2, float stepSize, float vScale, float epsilon) {
        range(w, off, n, "w");
        range(g, off, n, "g");
        range(m, off, n, "m");
        range(v, off, n, "v");
        IMPL.adam(w, g, m, v, off, n, beta1, beta2, stepSize, vScale, epsilon);
    }

    /** dst[dstOff+i] = scale·(src[srcOff+i] &amp; 0xFF): unsigned bytes (pixels) to scaled floats. */
    public static void unsignedBytesToFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        Objects.checkFromIndexSize(srcOff, n, src.length);
        range(dst, dstOff, n, "dst");
        IMPL.unsignedBytesToFloats(src, srcOff, dst, dstOff, n, scale);
    }

    /**
     * Row r &lt; n of the float matrix at dst[dstOff] becomes scale times the unsigned bytes of row
     * {@code rows[rowsOff + r]} of {@code src}, rows of {@code length} values both: shuffled samples gathered into a
     * batch. The rows' cache misses are started together, and long gathers are split over the kernel threads.
     */
    public static void unsignedByteRowsToFloats(byte[] src, int length, int[] rows, int rowsOff, int n, float[] dst,
                                                int dstOff, float scale) {
        Objects.checkFromIndexSize(rowsOff, n, rows.length);
        range(dst, dstOff, product(n, length), "dst");
        if (length == 0) {
            return;
        }
        int count = src.length / length;
        for (int r = rowsOff; r < rowsOff + n; r++) {
            Objects.checkIndex(rows[r], count);
        }
        IMPL.unsignedByteRowsToFloats(src, length, rows, rowsOff, n, dst, dstOff, scale);
    }

    private static void range(float[] x, int off, int n, String name) {
        if (off < 0 || n < 0 || off > x.length - n) {
            throw new IndexOutOfBoundsException(
                    name + ": offset " + off + " and length " + n + " do not fit an array of " + x.length);
        }
    }

    private static void matrices(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("matrix dimensions must not be negative: m=" + m + " n=" + n + " k=" + k);
        }
        range(a, aOff, product(m, k), "a");
        range(b, bOff, product(k, n), "b");
        range(c, cOff, product(m, n), "c");
    }

    private static int product(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("dimensions must not be negative: " + rows + "×" + cols);
        }
        return Math.multiplyExact(rows, cols);
    }
}
