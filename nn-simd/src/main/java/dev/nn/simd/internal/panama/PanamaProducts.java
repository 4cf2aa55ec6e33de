package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Products;
import dev.nn.simd.internal.Scratch;

import java.util.Arrays;

import static dev.nn.simd.internal.panama.Vectors.L;
import static dev.nn.simd.internal.panama.Vectors.LANES;

/**
 * The products on vectors, and the choice of method for each shape, with its thresholds:
 * <ul>
 *   <li>A·B and Aᵀ·B are built by the broadcast micro-kernels ({@link BroadcastKernels}) panel by panel of B,
 *   packed ({@link Panels}) when at least {@link #PACK_MIN_ROWS} rows of A will pass over it; Aᵀ·B's A is packed
 *   too when more than one panel will read it; the last columns, fewer than a vector, as one zero-padded
 *   vector.</li>
 *   <li>A·Bᵀ with rows shorter than two vectors: {@link ShortRowKernels} (method {@link #SHORT}); with at least
 *   {@link #TRANSPOSE_MIN_ROWS} rows and four vectors of columns: like A·B from a packed copy of Bᵀ (method
 *   {@link #COPY}, split by columns); otherwise dot products four by four ({@link DotKernels}, method
 *   {@link #DOTS}).</li>
 * </ul>
 * Every element of C is one chain of multiply-adds in order of p whichever block, panel or micro-kernel holds
 * it, so a product gives the same bits however it is split.
 */
final class PanamaProducts implements Products {

    /** A·Bᵀ of short rows (k below two vectors). */
    static final int SHORT = 0;
    /** A·Bᵀ built like A·B from a copy of Bᵀ. */
    static final int COPY = 1;
    /** A·Bᵀ as dot products. */
    static final int DOTS = 2;

    /** Products with fewer rows than this use B where it is: a packed panel would serve too few rows. */
    static final int PACK_MIN_ROWS = 64;
    /** A·Bᵀ with at least this many rows (and wide enough) is built from a copy of Bᵀ. */
    static final int TRANSPOSE_MIN_ROWS = 128;
    /** The floats of B that the dot products keep in L2 while all of A passes over them (a quarter of the L2). */
    static final int PANEL_FLOATS = 1 << 16;

    /** Per-thread room for a panel of B. */
    private static final ThreadLocal<Scratch> PANEL = ThreadLocal.withInitial(Scratch::new);
    /** Per-thread room for A's rows packed four by four. */
    private static final ThreadLocal<Scratch> ROW_BLOCKS = ThreadLocal.withInitial(Scratch::new);
    /** Per-thread room for the zero-padded last columns of B and four vectors of sums. */
    private static final ThreadLocal<Scratch> EDGE = ThreadLocal.withInitial(Scratch::new);

    @Override
    public void ab(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                   int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, lda, 1, b, bOff, ldb, 1, c, cOff, ldc, m, n, k, alpha, beta);
    }

    @Override
    public void atb(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                    int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, 1, lda, b, bOff, ldb, 1, c, cOff, ldc, m, n, k, alpha, beta);
    }

    @Override
    public void abt(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                    int m, int n, int k, float alpha, float beta, int method) {
        switch (method) {
            case SHORT -> ShortRowKernels.product(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
            case COPY -> broadcastProduct(a, aOff, lda, 1, b, bOff, 1, ldb, c, cOff, ldc, m, n, k, alpha, beta);
            default -> dotProducts(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
        }
    }

    @Override
    public int abtMethod(int m, int n, int k) {
        if (k < 2 * L) {
            return SHORT;
        }
        return m >= TRANSPOSE_MIN_ROWS && n >= 4 * L ? COPY : DOTS;
    }

    @Override
    public boolean abtSplitsColumns(int method) {
        return method == COPY;
    }

    /**
     * C = alpha·A·B + beta·C with A(i, p) = a[aOff + i·rowStride + p·colStride] and B(p, j) = b[bOff + p·bRowStride
     * + j·bColStride]. C is first set to beta·C (zeros when beta is 0); then the micro-kernels add alpha·A·B: four
     * rows of C by four, then two, then one vector of columns; leftover rows one vector at a time; the last
     * columns (fewer than a vector) by {@link #edgeColumns}. Panels of columns are the outer loop and rows the
     * inner one, so that a panel of B (k × up to four vectors) stays in L2 while every row of A passes over it.
     */
    private static void broadcastProduct(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff,
                                         int bRowStride, int bColStride, float[] c, int cOff, int ldc,
                                         int m, int n, int k, float alpha, float beta) {
        for (int i = 0; i < m; i++) {
            scaleRow(c, cOff + i * ldc, n, beta);
        }
        int vectorCols = n - n % L;
        int blockRows = m - m % 4;
        boolean packing = bColStride != 1 || m >= PACK_MIN_ROWS;
        float[] panel = packing && vectorCols > 0 ? PANEL.get().atLeast(4 * L * k) : null;
        boolean packA = m >= PACK_MIN_ROWS && colStride != 1 && n > 4 * L;
        float[] pa = a;
        if (packA) {
            pa = ROW_BLOCKS.get().atLeast(blockRows * k);
            Panels.rowBlocks(a, aOff, rowStride, colStride, blockRows, k, pa);
        }
        int rs = packA ? 1 : rowStride, cs = packA ? 4 : colStride;
        for (int j = 0; j < vectorCols; ) {
            int width = vectorCols - j >= 4 * L ? 4 * L : vectorCols - j >= 2 * L ? 2 * L : L;
            float[] pb = b;
            int pOff = bOff + j, ldb = bRowStride;
            if (packing) {
                Panels.pack(b, bOff + j * bColStride, bRowStride, bColStride, k, width, panel);
                pb = panel;
                pOff = 0;
                ldb = width;
            }
            for (int i = 0; i < blockRows; i += 4) {
                int a0 = packA ? i * k : aOff + i * rowStride, c0 = cOff + i * ldc + j;
                switch (width / L) {
                    case 4 -> BroadcastKernels.rows4x4(pa, a0, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
                    case 2 -> BroadcastKernels.rows4x2(pa, a0, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
                    default -> BroadcastKernels.rows4x1(pa, a0, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
                }
            }
            for (int i = blockRows; i < m; i++) {
                for (int v = 0; v < width; v += L) {
                    BroadcastKernels.rows1x1(a, aOff + i * rowStride, colStride, pb, pOff + v, ldb, c,
                            cOff + i * ldc + j + v, k, alpha);
                }
            }
            j += width;
        }
        if (vectorCols < n) {
            edgeColumns(a, aOff, rowStride, colStride, b, bOff + vectorCols * bColStride, bRowStride, bColStride,
                    c, cOff + vectorCols, ldc, m, n - vectorCols, k, alpha);
        }
    }

    /**
     * The last {@code width} (&lt; L) columns of C += alpha·A·B: those columns of B copied into one zero-padded
     * vector per row, the micro-kernels run on it into a scratch (−0 plus a sum is that sum, bit for bit), and
     * the first {@code width} lanes added to C. Each element is the same chain of multiply-adds in order of p as
     * in a whole vector, and as the scalar twin's.
     */
    private static void edgeColumns(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff,
                                    int bRowStride, int bColStride, float[] c, int cOff, int ldc,
                                    int m, int width, int k, float alpha) {
        float[] edge = EDGE.get().atLeast((k + 4) * L);
        Panels.packPadded(b, bOff, bRowStride, bColStride, k, width, L, edge);
        int sums = k * L;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            Arrays.fill(edge, sums, sums + 4 * L, -0f);
            BroadcastKernels.rows4x1(a, aOff + i * rowStride, rowStride, colStride, edge, 0, L, edge, sums, L, k, 1f);
            for (int r = 0; r < 4; r++) {
                addLanes(edge, sums + r * L, width, c, cOff + (i + r) * ldc, alpha);
            }
        }
        for (; i < m; i++) {
            Arrays.fill(edge, sums, sums + L, -0f);
            BroadcastKernels.rows1x1(a, aOff + i * rowStride, colStride, edge, 0, L, edge, sums, k, 1f);
            addLanes(edge, sums, width, c, cOff + i * ldc, alpha);
        }
    }

    private static void addLanes(float[] sums, int from, int width, float[] c, int c0, float alpha) {
        for (int j = 0; j < width; j++) {
            c[c0 + j] += alpha * sums[from + j];
        }
    }

    /**
     * C = alpha·A·Bᵀ + beta·C as dot products: four rows of A by four rows of B share their loads (then four by
     * two); leftover rows and columns one dot product each. Rows of B go in panels of about {@link #PANEL_FLOATS}
     * floats, the outer loop, so that a panel stays in L2 while every row of A passes over it.
     */
    private static void dotProducts(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                                    int ldc, int m, int n, int k, float alpha, float beta) {
        float[] lanes = LANES.get();
        int blockRows = m - m % 4, blockCols = n - n % 4;
        int panel = Math.max(4, PANEL_FLOATS / Math.max(1, k) / 4 * 4);
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
            for (; j < n; j++) {
                for (int r = i; r < i + 4; r++) {
                    DotKernels.store(DotKernels.dot(a, aOff + r * lda, b, bOff + j * ldb, k), c, cOff + r * ldc + j,
                            alpha, beta);
                }
            }
        }
        for (int i = blockRows; i < m; i++) {
            for (int j = 0; j < n; j++) {
                DotKernels.store(DotKernels.dot(a, aOff + i * lda, b, bOff + j * ldb, k), c, cOff + i * ldc + j,
                        alpha, beta);
            }
        }
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
