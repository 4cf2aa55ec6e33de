package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Scratch;
import jdk.incubator.vector.FloatVector;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;
import static dev.nn.simd.internal.panama.Vectors.NATIVE;
import static dev.nn.simd.internal.panama.Vectors.NATIVE_FLOAT;

/**
 * One Aᵀ·B built as its transpose: C = alpha·Aᵀ·B + beta·C with A stored k×m (A(i, p) at a[aOff + p·lda + i]),
 * through the sums S = Cᵀ = Bᵀ·A, whose vectors run along A's stored rows, that is along C's columns i. It serves
 * an Aᵀ·B whose C is narrow ({@link PanamaProducts#transposes}). B's columns are copied four by four, side by side,
 * so no column of C is left to a slow path; A is read where it is contiguous, block by block into an aligned panel
 * (four vectors of i by {@link #DEPTH} values of p, zeros past m) that stays in L1 while every four columns of C
 * pass over it, packed by the kernel of the first four columns as it reads them rather than in a pass of its own
 * (512 bits, 256×16×1024 in 67.8 µs against 75.2, medians of five alternated runs). Sums are kept across the blocks
 * of p, so each element of C is one chain of multiply-adds in order of p, then times alpha added to C: the same
 * bits as {@link BroadcastProduct}. One per thread: its fields hold the product in hand.
 */
final class TransposedProduct {

    /** Values of p per panel: four vectors by this many take 32 kB at 512 bits, two thirds of a 48 kB L1. */
    static final int DEPTH = 128;

    private static final ThreadLocal<TransposedProduct> PRODUCTS = ThreadLocal.withInitial(TransposedProduct::new);

    private final Scratch columnsOfB = new Scratch(), sums = new Scratch();
    private final AlignedPanel panel = new AlignedPanel();

    private TransposedProduct() {
    }

    /** C = alpha·Aᵀ·B + beta·C on this thread. */
    static void run(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                    int m, int n, int k, float alpha, float beta) {
        PRODUCTS.get().compute(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
    }

    private void compute(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                         int m, int n, int k, float alpha, float beta) {
        int whole = n - n % 4, rows = whole + (n > whole ? 4 : 0);
        int cols = (m + 4 * L - 1) / (4 * L) * (4 * L);
        float[] x = columnsOfB.atLeast(rows * k);
        fours(b, bOff, ldb, n, k, x);
        float[] s = sums.atLeast(rows * cols);
        Arrays.fill(s, 0, rows * cols, 0f);
        MemorySegment y = panel.atLeast((long) DEPTH * 4 * L * Float.BYTES);
        for (int i = 0; i < m; i += 4 * L) {
            int width = Math.min(4 * L, m - i);
            for (int p0 = 0; p0 < k; p0 += DEPTH) {
                int depth = Math.min(DEPTH, k - p0), from = aOff + p0 * lda + i;
                int j = 0;
                if (width == 4 * L && whole > 0) {
                    TransposedKernels.rows4x4Packing(x, 4 * p0, a, from, lda, y, s, i, cols, depth);
                    j = 4;
                } else {
                    pack(a, from, lda, depth, width, y);
                }
                for (; j < whole; j += 4) {
                    TransposedKernels.rows4x4(x, j * k + 4 * p0, y, s, j * cols + i, cols, depth);
                }
                int x0 = whole * k + 4 * p0, s0 = whole * cols + i;
                switch (n - whole) {
                    case 1 -> TransposedKernels.row1x4(x, x0, y, s, s0, depth);
                    case 2 -> TransposedKernels.rows2x4(x, x0, y, s, s0, cols, depth);
                    case 3 -> {
                        TransposedKernels.rows2x4(x, x0, y, s, s0, cols, depth);
                        TransposedKernels.row1x4(x, x0 + 2, y, s, s0 + 2 * cols, depth);
                    }
                    default -> {
                    }
                }
            }
        }
        for (int i = 0; i < m; i++) {
            BroadcastProduct.scaleRow(c, cOff + i * ldc, n, beta);
        }
        for (int j = 0; j < n; j++) {
            int column = cOff + j, sum = j * cols;
            for (int i = 0; i < m; i++) {
                c[column + i * ldc] += alpha * s[sum + i];
            }
        }
    }

    /**
     * Copies B's columns four at a time into x, each four k steps of four values (B(p, j) at x[(j - j % 4)·k +
     * 4p + j % 4]), zeros past the n-th: a kernel's broadcasts at a step are then side by side. Plain loads, four
     * a step: a copy through four-lane vectors was 5–15% faster but was boxed (allocating) when C2 inlined it
     * late into {@link #compute}.
     */
    private static void fours(float[] b, int bOff, int ldb, int n, int k, float[] x) {
        int whole = n - n % 4;
        for (int j = 0; j < whole; j += 4) {
            int to = j * k, from = bOff + j;
            for (int p = 0; p < k; p++) {
                int row = from + p * ldb, step = to + 4 * p;
                x[step] = b[row];
                x[step + 1] = b[row + 1];
                x[step + 2] = b[row + 2];
                x[step + 3] = b[row + 3];
            }
        }
        if (whole < n) {
            int to = whole * k, from = bOff + whole;
            for (int p = 0; p < k; p++) {
                for (int r = 0; r < 4; r++) {
                    x[to + 4 * p + r] = whole + r < n ? b[from + p * ldb + r] : 0f;
                }
            }
        }
    }

    /**
     * Copies {@code depth} rows of {@code width} (at most four vectors) floats, lda apart from a[from], into the
     * panel, each row four vectors long, zeros after its width.
     */
    private static void pack(float[] a, int from, int lda, int depth, int width, MemorySegment y) {
        if (width == 4 * L) {
            for (int p = 0; p < depth; p++) {
                int row = from + p * lda;
                long to = (long) p * (4 * L * Float.BYTES);
                FloatVector.fromArray(FLOATS, a, row).intoMemorySegment(y, to, NATIVE);
                FloatVector.fromArray(FLOATS, a, row + L).intoMemorySegment(y, to + L * Float.BYTES, NATIVE);
                FloatVector.fromArray(FLOATS, a, row + 2 * L).intoMemorySegment(y, to + 2 * L * Float.BYTES, NATIVE);
                FloatVector.fromArray(FLOATS, a, row + 3 * L).intoMemorySegment(y, to + 3 * L * Float.BYTES, NATIVE);
            }
            return;
        }
        int vectors = width - width % L;
        for (int p = 0; p < depth; p++) {
            int row = from + p * lda;
            long to = (long) p * 4 * L;
            int j = 0;
            for (; j < vectors; j += L) {
                FloatVector.fromArray(FLOATS, a, row + j).intoMemorySegment(y, (to + j) * Float.BYTES, NATIVE);
            }
            for (; j < width; j++) {
                y.setAtIndex(NATIVE_FLOAT, to + j, a[row + j]);
            }
            for (; j < 4 * L; j++) {
                y.setAtIndex(NATIVE_FLOAT, to + j, 0f);
            }
        }
    }
}
