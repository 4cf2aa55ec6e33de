package dev.nn.simd.internal;

/** Kernels that reduce a vector or a matrix's columns: one pure method each. */
public interface Reductions {

    /** Σ a[aOff+i]·b[bOff+i] over i &lt; n. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** Σ x[off+i] over i &lt; n. */
    float sum(float[] x, int off, int n);

    /** The largest of x[off..off+n), NaN if any is NaN, −∞ when n is 0. */
    float max(float[] x, int off, int n);

    /** The position of the first NaN if there is one, else of the first largest; −1 when n is 0. */
    int argmax(float[] x, int off, int n);

    /**
     * out[outOff+j] = Σᵢ a[aOff + i·lda + j] + beta·out[outOff+j] for j &lt; cols: the column sums of a rows×cols
     * matrix; with beta 0, out is not read.
     */
    void columnSums(float[] a, int aOff, int lda, int rows, int cols, float[] out, int outOff, float beta);
}
