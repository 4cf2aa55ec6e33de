package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Products;
import static dev.nn.simd.internal.panama.Vectors.L;

/**
 * The products on vectors, and the choice of method for each shape, with its thresholds:
 * <ul>
 *   <li>A narrow Aᵀ·B ({@link #transposes}) is built as its transpose, with vectors along C's columns
 *   ({@link TransposedProduct}).</li>
 *   <li>A·B and other Aᵀ·B are built by the broadcast micro-kernels ({@link BroadcastProduct}) panel by panel of B,
 *   packed ({@link Panels}) when at least {@link #PACK_MIN_ROWS} rows of A will pass over it; Aᵀ·B's A is packed
 *   too when more than one panel will read it. The last columns, fewer than a vector: padded with zeros into
 *   the last panel where {@link #padsEdge} says so; otherwise at least {@link #EDGE_MIN_DEPTH} deep, as dot
 *   products (A·B) or transposed, vectors along A's columns (Aᵀ·B); otherwise as one zero-padded vector
 *   ({@link EdgeColumns}), {@link #EDGE_CHUNK_ROWS} rows at a time.</li>
 *   <li>A·Bᵀ with rows shorter than two vectors: {@link ShortRowKernels} (method {@link #SHORT}); with at least
 *   {@link #COPY_MIN_ROWS} rows and four vectors of columns: like A·B from a packed copy of Bᵀ (method
 *   {@link #COPY}, split by columns); with at least {@link #NARROW_COPY_MIN_ROWS} rows and one to four vectors of
 *   columns: the same, split by rows (method {@link #NARROW_COPY}); otherwise dot products four by four
 *   ({@link DotProduct}, method {@link #DOTS}).</li>
 * </ul>
 * Every element of C is computed the same way however the product is split between threads (rows are split in
 * fours, columns in whole runs of vectors), so a product gives the same bits at any thread count. Elements are
 * one chain of multiply-adds in order of p, except A·B's last columns where they are not padded (fewer than a
 * vector, at least {@link #EDGE_MIN_DEPTH} deep) and A·Bᵀ by {@link #DOTS}: dot products, summed lane-wise.
 */
final class PanamaProducts implements Products {

    /** A·Bᵀ of short rows (k below two vectors). */
    static final int SHORT = 0;
    /** A·Bᵀ built like A·B from a copy of Bᵀ. */
    static final int COPY = 1;
    /** A·Bᵀ as dot products. */
    static final int DOTS = 2;
    /**
     * A·Bᵀ of one to four vectors of columns built like A·B from a copy of Bᵀ, split by rows: at 512 bits,
     * 256×16×1024 runs 1.3× as fast this way as by dot products.
     */
    static final int NARROW_COPY = 3;

    /** Products with fewer rows than this use B where it is: a packed panel would serve too few rows. */
    static final int PACK_MIN_ROWS = 64;
    /**
     * A·Bᵀ with at least this many rows and four vectors of columns is built from a copy of Bᵀ: at 512 bits
     * 64×256×784 in 302 µs against 335 by dot products, 100×256×1024 in 575 against 706.
     */
    static final int COPY_MIN_ROWS = 64;
    /**
     * A·Bᵀ one to four vectors wide is built from a copy of Bᵀ from this many rows; with fewer, dot products are as
     * fast (64×16×784 and 64×48×784 at 512 bits).
     */
    static final int NARROW_COPY_MIN_ROWS = 128;
    /**
     * Products at least this deep build their last columns (fewer than a vector) without padding them to a whole
     * vector: as dot products where A's rows are contiguous (A·B), with the vectors along A's rows where its
     * columns are (Aᵀ·B). Shallower ones pad: a padded vector costs little when k is small.
     */
    static final int EDGE_MIN_DEPTH = 64;
    /**
     * Last columns (fewer than a vector) at least this many, and at least half a vector, are padded to a whole
     * vector where it joins the panel before them ({@link #padsEdge}). Measured A·B at m 256, k 1024: at 512 bits
     * n 24 in 112 µs padded against 124 by dot products, n 31 in 117 against 185, n 23 in 122 against 105; at 256
     * bits n 14 in 87 against 91, n 15 in 88 against 105, n 13 in 88 against 90, n 12 in 89 against 77.
     */
    static final int EDGE_PAD_MIN_COLUMNS = 6;
    /**
     * Rows of C per chunk while the last panel and the last columns alternate, so that the edge reads A's rows
     * while they are still in cache.
     */
    static final int EDGE_CHUNK_ROWS = 64;
    /**
     * Aᵀ·B at least this deep, with C at most {@link #TRANSPOSE_MAX_COLUMNS} wide and at least four vectors tall, is
     * built as its transpose ({@link TransposedProduct}); a shallower one spends more on copying and on turning its
     * sums into C's rows than it saves.
     */
    static final int TRANSPOSE_MIN_DEPTH = 128;
    /**
     * The widest C built as its transpose: measured at both widths, 256×100×1024 runs 1.6× (512 bits) and 1.1×
     * (256 bits) as fast this way, while at 256 or more columns the sums outgrow L2 and the broadcast kernels win.
     */
    static final int TRANSPOSE_MAX_COLUMNS = 128;
    /** The floats of B that the dot products keep in L2 while all of A passes over them (a quarter of the L2). */
    static final int PANEL_FLOATS = 1 << 16;

    @Override
    public void ab(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                   int m, int n, int k, float alpha, float beta) {
        BroadcastProduct.run(a, aOff, lda, 1, b, bOff, ldb, 1, c, cOff, ldc, m, n, k, alpha, beta);
    }

    @Override
    public void atb(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                    int m, int n, int k, float alpha, float beta) {
        if (transposes(m, n, k)) {
            TransposedProduct.run(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
            return;
        }
        BroadcastProduct.run(a, aOff, 1, lda, b, bOff, ldb, 1, c, cOff, ldc, m, n, k, alpha, beta);
    }

    /** Whether an Aᵀ·B of this shape is built as its transpose, by {@link TransposedProduct}. */
    static boolean transposes(int m, int n, int k) {
        return n <= TRANSPOSE_MAX_COLUMNS && m >= 4 * L && k >= TRANSPOSE_MIN_DEPTH;
    }

    @Override
    public void abt(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                    int m, int n, int k, float alpha, float beta, int method) {
        switch (method) {
            case SHORT -> ShortRowKernels.product(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
            case COPY, NARROW_COPY ->
                    BroadcastProduct.run(a, aOff, lda, 1, b, bOff, 1, ldb, c, cOff, ldc, m, n, k, alpha, beta);
            default -> DotProduct.run(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
        }
    }

    @Override
    public int abtMethod(int m, int n, int k) {
        if (k < 2 * L) {
            return SHORT;
        }
        boolean wide = n >= 4 * L;
        if (n < L || m < (wide ? COPY_MIN_ROWS : NARROW_COPY_MIN_ROWS)) {
            return DOTS;
        }
        return wide ? COPY : NARROW_COPY;
    }

    /**
     * How the last columns (fewer than a vector) of a broadcast product with this layout of A and this depth are
     * built: {@link EdgeColumns#DOTS} where A's rows are contiguous, {@link EdgeColumns#TRANSPOSED} where its
     * columns are, at least {@link #EDGE_MIN_DEPTH} deep; otherwise {@link EdgeColumns#PADDED}.
     */
    static int edgeMethod(int rowStride, int colStride, int k) {
        if (k < EDGE_MIN_DEPTH) {
            return EdgeColumns.PADDED;
        }
        if (colStride == 1 && rowStride != 1) {
            return EdgeColumns.DOTS;
        }
        return rowStride == 1 && colStride != 1 ? EdgeColumns.TRANSPOSED : EdgeColumns.PADDED;
    }

    /**
     * Whether a packed broadcast product pads its last columns ({@code edge} of them, fewer than a vector) with
     * zeros to a whole vector, built with the panel before them, rather than as {@link EdgeColumns}: where that
     * vector turns a last panel of one vector into one of two (or of three into four), and the columns are at least
     * {@link #EDGE_PAD_MIN_COLUMNS} and half a vector; not where A's columns are contiguous (Aᵀ·B, whose edge is
     * built transposed at little cost).
     */
    static boolean padsEdge(int vectorCols, int edge, int rowStride, int colStride, int k) {
        return (vectorCols / L) % 2 == 1 && edge >= Math.max(EDGE_PAD_MIN_COLUMNS, L / 2)
                && edgeMethod(rowStride, colStride, k) != EdgeColumns.TRANSPOSED;
    }

    /**
     * Whether a broadcast product packs B (and A, when its columns are contiguous: Aᵀ·B) for the kernels on packed
     * operands ({@link PackedKernels}), or runs on both where they are ({@link BroadcastKernels}). A transposed B
     * is always packed. Otherwise B is packed from {@link #PACK_MIN_ROWS} rows on, except for an Aᵀ·B of at most
     * one panel (four vectors of columns), where turning A would cost more than it saves; its B is then read in
     * place, which for so narrow a B does not suffer from rows a multiple of 4 kB apart.
     */
    static boolean packs(int m, int n, int colStride, int bColStride) {
        if (bColStride != 1) {
            return true;
        }
        return m >= PACK_MIN_ROWS && (colStride == 1 || n > 4 * L);
    }

    @Override
    public boolean abtSplitsColumns(int method) {
        return method == COPY;
    }
}
