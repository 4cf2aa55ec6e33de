package dev.nn.simd.internal.panama;

import java.util.Arrays;

/**
 * Packing: parts of A and B copied into the order a micro-kernel reads them. Rows of B a multiple of 4 kB apart
 * fall into the same few sets of the L1 cache and evict each other; copied, they stream.
 */
final class Panels {

    /** Values of p per tile when {@link #pack} turns rows of a transposed B into a panel's columns. */
    static final int TILE = 32;

    private Panels() {
    }

    /**
     * Copies the panel B(0..k, 0..width) (B(p, j) at b[bOff + p·rowStride + j·colStride]) into {@code panel}, its
     * rows end to end. A transposed B (A·Bᵀ's, rowStride 1) is turned in tiles of {@link #TILE} values of p, four
     * of its rows at a time, so that the lines read and written stay in L1 while a tile is turned; width is then a
     * multiple of four.
     */
    static void pack(float[] b, int bOff, int rowStride, int colStride, int k, int width, float[] panel) {
        if (colStride == 1) {
            for (int p = 0; p < k; p++) {
                System.arraycopy(b, bOff + p * rowStride, panel, p * width, width);
            }
            return;
        }
        for (int p0 = 0; p0 < k; p0 += TILE) {
            int p1 = Math.min(k, p0 + TILE);
            for (int j = 0; j < width; j += 4) {
                int r0 = bOff + j * colStride, r1 = r0 + colStride, r2 = r1 + colStride, r3 = r2 + colStride;
                for (int p = p0; p < p1; p++) {
                    int to = p * width + j;
                    panel[to] = b[r0 + p];
                    panel[to + 1] = b[r1 + p];
                    panel[to + 2] = b[r2 + p];
                    panel[to + 3] = b[r3 + p];
                }
            }
        }
    }

    /**
     * Copies the last {@code width} (&lt; one vector) columns B(0..k, 0..width) into rows of {@code lanes} values,
     * zeros after them: the narrow edge of a product, made one vector wide.
     */
    static void packPadded(float[] b, int bOff, int rowStride, int colStride, int k, int width, int lanes,
                           float[] panel) {
        for (int p = 0; p < k; p++) {
            int row = p * lanes;
            for (int j = 0; j < width; j++) {
                panel[row + j] = b[bOff + p * rowStride + j * colStride];
            }
            Arrays.fill(panel, row + width, row + lanes, 0f);
        }
    }

    /**
     * Copies A's rows, four at a time, into {@code blocks}, where block i/4 holds, for each p in turn, the four
     * elements A(i..i+3, p) side by side: for Aᵀ·B, whose A(i, p) run down a column of the stored matrix, a whole
     * stored row apart for each p.
     */
    static void rowBlocks(float[] a, int aOff, int rowStride, int colStride, int blockRows, int k, float[] blocks) {
        for (int i = 0; i < blockRows; i += 4) {
            for (int p = 0; p < k; p++) {
                int from = aOff + i * rowStride + p * colStride, to = i * k + 4 * p;
                blocks[to] = a[from];
                blocks[to + 1] = a[from + rowStride];
                blocks[to + 2] = a[from + 2 * rowStride];
                blocks[to + 3] = a[from + 3 * rowStride];
            }
        }
    }

    /**
     * Copies Bᵀ (B stored n×k, rows ldb apart) into {@code bt}, k rows of {@code width} values (n rounded up to
     * whole vectors), zeros after the n-th: A·Bᵀ for short rows, built like A·B.
     */
    static void transpose(float[] b, int bOff, int ldb, int n, int k, int width, float[] bt) {
        for (int p = 0; p < k; p++) {
            int row = p * width;
            for (int j = 0; j < n; j++) {
                bt[row + j] = b[bOff + j * ldb + p];
            }
            Arrays.fill(bt, row + n, row + width, 0f);
        }
    }
}
