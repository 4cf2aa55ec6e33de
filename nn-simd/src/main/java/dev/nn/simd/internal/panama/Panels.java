package dev.nn.simd.internal.panama;

import jdk.incubator.vector.FloatVector;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;
import static dev.nn.simd.internal.panama.Vectors.NATIVE;
import static dev.nn.simd.internal.panama.Vectors.NATIVE_FLOAT;

/**
 * Packing: parts of A and B copied into the order a micro-kernel reads them. Rows of B a multiple of 4 kB apart
 * fall into the same few sets of the L1 cache and evict each other; copied, they stream.
 */
final class Panels {

    /** Per thread: the offsets 0, s, 2s, … of one vector's gather, for the stride s of the last call. */
    private static final ThreadLocal<int[]> STRIDES = ThreadLocal.withInitial(() -> new int[L + 1]);

    private Panels() {
    }

    /** This thread's gather offsets {0, stride, …, (L−1)·stride}, refilled when the stride changes. */
    private static int[] strides(int stride) {
        int[] apart = STRIDES.get();
        if (apart[L] != stride) {
            for (int t = 0; t < L; t++) {
                apart[t] = t * stride;
            }
            apart[L] = stride;
        }
        return apart;
    }

    /**
     * Copies the panel B(0..k, 0..width) (B(p, j) at b[bOff + p·rowStride + j·colStride]) into {@code panel}, its
     * rows end to end, floats in native order. A transposed B (A·Bᵀ's, rowStride 1; width a multiple of the
     * lanes) is turned a vector at a time: one gather of B(p, j..j+L), a column of stored values colStride apart,
     * then one store; L values of p for each L stored rows in turn, so that the lines being read stay in L1 even
     * when the stored rows are a power of two apart and share a few sets of it (at 512 bits 64×256×784 in 229 µs
     * against 294 by one float at a time, 512×512×512 in 2,120 against 2,224).
     */
    static void pack(float[] b, int bOff, int rowStride, int colStride, int k, int width, MemorySegment panel) {
        if (colStride == 1) {
            for (int p = 0; p < k; p++) {
                MemorySegment.copy(b, bOff + p * rowStride, panel, NATIVE_FLOAT, (long) p * width * Float.BYTES, width);
            }
            return;
        }
        gather(b, bOff, colStride, k, width, width, panel);
    }

    /**
     * The first {@code columns} (whole vectors) of a transposed B's panel, rows {@code width} apart: one gather of
     * B(p, j..j+L) at a time, L values of p for each L stored rows in turn.
     */
    private static void gather(float[] b, int bOff, int colStride, int k, int columns, int width,
                               MemorySegment panel) {
        int[] apart = strides(colStride);
        for (int p0 = 0; p0 < k; p0 += L) {
            int p1 = Math.min(k, p0 + L);
            for (int j = 0; j < columns; j += L) {
                for (int p = p0; p < p1; p++) {
                    FloatVector column = FloatVector.fromArray(FLOATS, b, bOff + j * colStride + p, apart, 0);
                    column.intoMemorySegment(panel, ((long) p * width + j) * Float.BYTES, NATIVE);
                }
            }
        }
    }

    /**
     * Copies B(0..k, 0..real) into {@code panel} as rows of {@code width} values, zeros after the real ones (width −
     * real below one vector): the last panel of a product whose last columns are padded to a whole vector. The
     * partial vector is zeroed, then the real columns copied over it: a row at a time where B's rows are contiguous;
     * otherwise whole vectors as {@link #pack} gathers them, the partial one's columns one by one.
     */
    static void packPartial(float[] b, int bOff, int rowStride, int colStride, int k, int real, int width,
                            MemorySegment panel) {
        int whole = real - real % L;
        FloatVector zero = FloatVector.zero(FLOATS);
        for (int p = 0; p < k; p++) {
            long row = (long) p * width * Float.BYTES;
            zero.intoMemorySegment(panel, row + (long) whole * Float.BYTES, NATIVE);
            if (colStride == 1) {
                MemorySegment.copy(b, bOff + p * rowStride, panel, NATIVE_FLOAT, row, real);
            } else {
                for (int j = whole; j < real; j++) {
                    panel.set(NATIVE_FLOAT, row + (long) j * Float.BYTES, b[bOff + p * rowStride + j * colStride]);
                }
            }
        }
        if (colStride != 1) {
            gather(b, bOff, colStride, k, whole, width, panel);
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
     * Aᵀ·B, whose A(i, p) run down a column of the stored matrix, a whole stored row apart for each p. A vector of
     * p at a time, one gather each, row by row so that the L stored rows being read stay in L1; the last values of
     * p (fewer than a vector) one by one.
     */
    static void rows(float[] a, int aOff, int rowStride, int colStride, int rows, int k, float[] out) {
        int[] apart = strides(colStride);
        int vectors = k - k % L;
        for (int p = 0; p < vectors; p += L) {
            for (int i = 0; i < rows; i++) {
                FloatVector.fromArray(FLOATS, a, aOff + i * rowStride + p * colStride, apart, 0)
                        .intoArray(out, i * k + p);
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int p = vectors; p < k; p++) {
                out[i * k + p] = a[aOff + i * rowStride + p * colStride];
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
