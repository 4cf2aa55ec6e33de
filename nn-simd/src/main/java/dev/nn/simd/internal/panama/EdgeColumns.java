package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Scratch;

import java.util.Arrays;

import static dev.nn.simd.internal.panama.Vectors.L;

/**
 * The last columns of a broadcast product, fewer than a vector: C(·, 0..width) += alpha·A·B(·, 0..width), chosen
 * and packed once per product ({@link #prepare}), then built chunk by chunk of rows ({@link #rows}). Three ways:
 * <ul>
 *   <li>{@link #DOTS}, where A's rows are contiguous (A·B) and k is at least {@link PanamaProducts#EDGE_MIN_DEPTH}:
 *   those columns of B copied as rows, then dot products of A's rows with them ({@link DotProduct}), width/L of a
 *   vector pass;</li>
 *   <li>{@link #TRANSPOSED}, where A's columns are contiguous (Aᵀ·B) and as deep: the transpose of those columns
 *   of C, built by the broadcast kernels with vectors along A's stored rows into a scratch of −0 (−0 plus a sum is
 *   that sum, bit for bit), then added to C; each element the same chain of multiply-adds in order of p as a
 *   padded vector's, at width/L of its cost;</li>
 *   <li>{@link #PADDED} otherwise (and for a chunk's rows short of a vector when transposed): those columns of B
 *   copied into one zero-padded vector per row, the micro-kernels run on it, the first width lanes added to C.</li>
 * </ul>
 */
final class EdgeColumns {

    /** Dot products of A's rows with B's last columns. */
    static final int DOTS = 0;
    /** The transpose, vectors along A's columns. */
    static final int TRANSPOSED = 1;
    /** One zero-padded vector. */
    static final int PADDED = 2;

    private final Scratch packed = new Scratch(), sums = new Scratch();
    private float[] a, b, c, edge;
    private int method, aOff, rowStride, colStride, bOff, bRowStride, bColStride, cOff, ldc, width, k;
    private float alpha;

    /** Chooses the way for these columns (B's from b[bOff], C's from c[cOff]) and packs what it reads. */
    void prepare(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff, int bRowStride,
                 int bColStride, float[] c, int cOff, int ldc, int width, int k, float alpha) {
        this.a = a;
        this.aOff = aOff;
        this.rowStride = rowStride;
        this.colStride = colStride;
        this.b = b;
        this.bOff = bOff;
        this.bRowStride = bRowStride;
        this.bColStride = bColStride;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
        this.width = width;
        this.k = k;
        this.alpha = alpha;
        method = PanamaProducts.edgeMethod(rowStride, colStride, k);
        if (method == DOTS) {
            edge = packed.atLeast(width * k);
            for (int j = 0; j < width; j++) {
                for (int p = 0; p < k; p++) {
                    edge[j * k + p] = b[bOff + p * bRowStride + j * bColStride];
                }
            }
        } else {
            edge = packed.atLeast((k + 4) * L);
            Panels.packPadded(b, bOff, bRowStride, bColStride, k, width, L, edge);
        }
    }

    /** Adds the prepared columns of rows [from, to) (from a multiple of four) to C. */
    void rows(int from, int to) {
        switch (method) {
            case DOTS -> DotProduct.run(a, aOff + from * rowStride, rowStride, edge, 0, k, c, cOff + from * ldc, ldc,
                    to - from, width, k, alpha, 1f);
            case TRANSPOSED -> {
                int vectorRows = (to - from) - (to - from) % L;
                transposed(from, vectorRows);
                padded(from + vectorRows, to);
            }
            default -> padded(from, to);
        }
    }

    /** Drops the caller's arrays. */
    void release() {
        a = null;
        b = null;
        c = null;
    }

    /**
     * Rows [from, from + count) (count a multiple of L), transposed: Cᵀ(j, i) = Σ_p B(p, j)·A(i, p) with A(i, p) at
     * a[aOff + i + p·colStride], four columns of C by four vectors of rows at a time where they are.
     */
    private void transposed(int from, int count) {
        if (count == 0) {
            return;
        }
        float[] t = sums.atLeast(width * count);
        Arrays.fill(t, 0, width * count, -0f);
        int a0 = aOff + from;
        int j = 0;
        for (; j + 4 <= width; j += 4) {
            int b0 = bOff + j * bColStride, t0 = j * count, v = 0;
            for (; v + 4 * L <= count; v += 4 * L) {
                BroadcastKernels.rows4x4(b, b0, bColStride, bRowStride, a, a0 + v, colStride, t, t0 + v, count, k,
                        alpha);
            }
            for (; v < count; v += L) {
                BroadcastKernels.rows4x1(b, b0, bColStride, bRowStride, a, a0 + v, colStride, t, t0 + v, count, k,
                        alpha);
            }
        }
        for (; j < width; j++) {
            int b0 = bOff + j * bColStride, t0 = j * count, v = 0;
            for (; v + 4 * L <= count; v += 4 * L) {
                BroadcastKernels.rows1x4(b, b0, bRowStride, a, a0 + v, colStride, t, t0 + v, k, alpha);
            }
            for (; v < count; v += L) {
                BroadcastKernels.rows1x1(b, b0, bRowStride, a, a0 + v, colStride, t, t0 + v, k, alpha);
            }
        }
        for (int i = 0; i < count; i++) {
            int row = cOff + (from + i) * ldc;
            for (int jj = 0; jj < width; jj++) {
                c[row + jj] += t[jj * count + i];
            }
        }
    }

    /**
     * Rows [from, to) from the zero-padded copy: sums into a scratch of −0, then the first width lanes times alpha
     * added to C; each element the same chain of multiply-adds in order of p as in a whole vector, and as the
     * scalar twin's.
     */
    private void padded(int from, int to) {
        float[] s = sums.atLeast(4 * L);
        int i = from;
        for (; i + 4 <= to; i += 4) {
            Arrays.fill(s, 0, 4 * L, -0f);
            BroadcastKernels.rows4x1(a, aOff + i * rowStride, rowStride, colStride, edge, 0, L, s, 0, L, k, 1f);
            for (int r = 0; r < 4; r++) {
                addLanes(s, r * L, cOff + (i + r) * ldc);
            }
        }
        for (; i < to; i++) {
            Arrays.fill(s, 0, L, -0f);
            BroadcastKernels.rows1x1(a, aOff + i * rowStride, colStride, edge, 0, L, s, 0, k, 1f);
            addLanes(s, 0, cOff + i * ldc);
        }
    }

    private void addLanes(float[] s, int from, int c0) {
        for (int j = 0; j < width; j++) {
            c[c0 + j] += alpha * s[from + j];
        }
    }
}
