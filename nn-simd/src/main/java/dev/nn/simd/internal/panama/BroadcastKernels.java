package dev.nn.simd.internal.panama;

import jdk.incubator.vector.FloatVector;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;

/**
 * The broadcast micro-kernels of A·B and Aᵀ·B: a block of C held in vector accumulators while p runs over k,
 * each step loading a slice of a row of B and broadcasting elements of A, then C += alpha·block. A(i, p) is
 * a[a0 + i·rowStride + p·colStride] and B(p, j) is b[b0 + p·ldb + j]; rows of C are {@code n} apart. Every element
 * of C is one chain of multiply-adds in order of p, whichever kernel computes it.
 */
final class BroadcastKernels {

    private BroadcastKernels() {
    }

    /**
     * Four rows of C by four vectors of columns, starting at b[b0] and c[c0]: C += alpha·A·B. Sixteen
     * accumulators; each step loads four vectors of a row of B and broadcasts four values of A, so a load feeds
     * two FMAs.
     */
    static void rows4x4(float[] a, int a0, int rowStride, int colStride, float[] b, int b0, int ldb,
                                float[] c, int c0, int n, int k, float alpha) {
        int a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
        FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00,
                s12 = s00, s13 = s00, s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00,
                s32 = s00, s33 = s00;
        for (int p = 0; p < k; p++) {
            int row = b0 + p * ldb, col = p * colStride;
            FloatVector y0 = FloatVector.fromArray(FLOATS, b, row);
            FloatVector y1 = FloatVector.fromArray(FLOATS, b, row + L);
            FloatVector y2 = FloatVector.fromArray(FLOATS, b, row + 2 * L);
            FloatVector y3 = FloatVector.fromArray(FLOATS, b, row + 3 * L);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + col]);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            s02 = x0.fma(y2, s02);
            s03 = x0.fma(y3, s03);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + col]);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            s12 = x1.fma(y2, s12);
            s13 = x1.fma(y3, s13);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + col]);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            s22 = x2.fma(y2, s22);
            s23 = x2.fma(y3, s23);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + col]);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            s32 = x3.fma(y2, s32);
            s33 = x3.fma(y3, s33);
        }
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        s00.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s01.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + L)).intoArray(c, c0 + L);
        s02.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + 2 * L)).intoArray(c, c0 + 2 * L);
        s03.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + 3 * L)).intoArray(c, c0 + 3 * L);
        s10.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1)).intoArray(c, c1);
        s11.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1 + L)).intoArray(c, c1 + L);
        s12.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1 + 2 * L)).intoArray(c, c1 + 2 * L);
        s13.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1 + 3 * L)).intoArray(c, c1 + 3 * L);
        s20.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2)).intoArray(c, c2);
        s21.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2 + L)).intoArray(c, c2 + L);
        s22.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2 + 2 * L)).intoArray(c, c2 + 2 * L);
        s23.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2 + 3 * L)).intoArray(c, c2 + 3 * L);
        s30.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3)).intoArray(c, c3);
        s31.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3 + L)).intoArray(c, c3 + L);
        s32.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3 + 2 * L)).intoArray(c, c3 + 2 * L);
        s33.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3 + 3 * L)).intoArray(c, c3 + 3 * L);
    }

    /** Four rows of C by two vectors of columns, starting at b[b0] and c[c0]: C += alpha·A·B. */
    static void rows4x2(float[] a, int a0, int rowStride, int colStride, float[] b, int b0, int ldb,
                                float[] c, int c0, int n, int k, float alpha) {
        int a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
        FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s10 = s00, s11 = s00,
                s20 = s00, s21 = s00, s30 = s00, s31 = s00;
        for (int p = 0; p < k; p++) {
            int row = b0 + p * ldb, col = p * colStride;
            FloatVector y0 = FloatVector.fromArray(FLOATS, b, row);
            FloatVector y1 = FloatVector.fromArray(FLOATS, b, row + L);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + col]);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + col]);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + col]);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + col]);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
        }
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        s00.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s01.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + L)).intoArray(c, c0 + L);
        s10.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1)).intoArray(c, c1);
        s11.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1 + L)).intoArray(c, c1 + L);
        s20.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2)).intoArray(c, c2);
        s21.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2 + L)).intoArray(c, c2 + L);
        s30.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3)).intoArray(c, c3);
        s31.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3 + L)).intoArray(c, c3 + L);
    }

    /** Four rows of C by one vector of columns: C += alpha·A·B. */
    static void rows4x1(float[] a, int a0, int rowStride, int colStride, float[] b, int b0, int ldb,
                                float[] c, int c0, int n, int k, float alpha) {
        int a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
        FloatVector s0 = FloatVector.zero(FLOATS), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector y = FloatVector.fromArray(FLOATS, b, b0 + p * ldb);
            int col = p * colStride;
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + col]);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + col]);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + col]);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + col]);
            s0 = x0.fma(y, s0);
            s1 = x1.fma(y, s1);
            s2 = x2.fma(y, s2);
            s3 = x3.fma(y, s3);
        }
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        s0.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s1.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1)).intoArray(c, c1);
        s2.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2)).intoArray(c, c2);
        s3.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3)).intoArray(c, c3);
    }

    /**
     * Eight rows of C by one vector of columns: C += alpha·A·B, rows i..i+3 from a0 and i+4..i+7 from a4 (each
     * four rowStride apart). Eight accumulators hide the FMA's latency, which four cannot where a panel is one
     * vector wide.
     */
    static void rows8x1(float[] a, int a0, int a4, int rowStride, int colStride, float[] b, int b0, int ldb,
                        float[] c, int c0, int n, int k, float alpha) {
        int a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
        int a5 = a4 + rowStride, a6 = a5 + rowStride, a7 = a6 + rowStride;
        FloatVector s0 = FloatVector.zero(FLOATS), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector y = FloatVector.fromArray(FLOATS, b, b0 + p * ldb);
            int col = p * colStride;
            s0 = FloatVector.broadcast(FLOATS, a[a0 + col]).fma(y, s0);
            s1 = FloatVector.broadcast(FLOATS, a[a1 + col]).fma(y, s1);
            s2 = FloatVector.broadcast(FLOATS, a[a2 + col]).fma(y, s2);
            s3 = FloatVector.broadcast(FLOATS, a[a3 + col]).fma(y, s3);
            s4 = FloatVector.broadcast(FLOATS, a[a4 + col]).fma(y, s4);
            s5 = FloatVector.broadcast(FLOATS, a[a5 + col]).fma(y, s5);
            s6 = FloatVector.broadcast(FLOATS, a[a6 + col]).fma(y, s6);
            s7 = FloatVector.broadcast(FLOATS, a[a7 + col]).fma(y, s7);
        }
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n, c4 = c3 + n, c5 = c4 + n, c6 = c5 + n, c7 = c6 + n;
        s0.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s1.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1)).intoArray(c, c1);
        s2.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2)).intoArray(c, c2);
        s3.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3)).intoArray(c, c3);
        s4.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c4)).intoArray(c, c4);
        s5.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c5)).intoArray(c, c5);
        s6.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c6)).intoArray(c, c6);
        s7.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c7)).intoArray(c, c7);
    }

    /**
     * Eight rows of C by two vectors of columns: C += alpha·A·B, rows i..i+3 from a0 and i+4..i+7 from a4. Sixteen
     * accumulators, as in {@link #rows4x4}, where a panel is two vectors wide.
     */
    static void rows8x2(float[] a, int a0, int a4, int rowStride, int colStride, float[] b, int b0, int ldb,
                        float[] c, int c0, int n, int k, float alpha) {
        int a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
        int a5 = a4 + rowStride, a6 = a5 + rowStride, a7 = a6 + rowStride;
        FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00,
                s30 = s00, s31 = s00, s40 = s00, s41 = s00, s50 = s00, s51 = s00, s60 = s00, s61 = s00,
                s70 = s00, s71 = s00;
        for (int p = 0; p < k; p++) {
            int row = b0 + p * ldb, col = p * colStride;
            FloatVector y0 = FloatVector.fromArray(FLOATS, b, row);
            FloatVector y1 = FloatVector.fromArray(FLOATS, b, row + L);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + col]);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + col]);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + col]);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + col]);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            FloatVector x4 = FloatVector.broadcast(FLOATS, a[a4 + col]);
            s40 = x4.fma(y0, s40);
            s41 = x4.fma(y1, s41);
            FloatVector x5 = FloatVector.broadcast(FLOATS, a[a5 + col]);
            s50 = x5.fma(y0, s50);
            s51 = x5.fma(y1, s51);
            FloatVector x6 = FloatVector.broadcast(FLOATS, a[a6 + col]);
            s60 = x6.fma(y0, s60);
            s61 = x6.fma(y1, s61);
            FloatVector x7 = FloatVector.broadcast(FLOATS, a[a7 + col]);
            s70 = x7.fma(y0, s70);
            s71 = x7.fma(y1, s71);
        }
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n, c4 = c3 + n, c5 = c4 + n, c6 = c5 + n, c7 = c6 + n;
        s00.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s01.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + L)).intoArray(c, c0 + L);
        s10.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1)).intoArray(c, c1);
        s11.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1 + L)).intoArray(c, c1 + L);
        s20.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2)).intoArray(c, c2);
        s21.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2 + L)).intoArray(c, c2 + L);
        s30.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3)).intoArray(c, c3);
        s31.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3 + L)).intoArray(c, c3 + L);
        s40.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c4)).intoArray(c, c4);
        s41.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c4 + L)).intoArray(c, c4 + L);
        s50.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c5)).intoArray(c, c5);
        s51.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c5 + L)).intoArray(c, c5 + L);
        s60.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c6)).intoArray(c, c6);
        s61.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c6 + L)).intoArray(c, c6 + L);
        s70.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c7)).intoArray(c, c7);
        s71.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c7 + L)).intoArray(c, c7 + L);
    }

    /**
     * One row of C by four vectors of columns: C += alpha·A·B; four independent chains, where one row by one
     * vector waits on each FMA's latency.
     */
    static void rows1x4(float[] a, int a0, int colStride, float[] b, int b0, int ldb,
                        float[] c, int c0, int k, float alpha) {
        FloatVector s0 = FloatVector.zero(FLOATS), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector x = FloatVector.broadcast(FLOATS, a[a0 + p * colStride]);
            int row = b0 + p * ldb;
            s0 = x.fma(FloatVector.fromArray(FLOATS, b, row), s0);
            s1 = x.fma(FloatVector.fromArray(FLOATS, b, row + L), s1);
            s2 = x.fma(FloatVector.fromArray(FLOATS, b, row + 2 * L), s2);
            s3 = x.fma(FloatVector.fromArray(FLOATS, b, row + 3 * L), s3);
        }
        s0.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s1.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + L)).intoArray(c, c0 + L);
        s2.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + 2 * L)).intoArray(c, c0 + 2 * L);
        s3.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + 3 * L)).intoArray(c, c0 + 3 * L);
    }

    /** One row of C by one vector of columns: C += alpha·A·B. */
    static void rows1x1(float[] a, int a0, int colStride, float[] b, int b0, int ldb,
                                float[] c, int c0, int k, float alpha) {
        FloatVector s = FloatVector.zero(FLOATS);
        for (int p = 0; p < k; p++) {
            FloatVector x = FloatVector.broadcast(FLOATS, a[a0 + p * colStride]);
            FloatVector y = FloatVector.fromArray(FLOATS, b, b0 + p * ldb);
            s = x.fma(y, s);
        }
        s.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
    }

}
