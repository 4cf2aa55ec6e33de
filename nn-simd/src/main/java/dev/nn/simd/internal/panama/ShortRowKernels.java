package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Scratch;
import jdk.incubator.vector.FloatVector;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;

/**
 * A·Bᵀ for rows shorter than two vectors (the 16-wide layers of small networks), where a dot product would spend
 * more on its lane sum than on its multiply-adds: Bᵀ is copied into a per-thread scratch, its rows padded with
 * zeros to whole vectors, and C is built like A·B, four rows by one vector of columns at a time, each element
 * accumulated in order of p. Sums go straight to C when alpha is 1, beta 0 and the vector is whole (the forward
 * pass), otherwise through {@link DotKernels#store}.
 */
final class ShortRowKernels {

    /** Per-thread room for the copy of Bᵀ and one vector of sums. */
    private static final ThreadLocal<Scratch> TRANSPOSED = ThreadLocal.withInitial(Scratch::new);

    private ShortRowKernels() {
    }

    static void product(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                        int m, int n, int k, float alpha, float beta) {
        int width = (n + L - 1) / L * L;
        float[] bt = TRANSPOSED.get().atLeast(k * width + L);
        Panels.transpose(b, bOff, ldb, n, k, width, bt);
        int part = k * width;
        boolean plain = alpha == 1 && beta == 0;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOff + i * lda, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
            for (int j = 0; j < width; j += L) {
                FloatVector s0 = FloatVector.zero(FLOATS), s1 = s0, s2 = s0, s3 = s0;
                for (int p = 0; p < k; p++) {
                    FloatVector y = FloatVector.fromArray(FLOATS, bt, p * width + j);
                    FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + p]);
                    FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + p]);
                    FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + p]);
                    FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + p]);
                    s0 = x0.fma(y, s0);
                    s1 = x1.fma(y, s1);
                    s2 = x2.fma(y, s2);
                    s3 = x3.fma(y, s3);
                }
                int cols = Math.min(L, n - j), c0 = cOff + i * ldc + j;
                if (cols == L && plain) {
                    s0.intoArray(c, c0);
                    s1.intoArray(c, c0 + ldc);
                    s2.intoArray(c, c0 + 2 * ldc);
                    s3.intoArray(c, c0 + 3 * ldc);
                } else {
                    s0.intoArray(bt, part);
                    storePart(bt, part, cols, c, c0, alpha, beta);
                    s1.intoArray(bt, part);
                    storePart(bt, part, cols, c, c0 + ldc, alpha, beta);
                    s2.intoArray(bt, part);
                    storePart(bt, part, cols, c, c0 + 2 * ldc, alpha, beta);
                    s3.intoArray(bt, part);
                    storePart(bt, part, cols, c, c0 + 3 * ldc, alpha, beta);
                }
            }
        }
        for (; i < m; i++) {
            int a0 = aOff + i * lda;
            for (int j = 0; j < width; j += L) {
                FloatVector s = FloatVector.zero(FLOATS);
                for (int p = 0; p < k; p++) {
                    FloatVector x = FloatVector.broadcast(FLOATS, a[a0 + p]);
                    FloatVector y = FloatVector.fromArray(FLOATS, bt, p * width + j);
                    s = x.fma(y, s);
                }
                int cols = Math.min(L, n - j), c0 = cOff + i * ldc + j;
                if (cols == L && plain) {
                    s.intoArray(c, c0);
                } else {
                    s.intoArray(bt, part);
                    storePart(bt, part, cols, c, c0, alpha, beta);
                }
            }
        }
    }

    /** The first {@code cols} sums in part[from..] stored into c[c0..] by {@link DotKernels#store}. */
    private static void storePart(float[] part, int from, int cols, float[] c, int c0, float alpha, float beta) {
        for (int j = 0; j < cols; j++) {
            DotKernels.store(part[from + j], c, c0 + j, alpha, beta);
        }
    }
}
