package dev.nn.simd;

import dev.nn.simd.internal.Implementation;
import dev.nn.simd.internal.KernelProvider;
import dev.nn.simd.internal.Team;

import java.util.Objects;

/**
 * Float kernels on {@code float[]} with offsets: SIMD through the Vector API when it is available, a scalar twin
 * otherwise, chosen once per JVM (see {@link #info()}). Every method checks its arguments, naming the one that is
 * wrong, then runs the kernel; none allocates.
 *
 * <p><b>Matrices</b> are row-major: element (i, j) of a matrix with leading dimension {@code ld} stored at
 * {@code off} is {@code x[off + i·ld + j]}, so a block of a larger matrix is given by its offset and the larger
 * matrix's row length, with no copy; the overloads without {@code ld} take dense matrices (ld = columns).
 * Products compute {@code C = alpha·op(A)·op(B) + beta·C} with BLAS's conventions: when {@code beta == 0} the old
 * C is not read (NaN or garbage there does not spread), and when {@code alpha == 0} (or k = 0) A and B are not
 * read and C becomes beta·C. C must not overlap A or B: such a call is refused.
 *
 * <p><b>NaN</b>: element-wise kernels follow IEEE arithmetic; {@link #max} is NaN when any element is, and
 * {@link #argmax} then gives the position of the first NaN.
 *
 * <p><b>Threads</b>: every kernel runs on the calling thread, except the overloads that take a
 * {@link KernelThreads} first, which split large work over that team. Kernels hold no shared mutable state
 * (per-thread scratch only), so any number of threads may call them at once. Results are reproducible: the same
 * inputs give the same bits, at any thread count, compiled or interpreted.
 *
 * <p><b>Settings</b> (system properties, read once): {@code -Dnn.simd=auto|scalar|panama},
 * {@code -Dnn.simd.bits=128|256|512} (narrower vectors than the JVM's widest), {@code -Dnn.simd.fma=true|false};
 * a bad value makes every call fail with one {@link IllegalStateException} naming the property. The choice is
 * logged once on the {@code System.Logger} named {@code dev.nn.simd} (INFO, or WARNING when SIMD is missing):
 * silence it by that logger's level in the logging configuration, or with {@code -Dnn.simd.quiet=true}.
 */
public final class Kernels {

    private Kernels() {
    }

    /** Which implementation runs the kernels: Panama or scalar, vector width, FMA. */
    public static SimdInfo info() {
        return KernelProvider.info();
    }

    // ---- element-wise and reductions -------------------------------------------------------------------------

    /** Returns Σ a[aOff+i]·b[bOff+i] over i &lt; n. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        range(a, aOff, n, "a");
        range(b, bOff, n, "b");
        return impl().reductions().dot(a, aOff, b, bOff, n);
    }

    /** y[yOff+i] += alpha·x[xOff+i] for i &lt; n. */
    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        range(x, xOff, n, "x");
        range(y, yOff, n, "y");
        impl().elementwise().axpy(alpha, x, xOff, y, yOff, n);
    }

    /** x[off+i] *= alpha for i &lt; n. */
    public static void scale(float alpha, float[] x, int off, int n) {
        range(x, off, n, "x");
        impl().elementwise().scale(alpha, x, off, n);
    }

    /** y[yOff+i] += x[xOff+i] for i &lt; n. */
    public static void add(float[] x, int xOff, float[] y, int yOff, int n) {
        range(x, xOff, n, "x");
        range(y, yOff, n, "y");
        impl().elementwise().add(x, xOff, y, yOff, n);
    }

    /** Returns Σ x[off+i] over i &lt; n. */
    public static float sum(float[] x, int off, int n) {
        range(x, off, n, "x");
        return impl().reductions().sum(x, off, n);
    }

    /** Returns the largest of x[off..off+n): −∞ when n is 0, NaN if any element is NaN. */
    public static float max(float[] x, int off, int n) {
        range(x, off, n, "x");
        return impl().reductions().max(x, off, n);
    }

    /**
     * Returns the position (0..n−1) of the first largest of x[off..off+n), or of the first NaN if there is one
     * (where {@link #max} is NaN); −1 when n is 0.
     */
    public static int argmax(float[] x, int off, int n) {
        range(x, off, n, "x");
        return impl().reductions().argmax(x, off, n);
    }

    /** Adds v[vOff..vOff+cols) to every row of the dense rows×cols matrix at c[cOff] (a bias add). */
    public static void addRowVector(float[] v, int vOff, float[] c, int cOff, int rows, int cols) {
        addRowVector(v, vOff, c, cOff, cols, rows, cols);
    }

    /** Adds v[vOff..vOff+cols) to every row of the rows×cols matrix at c[cOff], rows {@code ldc} apart. */
    public static void addRowVector(float[] v, int vOff, float[] c, int cOff, int ldc, int rows, int cols) {
        range(v, vOff, cols, "v");
        matrix(c, cOff, rows, cols, ldc, "c", "ldc");
        impl().elementwise().addRowVector(v, vOff, c, cOff, ldc, rows, cols);
    }

    /** out[outOff+j] = Σᵢ a(i, j) + beta·out[outOff+j]: the column sums of the dense rows×cols matrix a. */
    public static void columnSums(float[] a, int aOff, int rows, int cols, float[] out, int outOff, float beta) {
        columnSums(a, aOff, cols, rows, cols, out, outOff, beta);
    }

    /** The column sums of the rows×cols matrix at a[aOff], rows {@code lda} apart, plus beta·out; beta 0: out not read. */
    public static void columnSums(float[] a, int aOff, int lda, int rows, int cols, float[] out, int outOff,
                                  float beta) {
        matrix(a, aOff, rows, cols, lda, "a", "lda");
        range(out, outOff, cols, "out");
        impl().reductions().columnSums(a, aOff, lda, rows, cols, out, outOff, beta);
    }

    // ---- matrix products ---------------------------------------------------------------------------------------

    /** C(m×n) = alpha·A(m×k)·B(k×n) + beta·C, dense, on the calling thread. */
    public static void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              int m, int n, int k, float alpha, float beta) {
        matmul(null, a, aOff, k, b, bOff, n, c, cOff, n, m, n, k, alpha, beta);
    }

    /** C(m×n) = alpha·A(m×k)·B(k×n) + beta·C with leading dimensions lda ≥ k, ldb ≥ n, ldc ≥ n. */
    public static void matmul(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                              int ldc, int m, int n, int k, float alpha, float beta) {
        matmul(null, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
    }

    /** {@link #matmul(float[], int, int, float[], int, int, float[], int, int, int, int, int, float, float)}, split over {@code threads} when large. */
    public static void matmul(KernelThreads threads, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc, int m, int n, int k, float alpha, float beta) {
        dims(m, n, k);
        matrix(a, aOff, m, k, lda, "a", "lda");
        matrix(b, bOff, k, n, ldb, "b", "ldb");
        output(c, cOff, m, n, ldc, a, aOff, m, k, lda, b, bOff, k, n, ldb);
        KernelProvider.products().ab(team(threads), a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
    }

    /** C(m×n) = alpha·Aᵀ·B + beta·C, where A is stored k×m and B is k×n, dense, on the calling thread. */
    public static void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                    int m, int n, int k, float alpha, float beta) {
        matmulTransA(null, a, aOff, m, b, bOff, n, c, cOff, n, m, n, k, alpha, beta, null);
    }

    /** C(m×n) = alpha·Aᵀ·B + beta·C, A stored k×m (lda ≥ m), B k×n (ldb ≥ n), ldc ≥ n. */
    public static void matmulTransA(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                                    int ldc, int m, int n, int k, float alpha, float beta) {
        matmulTransA(null, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, null);
    }

    /** The strided {@code matmulTransA}, split over {@code threads} when large. */
    public static void matmulTransA(KernelThreads threads, float[] a, int aOff, int lda, float[] b, int bOff,
                                    int ldb, float[] c, int cOff, int ldc, int m, int n, int k, float alpha,
                                    float beta) {
        matmulTransA(threads, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, null);
    }

    /**
     * {@code prepare} on A (stored k×m), block by block, then the strided {@code matmulTransA}: each block of A's
     * columns on the thread that then makes its rows of C from them (an activation's derivative, for instance).
     * {@code prepare} runs even when alpha is 0; a null one is skipped.
     */
    public static void matmulTransA(KernelThreads threads, float[] a, int aOff, int lda, float[] b, int bOff,
                                    int ldb, float[] c, int cOff, int ldc, int m, int n, int k, float alpha,
                                    float beta, BlockOp prepare) {
        dims(m, n, k);
        matrix(a, aOff, k, m, lda, "a", "lda");
        matrix(b, bOff, k, n, ldb, "b", "ldb");
        output(c, cOff, m, n, ldc, a, aOff, k, m, lda, b, bOff, k, n, ldb);
        KernelProvider.products().atb(team(threads), a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta,
                prepare);
    }

    /** C(m×n) = alpha·A·Bᵀ + beta·C, where A is m×k and B is stored n×k, dense, on the calling thread. */
    public static void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                                    int m, int n, int k, float alpha, float beta) {
        matmulTransB(null, a, aOff, k, b, bOff, k, c, cOff, n, m, n, k, alpha, beta, null);
    }

    /** C(m×n) = alpha·A·Bᵀ + beta·C, A m×k (lda ≥ k), B stored n×k (ldb ≥ k), ldc ≥ n. */
    public static void matmulTransB(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                                    int ldc, int m, int n, int k, float alpha, float beta) {
        matmulTransB(null, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, null);
    }

    /** The strided {@code matmulTransB}, split over {@code threads} when large. */
    public static void matmulTransB(KernelThreads threads, float[] a, int aOff, int lda, float[] b, int bOff,
                                    int ldb, float[] c, int cOff, int ldc, int m, int n, int k, float alpha,
                                    float beta) {
        matmulTransB(threads, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, null);
    }

    /**
     * The strided {@code matmulTransB}, then {@code finish} on C, block by block: each block on the thread that
     * computed it, right after, while it is in that core's cache (a layer's bias and activation, for instance).
     * A null {@code finish} is skipped.
     */
    public static void matmulTransB(KernelThreads threads, float[] a, int aOff, int lda, float[] b, int bOff,
                                    int ldb, float[] c, int cOff, int ldc, int m, int n, int k, float alpha,
                                    float beta, BlockOp finish) {
        dims(m, n, k);
        matrix(a, aOff, m, k, lda, "a", "lda");
        matrix(b, bOff, n, k, ldb, "b", "ldb");
        output(c, cOff, m, n, ldc, a, aOff, m, k, lda, b, bOff, n, k, ldb);
        KernelProvider.products().abt(team(threads), a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta,
                finish);
    }

    // ---- activations and softmax -------------------------------------------------------------------------------

    /** x = max(x, 0) in place, for i &lt; n. */
    public static void relu(float[] x, int off, int n) {
        range(x, off, n, "x");
        impl().activations().relu(x, off, n);
    }

    /** grad[gOff+i] = 0 wherever out[outOff+i] &lt;= 0 (or NaN): back through a ReLU, given the ReLU's output. */
    public static void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        range(out, outOff, n, "out");
        range(grad, gOff, n, "grad");
        impl().activations().reluBackward(out, outOff, grad, gOff, n);
    }

    /** Leaky ReLU in place: x where x &gt; 0, slope·x elsewhere (slope &gt; 0 keeps the sign, so out tells the side). */
    public static void leakyRelu(float[] x, int off, int n, float slope) {
        range(x, off, n, "x");
        impl().activations().leakyRelu(x, off, n, slope);
    }

    /** grad[gOff+i] *= slope wherever out[outOff+i] &lt;= 0: back through a leaky ReLU, given its output. */
    public static void leakyReluBackward(float[] out, int outOff, float[] grad, int gOff, int n, float slope) {
        range(out, outOff, n, "out");
        range(grad, gOff, n, "grad");
        impl().activations().leakyReluBackward(out, outOff, grad, gOff, n, slope);
    }

    /** The logistic sigmoid 1/(1 + e^(−x)) in place, for i &lt; n. */
    public static void sigmoid(float[] x, int off, int n) {
        range(x, off, n, "x");
        impl().activations().sigmoid(x, off, n);
    }

    /** grad[gOff+i] *= a·(1 − a), a = out[outOff+i]: back through a sigmoid, given its output. */
    public static void sigmoidBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        range(out, outOff, n, "out");
        range(grad, gOff, n, "grad");
        impl().activations().sigmoidBackward(out, outOff, grad, gOff, n);
    }

    /** The hyperbolic tangent in place, for i &lt; n (absolute error below 2e-7). */
    public static void tanh(float[] x, int off, int n) {
        range(x, off, n, "x");
        impl().activations().tanh(x, off, n);
    }

    /** grad[gOff+i] *= 1 − a², a = out[outOff+i]: back through tanh, given its output. */
    public static void tanhBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        range(out, outOff, n, "out");
        range(grad, gOff, n, "grad");
        impl().activations().tanhBackward(out, outOff, grad, gOff, n);
    }

    /**
     * eˣ in place for i &lt; n, within 4 ulp, with the same bits in both implementations. Results are 0 below
     * x = −87.33 (where eˣ leaves the normal floats) and stop growing above x = 88.37; NaN stays NaN.
     */
    public static void exp(float[] x, int off, int n) {
        range(x, off, n, "x");
        impl().activations().exp(x, off, n, 1f, 0f);
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
        return impl().softmax().softmax(x, off, n);
    }

    /**
     * Replaces each row of the dense rows×cols matrix at x[off] by its softmax and stores each row's log-sum-exp
     * in lse[lseOff + row].
     */
    public static void softmaxRows(float[] x, int off, int rows, int cols, float[] lse, int lseOff) {
        if (cols < 1) {
            throw new IllegalArgumentException("softmax needs at least one value per row, got cols = " + cols);
        }
        range(x, off, product(rows, cols, "rows×cols"), "x");
        range(lse, lseOff, rows, "lse");
        impl().softmax().softmaxRows(x, off, rows, cols, lse, lseOff);
    }

    // ---- optimiser updates -------------------------------------------------------------------------------------

    /** One step of SGD with momentum μ on n parameters: v = μ·v + g, w −= lr·v (μ = 0: plain SGD). */
    public static void momentum(float[] w, int wOff, float[] g, int gOff, float[] v, int vOff, int n, float mu,
                                float lr) {
        range(w, wOff, n, "w");
        range(g, gOff, n, "g");
        range(v, vOff, n, "v");
        impl().updates().momentum(w, wOff, g, gOff, v, vOff, n, mu, lr);
    }

    /**
     * One Adam step (Kingma &amp; Ba, 2015) on n parameters w with gradient g and moments m, v:
     * m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g², w −= stepSize·m / (√v·vScale + ε). The caller folds the bias
     * corrections in: stepSize = lr/(1−β₁ᵗ), vScale = 1/√(1−β₂ᵗ).
     */
    public static void adam(float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                            int n, float beta1, float beta2, float stepSize, float vScale, float epsilon) {
        adam(null, w, wOff, g, gOff, m, mOff, v, vOff, n, beta1, beta2, stepSize, vScale, epsilon);
    }

    /** {@link #adam(float[], int, float[], int, float[], int, float[], int, int, float, float, float, float, float)}, split over {@code threads} when long. */
    public static void adam(KernelThreads threads, float[] w, int wOff, float[] g, int gOff, float[] m, int mOff,
                            float[] v, int vOff, int n, float beta1, float beta2, float stepSize, float vScale,
                            float epsilon) {
        range(w, wOff, n, "w");
        range(g, gOff, n, "g");
        range(m, mOff, n, "m");
        range(v, vOff, n, "v");
        KernelProvider.runs().adam(team(threads), w, wOff, g, gOff, m, mOff, v, vOff, n, beta1, beta2, stepSize,
                vScale, epsilon);
    }

    // ---- conversions -------------------------------------------------------------------------------------------

    /** dst[dstOff+i] = scale·(src[srcOff+i] &amp; 0xFF): unsigned bytes (pixels) to scaled floats. */
    public static void unsignedBytesToFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        unsignedBytesToFloats(null, src, srcOff, dst, dstOff, n, scale);
    }

    /** {@link #unsignedBytesToFloats(byte[], int, float[], int, int, float)}, split over {@code threads} when long. */
    public static void unsignedBytesToFloats(KernelThreads threads, byte[] src, int srcOff, float[] dst, int dstOff,
                                             int n, float scale) {
        if (srcOff < 0 || n < 0 || srcOff > src.length - n) {
            throw new IndexOutOfBoundsException(
                    "src: offset " + srcOff + " and length " + n + " do not fit an array of " + src.length);
        }
        range(dst, dstOff, n, "dst");
        KernelProvider.runs().unsignedBytesToFloats(team(threads), src, srcOff, dst, dstOff, n, scale);
    }

    /**
     * Row r &lt; n of the float matrix at dst[dstOff] becomes scale times the unsigned bytes of row
     * {@code rows[rowsOff + r]} of {@code src}, rows of {@code length} values both: shuffled samples gathered into a
     * batch. The rows' cache misses are started together.
     */
    public static void unsignedByteRowsToFloats(byte[] src, int length, int[] rows, int rowsOff, int n, float[] dst,
                                                int dstOff, float scale) {
        unsignedByteRowsToFloats(null, src, length, rows, rowsOff, n, dst, dstOff, scale);
    }

    /** The gather above, split over {@code threads} when long. */
    public static void unsignedByteRowsToFloats(KernelThreads threads, byte[] src, int length, int[] rows,
                                                int rowsOff, int n, float[] dst, int dstOff, float scale) {
        Objects.checkFromIndexSize(rowsOff, n, rows.length);
        range(dst, dstOff, product(n, length, "n×length"), "dst");
        if (length == 0) {
            return;
        }
        int count = src.length / length;
        for (int r = rowsOff; r < rowsOff + n; r++) {
            Objects.checkIndex(rows[r], count);
        }
        KernelProvider.runs().unsignedByteRowsToFloats(team(threads), src, length, rows, rowsOff, n, dst, dstOff,
                scale);
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    private static Implementation impl() {
        return KernelProvider.implementation();
    }

    private static Team team(KernelThreads threads) {
        return threads == null ? null : threads.team();
    }

    private static void range(float[] x, int off, int n, String name) {
        if (off < 0 || n < 0 || off > x.length - n) {
            throw new IndexOutOfBoundsException(
                    name + ": offset " + off + " and length " + n + " do not fit an array of " + x.length);
        }
    }

    private static void dims(int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("matrix dimensions must not be negative: m=" + m + " n=" + n + " k=" + k);
        }
    }

    /** A rows×cols matrix with rows ld apart at x[off] must fit x, with ld ≥ cols. */
    private static void matrix(float[] x, int off, int rows, int cols, int ld, String name, String ldName) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(name + ": dimensions must not be negative: " + rows + "×" + cols);
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(ldName + " must be at least the " + cols + " columns of " + name
                    + " (and at least 1), got " + ldName + "=" + ld);
        }
        long span = span(rows, cols, ld);
        if (off < 0 || off > x.length - span) {
            throw new IndexOutOfBoundsException(name + ": a " + rows + "×" + cols + " matrix with rows " + ld
                    + " apart at offset " + off + " does not fit an array of " + x.length);
        }
    }

    /** C is checked like A and B, and must not share its span of elements with either. */
    private static void output(float[] c, int cOff, int m, int n, int ldc, float[] a, int aOff, int aRows, int aCols,
                               int lda, float[] b, int bOff, int bRows, int bCols, int ldb) {
        matrix(c, cOff, m, n, ldc, "c", "ldc");
        long cEnd = cOff + span(m, n, ldc);
        if (c == a && overlaps(cOff, cEnd, aOff, aOff + span(aRows, aCols, lda))) {
            throw new IllegalArgumentException("c overlaps a: the output of a product must not share elements with"
                    + " its inputs");
        }
        if (c == b && overlaps(cOff, cEnd, bOff, bOff + span(bRows, bCols, ldb))) {
            throw new IllegalArgumentException("c overlaps b: the output of a product must not share elements with"
                    + " its inputs");
        }
    }

    private static long span(int rows, int cols, int ld) {
        return rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
    }

    private static boolean overlaps(long from1, long to1, long from2, long to2) {
        return from1 < to2 && from2 < to1;
    }

    private static int product(int rows, int cols, String what) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(what + ": dimensions must not be negative: " + rows + "×" + cols);
        }
        return Math.multiplyExact(rows, cols);
    }
}
