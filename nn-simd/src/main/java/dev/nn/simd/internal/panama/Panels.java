package dev.nn.simd.internal.panama;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static dev.nn.simd.internal.panama.Vectors.NATIVE_FLOAT;

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
     * rows end to end, floats in native order. A transposed B (A·Bᵀ's, rowStride 1) is turned in tiles of
     * {@link #TILE} values of p, four of its rows at a time, so that the lines read and written stay in L1 while a
     * tile is turned; width is then a multiple of four.
     */
    static void pack(float[] b, int bOff, int rowStride, int colStride, int k, int width, MemorySegment panel) {
        if (colStride == 1) {
            for (int p = 0; p < k; p++) {
                MemorySegment.copy(b, bOff + p * rowStride, panel, NATIVE_FLOAT, (long) p * width * Float.BYTES, width);
            }
            return;
        }
        for (int p0 = 0; p0 < k; p0 += TILE) {
            int p1 = Math.min(k, p0 + TILE);
            for (int j = 0; j < width; j += 4) {
                int r0 = bOff + j * colStride, r1 = r0 + colStride, r2 = r1 + colStride, r3 = r2 + colStride;
                for (int p = p0; p < p1; p++) {
                    long to = (long) p * width + j;
                    panel.setAtIndex(NATIVE_FLOAT, to, b[r0 + p]);
                    panel.setAtIndex(NATIVE_FLOAT, to + 1, b[r1 + p]);
                    panel.setAtIndex(NATIVE_FLOAT, to + 2, b[r2 + p]);
                    panel.setAtIndex(NATIVE_FLOAT, to + 3, b[r3 + p]);
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
     * Copies A's first {@code rows} rows into {@code rows}×k row-major {@code out} (A(i, p) at out[i·k + p]): for
     * Aᵀ·B, whose A(i, p) run down a column of the stored matrix, a whole stored row apart for each p. Turned in
     * tiles of {@link #TILE} values of p, four rows at a time, so that the stored rows being read stay in L1.
     */
    static void rows(float[] a, int aOff, int rowStride, int colStride, int rows, int k, float[] out) {
        int blocks = rows - rows % 4;
        for (int p0 = 0; p0 < k; p0 += TILE) {
            int p1 = Math.min(k, p0 + TILE);
            for (int i = 0; i < blocks; i += 4) {
                int to0 = i * k, to1 = to0 + k, to2 = to1 + k, to3 = to2 + k;
                int from0 = aOff + i * rowStride, from1 = from0 + rowStride, from2 = from1 + rowStride;
                int from3 = from2 + rowStride;
                for (int p = p0; p < p1; p++) {
                    int col = p * colStride;
                    out[to0 + p] = a[from0 + col];
                    out[to1 + p] = a[from1 + col];
                    out[to2 + p] = a[from2 + col];
                    out[to3 + p] = a[from3 + col];
                }
            }
            for (int i = blocks; i < rows; i++) {
                for (int p = p0; p < p1; p++) {
                    out[i * k + p] = a[aOff + i * rowStride + p * colStride];
                }
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
