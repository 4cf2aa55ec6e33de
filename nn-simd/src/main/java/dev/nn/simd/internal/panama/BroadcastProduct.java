package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Scratch;

import java.util.Arrays;

import static dev.nn.simd.internal.panama.Vectors.L;

/**
 * One broadcast product, C = alpha·A·B + beta·C with A(i, p) = a[aOff + i·rowStride + p·colStride] and B(p, j) =
 * b[bOff + p·bRowStride + j·bColStride] (A·B, Aᵀ·B, and A·Bᵀ from a copy of Bᵀ). C is first set to beta·C (zeros
 * when beta is 0); then the micro-kernels add alpha·A·B panel by panel of B: four rows of C by four vectors of
 * columns, eight rows (then four) by two or one, leftover rows by four vectors or one; the last columns (fewer
 * than a vector) by {@link EdgeColumns}, chunk by chunk of rows as the last panel passes over them, so that A's
 * rows are still in cache. Panels are the outer loop and rows the inner one, so that a panel of B (k × up to four
 * vectors) stays in L2 while every row of A passes over it. One per thread: its fields hold the product in hand.
 */
final class BroadcastProduct {

    private static final ThreadLocal<BroadcastProduct> PRODUCTS = ThreadLocal.withInitial(BroadcastProduct::new);

    private final Scratch panel = new Scratch(), rowBlocks = new Scratch();
    private final EdgeColumns edge = new EdgeColumns();
    private float[] a, pa, c;
    private int aOff, rowStride, colStride, rs, cs, cOff, ldc, k, blockRows;
    private boolean packA;
    private float alpha;

    private BroadcastProduct() {
    }

    /** C = alpha·A·B + beta·C on this thread. */
    static void run(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff, int bRowStride,
                    int bColStride, float[] c, int cOff, int ldc, int m, int n, int k, float alpha, float beta) {
        BroadcastProduct product = PRODUCTS.get();
        try {
            product.compute(a, aOff, rowStride, colStride, b, bOff, bRowStride, bColStride, c, cOff, ldc, m, n, k,
                    alpha, beta);
        } finally {
            product.release();
        }
    }

    private void compute(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff, int bRowStride,
                         int bColStride, float[] c, int cOff, int ldc, int m, int n, int k, float alpha, float beta) {
        for (int i = 0; i < m; i++) {
            scaleRow(c, cOff + i * ldc, n, beta);
        }
        this.a = a;
        this.aOff = aOff;
        this.rowStride = rowStride;
        this.colStride = colStride;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        this.k = k;
        this.alpha = alpha;
        int vectorCols = n - n % L;
        blockRows = m - m % 4;
        packA = m >= PanamaProducts.PACK_MIN_ROWS && colStride != 1 && n > 4 * L;
        pa = a;
        if (packA) {
            pa = rowBlocks.atLeast(blockRows * k);
            Panels.rowBlocks(a, aOff, rowStride, colStride, blockRows, k, pa);
        }
        rs = packA ? 1 : rowStride;
        cs = packA ? 4 : colStride;
        boolean hasEdge = vectorCols < n;
        if (hasEdge) {
            edge.prepare(a, aOff, rowStride, colStride, b, bOff + vectorCols * bColStride, bRowStride, bColStride, c,
                    cOff + vectorCols, ldc, n - vectorCols, k, alpha);
        }
        boolean packing = bColStride != 1 || m >= PanamaProducts.PACK_MIN_ROWS;
        float[] packed = packing && vectorCols > 0 ? panel.atLeast(4 * L * k) : null;
        for (int j = 0; j < vectorCols; ) {
            int width = vectorCols - j >= 4 * L ? 4 * L : vectorCols - j >= 2 * L ? 2 * L : L;
            float[] pb = b;
            int pOff = bOff + j, ldb = bRowStride;
            if (packing) {
                Panels.pack(b, bOff + j * bColStride, bRowStride, bColStride, k, width, packed);
                pb = packed;
                pOff = 0;
                ldb = width;
            }
            boolean last = j + width == vectorCols;
            int chunk = last && hasEdge ? PanamaProducts.EDGE_CHUNK_ROWS : m;
            for (int from = 0; from < m; from += chunk) {
                int to = Math.min(m, from + chunk);
                panelRows(pb, pOff, ldb, j, width, from, to);
                if (last && hasEdge) {
                    edge.rows(from, to);
                }
            }
            j += width;
        }
        if (vectorCols == 0) {
            edge.rows(0, m);
        }
    }

    /** Rows [from, to) of the panel of columns j..j+width (from a multiple of four). */
    private void panelRows(float[] pb, int pOff, int ldb, int j, int width, int from, int to) {
        int i = from, blockEnd = Math.min(to, blockRows);
        if (width < 4 * L) {
            for (; i + 8 <= blockEnd; i += 8) {
                int a0 = rowBlock(i), a4 = rowBlock(i + 4), c0 = cOff + i * ldc + j;
                if (width == L) {
                    BroadcastKernels.rows8x1(pa, a0, a4, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
                } else {
                    BroadcastKernels.rows8x2(pa, a0, a4, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
                }
            }
        }
        for (; i < blockEnd; i += 4) {
            int a0 = rowBlock(i), c0 = cOff + i * ldc + j;
            switch (width / L) {
                case 4 -> BroadcastKernels.rows4x4(pa, a0, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
                case 2 -> BroadcastKernels.rows4x2(pa, a0, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
                default -> BroadcastKernels.rows4x1(pa, a0, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
            }
        }
        for (i = Math.max(from, blockRows); i < to; i++) {
            int a0 = aOff + i * rowStride, c0 = cOff + i * ldc + j;
            if (width == 4 * L) {
                BroadcastKernels.rows1x4(a, a0, colStride, pb, pOff, ldb, c, c0, k, alpha);
            } else {
                for (int v = 0; v < width; v += L) {
                    BroadcastKernels.rows1x1(a, a0, colStride, pb, pOff + v, ldb, c, c0 + v, k, alpha);
                }
            }
        }
    }

    /** Where row i's block of four starts: in the packed copy of A, or in A itself. */
    private int rowBlock(int i) {
        return packA ? i * k : aOff + i * rowStride;
    }

    /** Drops the caller's arrays, so that a thread's product does not keep them alive. */
    private void release() {
        a = null;
        pa = null;
        c = null;
        edge.release();
    }

    /** C's row = beta·row, zeros (not 0·NaN) when beta is 0, before a product is added to it. */
    private static void scaleRow(float[] c, int off, int n, float beta) {
        if (beta == 0) {
            Arrays.fill(c, off, off + n, 0f);
        } else if (beta != 1) {
            for (int j = off; j < off + n; j++) {
                c[j] *= beta;
            }
        }
    }
}
