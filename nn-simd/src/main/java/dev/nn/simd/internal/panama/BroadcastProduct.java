package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Scratch;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static dev.nn.simd.internal.panama.Vectors.L;

/**
 * One broadcast product, C = alpha·A·B + beta·C with A(i, p) = a[aOff + i·rowStride + p·colStride] and B(p, j) =
 * b[bOff + p·bRowStride + j·bColStride] (A·B, Aᵀ·B, and A·Bᵀ from a copy of Bᵀ). C is first set to beta·C (zeros
 * when beta is 0); then the micro-kernels add alpha·A·B panel by panel of B: four rows of C by four vectors of
 * columns, eight rows (then four) by two or one, leftover rows a row at a time; the last columns (fewer than a
 * vector) padded with zeros into the last panel where {@link PanamaProducts#padsEdge} says so (that panel built in
 * a tile, then added to C), otherwise by {@link EdgeColumns}, chunk by chunk of rows as the last panel passes over
 * them, so that A's rows are still in cache. Panels are the outer loop and rows the inner one, so that a panel of
 * B (k × up to four vectors) stays in L2 while every row of A passes over it. Where {@link PanamaProducts#packs}
 * says so, each panel is packed (and A turned to contiguous rows) for {@link PackedKernels}; otherwise
 * {@link BroadcastKernels} read both where they are. One per thread: its fields hold the product in hand.
 */
final class BroadcastProduct {

    private static final ThreadLocal<BroadcastProduct> PRODUCTS = ThreadLocal.withInitial(BroadcastProduct::new);

    private final Scratch rowsOfA = new Scratch();
    private final AlignedPanel panel = new AlignedPanel();
    private final Scratch tile = new Scratch();
    private final EdgeColumns edge = new EdgeColumns();
    private float[] a, c;
    private int aOff, rowStride, colStride, cOff, ldc, k, blockRows;
    private boolean packing;
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
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        this.k = k;
        this.alpha = alpha;
        int vectorCols = n - n % L;
        blockRows = m - m % 4;
        packing = PanamaProducts.packs(m, n, colStride, bColStride);
        boolean padsEdge = packing && PanamaProducts.padsEdge(vectorCols, n - vectorCols, rowStride, colStride, k);
        int panelCols = padsEdge ? vectorCols + L : vectorCols;
        boolean hasEdge = !padsEdge && vectorCols < n;
        if (hasEdge) {
            edge.prepare(a, aOff, rowStride, colStride, b, bOff + vectorCols * bColStride, bRowStride, bColStride, c,
                    cOff + vectorCols, ldc, n - vectorCols, k, alpha);
        }
        this.a = a;
        this.aOff = aOff;
        this.rowStride = rowStride;
        this.colStride = colStride;
        if (packing && colStride != 1) {
            this.a = rowsOfA.atLeast(m * k);
            Panels.rows(a, aOff, rowStride, colStride, m, k, this.a);
            this.aOff = 0;
            this.rowStride = k;
            this.colStride = 1;
        }
        MemorySegment packed = packing && panelCols > 0 ? panel.atLeast(4L * L * k * Float.BYTES) : null;
        for (int j = 0; j < panelCols; ) {
            int width = panelCols - j >= 4 * L ? 4 * L : panelCols - j >= 2 * L ? 2 * L : L;
            boolean padded = j + width > n;
            if (padded) {
                Panels.packPartial(b, bOff + j * bColStride, bRowStride, bColStride, k, n - j, width, packed);
            } else if (packing) {
                Panels.pack(b, bOff + j * bColStride, bRowStride, bColStride, k, width, packed);
            }
            boolean last = j + width == panelCols;
            int chunk = last && (hasEdge || padded) ? PanamaProducts.EDGE_CHUNK_ROWS : m;
            for (int from = 0; from < m; from += chunk) {
                int to = Math.min(m, from + chunk);
                if (padded) {
                    paddedRows(packed, j, width, n - j, from, to);
                } else if (packing) {
                    packedRows(packed, width, from, to, c, cOff + j, ldc);
                } else {
                    inPlaceRows(b, bOff + j, bRowStride, j, width, from, to);
                }
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

    /**
     * Rows [from, to) (from a multiple of four) of the last panel, columns j..j+width of which only the first
     * {@code real} are C's: built in a tile of −0 (−0 plus a sum is that sum, bit for bit), whose first real
     * columns are then added to C; each element the chain of multiply-adds that a panel within C gives it.
     */
    private void paddedRows(MemorySegment pb, int j, int width, int real, int from, int to) {
        int size = (to - from) * width;
        float[] t = tile.atLeast(size);
        Arrays.fill(t, 0, size, -0f);
        packedRows(pb, width, from, to, t, -from * width, width);
        for (int i = from; i < to; i++) {
            int row = cOff + i * ldc + j, tileRow = (i - from) * width;
            for (int jj = 0; jj < real; jj++) {
                c[row + jj] += t[tileRow + jj];
            }
        }
    }

    /**
     * Rows [from, to) (from a multiple of four) of a packed panel width wide, A's rows contiguous, added to
     * {@code dest}: row i's at dest[base + i·ld].
     */
    private void packedRows(MemorySegment pb, int width, int from, int to, float[] dest, int base, int ld) {
        int i = from, blockEnd = Math.min(to, blockRows);
        if (width < 4 * L) {
            for (; i + 8 <= blockEnd; i += 8) {
                int a0 = aOff + i * rowStride, c0 = base + i * ld;
                if (width == L) {
                    PackedKernels.rows8x1(a, a0, rowStride, pb, dest, c0, ld, k, alpha);
                } else {
                    PackedKernels.rows8x2(a, a0, rowStride, pb, dest, c0, ld, k, alpha);
                }
            }
        }
        for (; i < blockEnd; i += 4) {
            int a0 = aOff + i * rowStride, c0 = base + i * ld;
            switch (width / L) {
                case 4 -> PackedKernels.rows4x4(a, a0, rowStride, pb, dest, c0, ld, k, alpha);
                case 2 -> PackedKernels.rows4x2(a, a0, rowStride, pb, dest, c0, ld, k, alpha);
                default -> PackedKernels.rows4x1(a, a0, rowStride, pb, dest, c0, ld, k, alpha);
            }
        }
        for (; i < to; i++) {
            int a0 = aOff + i * rowStride, c0 = base + i * ld;
            if (width == 4 * L) {
                PackedKernels.row1x4(a, a0, pb, dest, c0, k, alpha);
            } else {
                PackedKernels.row(a, a0, pb, width, dest, c0, k, alpha);
            }
        }
    }

    /** Rows [from, to) (from a multiple of four) of the columns j..j+width of B where it is (from b[b0]). */
    private void inPlaceRows(float[] b, int b0, int ldb, int j, int width, int from, int to) {
        int i = from, blockEnd = Math.min(to, blockRows);
        if (width < 4 * L) {
            for (; i + 8 <= blockEnd; i += 8) {
                int a0 = aOff + i * rowStride, a4 = a0 + 4 * rowStride, c0 = cOff + i * ldc + j;
                if (width == L) {
                    BroadcastKernels.rows8x1(a, a0, a4, rowStride, colStride, b, b0, ldb, c, c0, ldc, k, alpha);
                } else {
                    BroadcastKernels.rows8x2(a, a0, a4, rowStride, colStride, b, b0, ldb, c, c0, ldc, k, alpha);
                }
            }
        }
        for (; i < blockEnd; i += 4) {
            int a0 = aOff + i * rowStride, c0 = cOff + i * ldc + j;
            switch (width / L) {
                case 4 -> BroadcastKernels.rows4x4(a, a0, rowStride, colStride, b, b0, ldb, c, c0, ldc, k, alpha);
                case 2 -> BroadcastKernels.rows4x2(a, a0, rowStride, colStride, b, b0, ldb, c, c0, ldc, k, alpha);
                default -> BroadcastKernels.rows4x1(a, a0, rowStride, colStride, b, b0, ldb, c, c0, ldc, k, alpha);
            }
        }
        for (; i < to; i++) {
            int a0 = aOff + i * rowStride, c0 = cOff + i * ldc + j;
            if (width == 4 * L) {
                BroadcastKernels.rows1x4(a, a0, colStride, b, b0, ldb, c, c0, k, alpha);
            } else {
                for (int v = 0; v < width; v += L) {
                    BroadcastKernels.rows1x1(a, a0, colStride, b, b0 + v, ldb, c, c0 + v, k, alpha);
                }
            }
        }
    }

    /** Drops the caller's arrays, so that a thread's product does not keep them alive. */
    private void release() {
        a = null;
        c = null;
        edge.release();
    }

    /** C's row = beta·row, zeros (not 0·NaN) when beta is 0, before a product is added to it. */
    static void scaleRow(float[] c, int off, int n, float beta) {
        if (beta == 0) {
            Arrays.fill(c, off, off + n, 0f);
        } else if (beta != 1) {
            for (int j = off; j < off + n; j++) {
                c[j] *= beta;
            }
        }
    }
}
