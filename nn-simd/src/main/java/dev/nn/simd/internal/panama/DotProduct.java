package dev.nn.simd.internal.panama;

import static dev.nn.simd.internal.panama.Vectors.LANES;

/**
 * A product as dot products, C = alpha·A·Bᵀ + beta·C with A and B stored by rows (lda, ldb apart): four rows of A
 * by four rows of B share their loads (then four by two, four by one); leftover rows one dot product each. Rows of
 * B go in panels of about {@link PanamaProducts#PANEL_FLOATS} floats, the outer loop, so that a panel stays in L2
 * while every row of A passes over it. Rows are taken in fours from the first, so a run over some of the rows
 * (from a multiple of four) gives each element the bits of a run over all.
 */
final class DotProduct {

    private DotProduct() {
    }

    /** C = alpha·A·Bᵀ + beta·C, the dot products of A's m rows with B's n rows, k long. */
    static void run(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                    int m, int n, int k, float alpha, float beta) {
        float[] lanes = LANES.get();
        int blockRows = m - m % 4, blockCols = n - n % 4;
        int panel = Math.max(4, PanamaProducts.PANEL_FLOATS / Math.max(1, k) / 4 * 4);
        for (int from = 0; from < blockCols; from += panel) {
            int to = Math.min(blockCols, from + panel);
            for (int i = 0; i < blockRows; i += 4) {
                for (int j = from; j < to; j += 4) {
                    DotKernels.dots4x4(a, aOff + i * lda, lda, b, bOff + j * ldb, ldb, k, c, cOff + i * ldc + j, ldc,
                            alpha, beta, lanes);
                }
            }
        }
        for (int i = 0; i < blockRows; i += 4) {
            int j = blockCols;
            for (; j + 2 <= n; j += 2) {
                DotKernels.dots4x2(a, aOff + i * lda, lda, b, bOff + j * ldb, ldb, k, c, cOff + i * ldc + j, ldc,
                        alpha, beta, lanes);
            }
            if (j < n) {
                DotKernels.dots4x1(a, aOff + i * lda, lda, b, bOff + j * ldb, k, c, cOff + i * ldc + j, ldc, alpha,
                        beta, lanes);
            }
        }
        for (int i = blockRows; i < m; i++) {
            for (int j = 0; j < n; j++) {
                DotKernels.store(DotKernels.dot(a, aOff + i * lda, b, bOff + j * ldb, k), c, cOff + i * ldc + j,
                        alpha, beta);
            }
        }
    }
}
