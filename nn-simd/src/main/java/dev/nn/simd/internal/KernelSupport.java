package dev.nn.simd.internal;

import dev.nn.simd.BlockOp;

/**
 * The float kernels, one method each; {@link dev.nn.simd.Kernels} checks arguments and delegates here.
 *
 * <p>Matrices are row-major and dense: element (i, j) of an r×c matrix at offset {@code off} is
 * {@code x[off + i*c + j]}. Products compute {@code C = alpha·op + beta·C}; with {@code beta == 0} the old
 * contents of C are never read.
 */
public interface KernelSupport {

    /** Returns Σ a[aOff+i]·b[bOff+i] over i &lt; n. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** y[yOff+i] += alpha·x[xOff+i]. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** x[off+i] *= alpha. */
    void scale(float alpha, float[] x, int off, int n);

    /** y[yOff+i] += x[xOff+i]. */
    void add(float[] x, int xOff, float[] y, int yOff, int n);

    /** Returns Σ x[off+i]. */
    float sum(float[] x, int off, int n);

    /** Returns the largest of x[off..off+n), or -∞ when n is 0. */
    float max(float[] x, int off, int n);

    /** Returns the index (from 0) of the first largest of x[off..off+n), or -1 when n is 0. */
    int argmax(float[] x, int off, int n);

    /** C(m×n) = alpha·A(m×k)·B(k×n) + beta·C. */
    void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                int m, int n, int k, float alpha, float beta);

    /** C(m×n) = alpha·Aᵀ·B + beta·C, with A stored k×m. */
    void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                      int m, int n, int k, float alpha, float beta);

    /**
     * C(m×n) = alpha·Aᵀ·B + beta·C, with A's k rows {@code lda} apart (lda ≥ m): Aᵀ's rows are the first m
     * columns of a k×lda matrix. Lets a product be split by rows of C.
     */
    void matmulTransA(float[] a, int aOff, int lda, float[] b, int bOff, float[] c, int cOff,
                      int m, int n, int k, float alpha, float beta);

    /** C(m×n) = alpha·A·Bᵀ + beta·C, with B stored n×k. */
    void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                      int m, int n, int k, float alpha, float beta);

    /**
     * {@link #matmulTransB}, then {@code finish} on C; a threaded implementation applies it to each part's block of
     * C on the thread that computed it.
     */
    default void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              int m, int n, int k, float alpha, float beta, BlockOp finish) {
        matmulTransB(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta);
        finish.apply(c, cOff, n, m, n, 0);
    }

    /**
     * {@code prepare} on A (stored k×m), then {@link #matmulTransA}; a threaded implementation applies it to the
     * columns of A that each part's rows of C are made from, on the thread that then reads them.
     */
    default void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                              int m, int n, int k, float alpha, float beta, BlockOp prepare) {
        prepare.apply(a, aOff, m, k, m, 0);
        matmulTransA(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta);
    }

    /**
     * Whether {@link #matmulTransB} builds this shape from a copy of Bᵀ rather than from dot products: then it may
     * be split by columns with {@link #matmulTransBBlock}, each part copying only its own rows of B.
     */
    boolean transposesB(int m, int n, int k);

    /**
     * C(m×n) = alpha·A·Bᵀ + beta·C with C's rows {@code ldc} apart, computed as {@link #matmulTransB} computes a
     * shape for which {@link #transposesB} is true: columns j0..j1 of a product for B's rows j0..j1.
     */
    void matmulTransBBlock(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc,
                           int m, int n, int k, float alpha, float beta);

    /** Adds v[vOff..vOff+cols) to each row of the rows×cols matrix at c[cOff]. */
    void addRowVector(float[] v, int vOff, float[] c, int cOff, int rows, int cols);

    /** out[outOff+j] = Σᵢ a[aOff + i·cols + j] + beta·out[outOff+j]: the column sums of a rows×cols matrix. */
    void columnSums(float[] a, int aOff, int rows, int cols, float[] out, int outOff, float beta);

    /** x = max(x, 0) in place. */
    void relu(float[] x, int off, int n);

    /** grad[gOff+i] = 0 where out[outOff+i] &lt;= 0 (or NaN): ReLU's derivative, given its output. */
    void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n);

    /** leaky ReLU in place: x stays where x &gt; 0, else becomes slope·x. */
    void leakyRelu(float[] x, int off, int n, float slope);

    /** grad[gOff+i] *= slope where out[outOff+i] &lt;= 0 (or NaN): leaky ReLU's derivative, given its output. */
    void leakyReluBackward(float[] out, int outOff, float[] grad, int gOff, int n, float slope);

    /** x = 1/(1 + e^(−x)) in place. */
    void sigmoid(float[] x, int off, int n);

    /** grad[gOff+i] *= a·(1 − a) with a = out[outOff+i]: the sigmoid's derivative, given its output. */
    void sigmoidBackward(float[] out, int outOff, float[] grad, int gOff, int n);

    /** x = tanh(x) in place. */
    void tanh(float[] x, int off, int n);

    /** grad[gOff+i] *= 1 − a² with a = out[outOff+i]: tanh's derivative, given its output. */
    void tanhBackward(float[] out, int outOff, float[] grad, int gOff, int n);

    /** x = e^(scale·x + shift) in place, by {@link ScalarKernels#exp}'s method, so both implementations agree. */
    void exp(float[] x, int off, int n, float scale, float shift);

    /** Replaces x[off..off+n) by its softmax and returns the log-sum-exp of the original values. */
    float softmax(float[] x, int off, int n);

    /**
     * {@link #softmax} on each row of the rows×cols matrix at x[off], each row's log-sum-exp into
     * lse[lseOff + row]: the same values as row after row.
     */
    void softmaxRows(float[] x, int off, int rows, int cols, float[] lse, int lseOff);

    /**
     * One Adam step on n parameters: m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g²,
     * w −= stepSize·m / (√v·vScale + ε), where the caller folds the bias corrections into
     * stepSize = lr/(1−β₁ᵗ) and vScale = 1/√(1−β₂ᵗ).
     */
    void adam(float[] w, float[] g, float[] m, float[] v, int off, int n,
              float beta1, float beta2, float stepSize, float vScale, float epsilon);

    /** One step of SGD with momentum: v = μ·v + g, w −= lr·v. With μ = 0 it is plain SGD. */
    void momentum(float[] w, float[] g, float[] v, int off, int n, float mu, float lr);

    /**
     * The machine's FMA peak probe: {@code iterations} rounds of twelve independent multiply-adds on registers
     * only (vectors of the species in use, or scalars), and nothing else. Returns a value that depends on every
     * round, so that no work can be skipped. Each round is 12 · lanes FMAs.
     */
    float fmaPeakLoop(long iterations);

    /** Float lanes per FMA of {@link #fmaPeakLoop}: the vector length, or 1 for scalar code. */
    int peakLanes();

    /** dst[dstOff+i] = scale·(src[srcOff+i] &amp; 0xFF): unsigned bytes to floats. */
    void unsignedBytesToFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale);

    /**
     * Row r &lt; n of the float matrix at dst[dstOff] (rows {@code length} apart) becomes scale times the unsigned
     * bytes of row {@code rows[rowsOff + r]} of the byte matrix {@code src}: a gather of shuffled samples.
     */
    default void unsignedByteRowsToFloats(byte[] src, int length, int[] rows, int rowsOff, int n, float[] dst,
                                          int dstOff, float scale) {
        RowGather.touch(src, length, rows, rowsOff, n);
        for (int r = 0; r < n; r++) {
            unsignedBytesToFloats(src, rows[rowsOff + r] * length, dst, dstOff + r * length, length, scale);
        }
    }
}
