package dev.nn.simd.internal;

/**
 * The three matrix products on one thread, on blocks of larger matrices: element (i, j) of a matrix with leading
 * dimension {@code ld} at {@code off} is {@code x[off + i·ld + j]}. Each computes C = alpha·op + beta·C with
 * alpha ≠ 0 and m, n, k ≥ 1 (the engine deals with the rest); with beta 0 the old C is not read. One pure method
 * per product: the {@link ProductEngine} splits a product into blocks and runs them over threads.
 */
public interface Products {

    /** C(m×n) = alpha·A(m×k)·B(k×n) + beta·C. */
    void ab(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
            int m, int n, int k, float alpha, float beta);

    /** C(m×n) = alpha·Aᵀ·B + beta·C, A stored k×m, B k×n. */
    void atb(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
             int m, int n, int k, float alpha, float beta);

    /**
     * C(m×n) = alpha·A·Bᵀ + beta·C, B stored n×k, by {@code method}: the one {@link #abtMethod} chose for the whole
     * product this block belongs to, so that every block computes its elements the same way.
     */
    void abt(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
             int m, int n, int k, float alpha, float beta, int method);

    /** How {@link #abt} computes a whole product of this shape: an implementation's own code. */
    int abtMethod(int m, int n, int k);

    /** Whether blocks of an A·Bᵀ by {@code method} are whole columns (else whole rows) of C. */
    boolean abtSplitsColumns(int method);
}
