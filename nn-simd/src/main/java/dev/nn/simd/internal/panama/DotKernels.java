package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.scalar.ScalarReductions;
import jdk.incubator.vector.FloatVector;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;
import static dev.nn.simd.internal.panama.Vectors.SWAP_EIGHTHS;
import static dev.nn.simd.internal.panama.Vectors.SWAP_HALVES;
import static dev.nn.simd.internal.panama.Vectors.SWAP_QUARTERS;
import static dev.nn.simd.internal.panama.Vectors.SWAP_SIXTEENTHS;
import static dev.nn.simd.internal.panama.Vectors.fma;
import static dev.nn.simd.internal.panama.Vectors.sumLanes;

/**
 * Dot products: one ({@link #dot}, the public kernel and the leftovers of A·Bᵀ), and the micro-kernels of A·Bᵀ,
 * elements of C as dot products of rows of A (lda apart) and rows of B (ldb apart), several at once so that loads
 * are shared, each a vector accumulator summed across lanes in index order, then a scalar tail.
 */
final class DotKernels {

    /** The scalar twin, for dot products shorter than a vector. */
    private static final ScalarReductions TAILS = new ScalarReductions(Vectors.FUSED);

    private DotKernels() {
    }

    /**
     * Four accumulators while four vectors remain, then one; its lanes are then summed pairwise in registers
     * (lane i with lane i + L/2, and so on down to one lane), a fixed order, so the result is the same compiled or
     * interpreted. Shorter than a vector: the scalar twin. Four chains, as Lucene has: eight were slower, at
     * n = 784 by the longer sum of the accumulators and at 65,536, where L2 sets the pace, by 5% (512 bits, arrays
     * placed alike: 37.0 ns against 40.0 and 4,548 against 4,769). The loops run while {@code i < bound} on a
     * multiple of L (not {@code i <= n - 4L}): measured ~10% faster at n = 784 on JDK 25, the same elements in the
     * same order; their index is a's, b's is that plus a fixed shift (5–15% faster than both offset from a count
     * from 0).
     */
    static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        if (n < L) {
            return TAILS.dot(a, aOff, b, bOff, n);
        }
        FloatVector acc = FloatVector.zero(FLOATS);
        int shift = bOff - aOff;
        int i = aOff;
        int limit = aOff + FLOATS.loopBound(n);
        if (n >= 4 * L) {
            FloatVector acc2 = acc, acc3 = acc, acc4 = acc;
            for (int bound = limit - 3 * L; i < bound; i += 4 * L) {
                acc = FloatVector.fromArray(FLOATS, a, i).fma(FloatVector.fromArray(FLOATS, b, i + shift), acc);
                acc2 = FloatVector.fromArray(FLOATS, a, i + L)
                        .fma(FloatVector.fromArray(FLOATS, b, i + shift + L), acc2);
                acc3 = FloatVector.fromArray(FLOATS, a, i + 2 * L)
                        .fma(FloatVector.fromArray(FLOATS, b, i + shift + 2 * L), acc3);
                acc4 = FloatVector.fromArray(FLOATS, a, i + 3 * L)
                        .fma(FloatVector.fromArray(FLOATS, b, i + shift + 3 * L), acc4);
            }
            acc = acc.add(acc2).add(acc3.add(acc4));
        }
        for (; i < limit; i += L) {
            FloatVector a1 = FloatVector.fromArray(FLOATS, a, i);
            FloatVector b1 = FloatVector.fromArray(FLOATS, b, i + shift);
            acc = a1.fma(b1, acc);
        }
        FloatVector s = acc.add(acc.rearrange(SWAP_HALVES));
        s = s.add(s.rearrange(SWAP_QUARTERS));
        if (L >= 8) {
            s = s.add(s.rearrange(SWAP_EIGHTHS));
        }
        if (L >= 16) {
            s = s.add(s.rearrange(SWAP_SIXTEENTHS));
        }
        float sum = s.lane(0);
        for (int end = aOff + n; i < end; i++) {
            sum = Vectors.fma(a[i], b[i + shift], sum);
        }
        return sum;
    }

    /** c[off] = alpha·acc + beta·c[off]; with beta 0, c[off] is not read. */
    static void store(float acc, float[] c, int off, float alpha, float beta) {
        c[off] = beta == 0 ? alpha * acc : fma(beta, c[off], alpha * acc);
    }

    /** Sixteen dot products at once: rows i..i+3 of A against rows j..j+3 of B, eight loads per sixteen FMAs. */
    static void dots4x4(float[] a, int a0, int lda, float[] b, int b0, int ldb, int k,
                                float[] c, int c0, int ldc, float alpha, float beta, float[] lanes) {
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
        float t00 = 0, t01 = 0, t02 = 0, t03 = 0, t10 = 0, t11 = 0, t12 = 0, t13 = 0,
                t20 = 0, t21 = 0, t22 = 0, t23 = 0, t30 = 0, t31 = 0, t32 = 0, t33 = 0;
        int p = 0;
        if (k >= L) {
            FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00,
                    s12 = s00, s13 = s00, s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00,
                    s32 = s00, s33 = s00;
            for (int bound = FLOATS.loopBound(k); p < bound; p += L) {
                FloatVector y0 = FloatVector.fromArray(FLOATS, b, b0 + p);
                FloatVector y1 = FloatVector.fromArray(FLOATS, b, b1 + p);
                FloatVector y2 = FloatVector.fromArray(FLOATS, b, b2 + p);
                FloatVector y3 = FloatVector.fromArray(FLOATS, b, b3 + p);
                FloatVector x0 = FloatVector.fromArray(FLOATS, a, a0 + p);
                s00 = x0.fma(y0, s00);
                s01 = x0.fma(y1, s01);
                s02 = x0.fma(y2, s02);
                s03 = x0.fma(y3, s03);
                FloatVector x1 = FloatVector.fromArray(FLOATS, a, a1 + p);
                s10 = x1.fma(y0, s10);
                s11 = x1.fma(y1, s11);
                s12 = x1.fma(y2, s12);
                s13 = x1.fma(y3, s13);
                FloatVector x2 = FloatVector.fromArray(FLOATS, a, a2 + p);
                s20 = x2.fma(y0, s20);
                s21 = x2.fma(y1, s21);
                s22 = x2.fma(y2, s22);
                s23 = x2.fma(y3, s23);
                FloatVector x3 = FloatVector.fromArray(FLOATS, a, a3 + p);
                s30 = x3.fma(y0, s30);
                s31 = x3.fma(y1, s31);
                s32 = x3.fma(y2, s32);
                s33 = x3.fma(y3, s33);
            }
            s00.intoArray(lanes, 0);
            s01.intoArray(lanes, L);
            s02.intoArray(lanes, 2 * L);
            s03.intoArray(lanes, 3 * L);
            s10.intoArray(lanes, 4 * L);
            s11.intoArray(lanes, 5 * L);
            s12.intoArray(lanes, 6 * L);
            s13.intoArray(lanes, 7 * L);
            s20.intoArray(lanes, 8 * L);
            s21.intoArray(lanes, 9 * L);
            s22.intoArray(lanes, 10 * L);
            s23.intoArray(lanes, 11 * L);
            s30.intoArray(lanes, 12 * L);
            s31.intoArray(lanes, 13 * L);
            s32.intoArray(lanes, 14 * L);
            s33.intoArray(lanes, 15 * L);
            t00 = sumLanes(lanes, 0);
            t01 = sumLanes(lanes, L);
            t02 = sumLanes(lanes, 2 * L);
            t03 = sumLanes(lanes, 3 * L);
            t10 = sumLanes(lanes, 4 * L);
            t11 = sumLanes(lanes, 5 * L);
            t12 = sumLanes(lanes, 6 * L);
            t13 = sumLanes(lanes, 7 * L);
            t20 = sumLanes(lanes, 8 * L);
            t21 = sumLanes(lanes, 9 * L);
            t22 = sumLanes(lanes, 10 * L);
            t23 = sumLanes(lanes, 11 * L);
            t30 = sumLanes(lanes, 12 * L);
            t31 = sumLanes(lanes, 13 * L);
            t32 = sumLanes(lanes, 14 * L);
            t33 = sumLanes(lanes, 15 * L);
        }
        for (; p < k; p++) {
            float y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
            float x0 = a[a0 + p];
            t00 = fma(x0, y0, t00);
            t01 = fma(x0, y1, t01);
            t02 = fma(x0, y2, t02);
            t03 = fma(x0, y3, t03);
            float x1 = a[a1 + p];
            t10 = fma(x1, y0, t10);
            t11 = fma(x1, y1, t11);
            t12 = fma(x1, y2, t12);
            t13 = fma(x1, y3, t13);
            float x2 = a[a2 + p];
            t20 = fma(x2, y0, t20);
            t21 = fma(x2, y1, t21);
            t22 = fma(x2, y2, t22);
            t23 = fma(x2, y3, t23);
            float x3 = a[a3 + p];
            t30 = fma(x3, y0, t30);
            t31 = fma(x3, y1, t31);
            t32 = fma(x3, y2, t32);
            t33 = fma(x3, y3, t33);
        }
        int r0 = c0, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        store(t00, c, r0, alpha, beta);
        store(t01, c, r0 + 1, alpha, beta);
        store(t02, c, r0 + 2, alpha, beta);
        store(t03, c, r0 + 3, alpha, beta);
        store(t10, c, r1, alpha, beta);
        store(t11, c, r1 + 1, alpha, beta);
        store(t12, c, r1 + 2, alpha, beta);
        store(t13, c, r1 + 3, alpha, beta);
        store(t20, c, r2, alpha, beta);
        store(t21, c, r2 + 1, alpha, beta);
        store(t22, c, r2 + 2, alpha, beta);
        store(t23, c, r2 + 3, alpha, beta);
        store(t30, c, r3, alpha, beta);
        store(t31, c, r3 + 1, alpha, beta);
        store(t32, c, r3 + 2, alpha, beta);
        store(t33, c, r3 + 3, alpha, beta);
    }

    /** Eight dot products at once: rows i..i+3 of A against rows j and j+1 of B, six loads per eight FMAs. */
    static void dots4x2(float[] a, int a0, int lda, float[] b, int b0, int ldb, int k,
                                float[] c, int c0, int ldc, float alpha, float beta, float[] lanes) {
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, b1 = b0 + ldb;
        float t00 = 0, t01 = 0, t10 = 0, t11 = 0, t20 = 0, t21 = 0, t30 = 0, t31 = 0;
        int p = 0;
        if (k >= L) {
            FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s10 = s00, s11 = s00,
                    s20 = s00, s21 = s00, s30 = s00, s31 = s00;
            for (int bound = FLOATS.loopBound(k); p < bound; p += L) {
                FloatVector y0 = FloatVector.fromArray(FLOATS, b, b0 + p);
                FloatVector y1 = FloatVector.fromArray(FLOATS, b, b1 + p);
                FloatVector x0 = FloatVector.fromArray(FLOATS, a, a0 + p);
                s00 = x0.fma(y0, s00);
                s01 = x0.fma(y1, s01);
                FloatVector x1 = FloatVector.fromArray(FLOATS, a, a1 + p);
                s10 = x1.fma(y0, s10);
                s11 = x1.fma(y1, s11);
                FloatVector x2 = FloatVector.fromArray(FLOATS, a, a2 + p);
                s20 = x2.fma(y0, s20);
                s21 = x2.fma(y1, s21);
                FloatVector x3 = FloatVector.fromArray(FLOATS, a, a3 + p);
                s30 = x3.fma(y0, s30);
                s31 = x3.fma(y1, s31);
            }
            s00.intoArray(lanes, 0);
            s01.intoArray(lanes, L);
            s10.intoArray(lanes, 2 * L);
            s11.intoArray(lanes, 3 * L);
            s20.intoArray(lanes, 4 * L);
            s21.intoArray(lanes, 5 * L);
            s30.intoArray(lanes, 6 * L);
            s31.intoArray(lanes, 7 * L);
            t00 = sumLanes(lanes, 0);
            t01 = sumLanes(lanes, L);
            t10 = sumLanes(lanes, 2 * L);
            t11 = sumLanes(lanes, 3 * L);
            t20 = sumLanes(lanes, 4 * L);
            t21 = sumLanes(lanes, 5 * L);
            t30 = sumLanes(lanes, 6 * L);
            t31 = sumLanes(lanes, 7 * L);
        }
        for (; p < k; p++) {
            float y0 = b[b0 + p], y1 = b[b1 + p];
            t00 = fma(a[a0 + p], y0, t00);
            t01 = fma(a[a0 + p], y1, t01);
            t10 = fma(a[a1 + p], y0, t10);
            t11 = fma(a[a1 + p], y1, t11);
            t20 = fma(a[a2 + p], y0, t20);
            t21 = fma(a[a2 + p], y1, t21);
            t30 = fma(a[a3 + p], y0, t30);
            t31 = fma(a[a3 + p], y1, t31);
        }
        store(t00, c, c0, alpha, beta);
        store(t01, c, c0 + 1, alpha, beta);
        store(t10, c, c0 + ldc, alpha, beta);
        store(t11, c, c0 + ldc + 1, alpha, beta);
        store(t20, c, c0 + 2 * ldc, alpha, beta);
        store(t21, c, c0 + 2 * ldc + 1, alpha, beta);
        store(t30, c, c0 + 3 * ldc, alpha, beta);
        store(t31, c, c0 + 3 * ldc + 1, alpha, beta);
    }

    /** Four dot products at once: rows i..i+3 of A against row j of B, five loads per four FMAs. */
    static void dots4x1(float[] a, int a0, int lda, float[] b, int b0, int k,
                        float[] c, int c0, int ldc, float alpha, float beta, float[] lanes) {
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
        float t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        int p = 0;
        if (k >= L) {
            FloatVector s0 = FloatVector.zero(FLOATS), s1 = s0, s2 = s0, s3 = s0;
            for (int bound = FLOATS.loopBound(k); p < bound; p += L) {
                FloatVector y = FloatVector.fromArray(FLOATS, b, b0 + p);
                s0 = FloatVector.fromArray(FLOATS, a, a0 + p).fma(y, s0);
                s1 = FloatVector.fromArray(FLOATS, a, a1 + p).fma(y, s1);
                s2 = FloatVector.fromArray(FLOATS, a, a2 + p).fma(y, s2);
                s3 = FloatVector.fromArray(FLOATS, a, a3 + p).fma(y, s3);
            }
            s0.intoArray(lanes, 0);
            s1.intoArray(lanes, L);
            s2.intoArray(lanes, 2 * L);
            s3.intoArray(lanes, 3 * L);
            t0 = sumLanes(lanes, 0);
            t1 = sumLanes(lanes, L);
            t2 = sumLanes(lanes, 2 * L);
            t3 = sumLanes(lanes, 3 * L);
        }
        for (; p < k; p++) {
            float y = b[b0 + p];
            t0 = fma(a[a0 + p], y, t0);
            t1 = fma(a[a1 + p], y, t1);
            t2 = fma(a[a2 + p], y, t2);
            t3 = fma(a[a3 + p], y, t3);
        }
        store(t0, c, c0, alpha, beta);
        store(t1, c, c0 + ldc, alpha, beta);
        store(t2, c, c0 + 2 * ldc, alpha, beta);
        store(t3, c, c0 + 3 * ldc, alpha, beta);
    }
}
