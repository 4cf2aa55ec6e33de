package dev.nn.simd.internal.panama;

import jdk.incubator.vector.FloatVector;

import java.lang.foreign.MemorySegment;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;
import static dev.nn.simd.internal.panama.Vectors.NATIVE;
import static jdk.incubator.vector.FloatVector.fromMemorySegment;

/**
 * The broadcast micro-kernels on packed operands: A's rows contiguous (A(i, p) at a[a0 + i·lda + p]) and B a
 * packed panel in aligned native memory ({@link AlignedPanel}), k rows of exactly the kernel's width (B(p, j) at
 * float p·width + j). Every index is then the loop counter times a constant, which lets the JIT check the bounds
 * once before the loop instead of at every load: measured at 512 bits, a 256×1024×784 A·B runs about 20% faster
 * than on {@link BroadcastKernels}, whose strides are arguments and which serves the operands left where they are.
 * Each element of C is the same one chain of multiply-adds in order of p as there, so the two give the same bits.
 *
 * <p>The kernels that carry most products (four rows by four vectors, eight rows by one or two) take two values of
 * p a step, the second the same lines at p + 1, and an odd last p alone: C2 does not unroll these loops, and at
 * one p a step the address arithmetic and the loop's own instructions crowd the multiply-adds out (512 bits,
 * medians of alternated runs: 512×512×512 A·B in 1,760 µs against 2,040, 64×256×784 in 175 against 203,
 * 256×1024×784 Aᵀ·B in 2,900 against 3,440). Four values a step were slower than one.
 *
 * <p>A's rows are read where they are, lda apart: eight rows keep eight offsets live, and C2 reloads two values
 * from the stack every step of {@link #rows8x1} (its machine code, 512 bits). The same kernel on a copy of the
 * eight rows at a fixed stride (chunks of 256 p, every broadcast a base plus a constant) ran a 256×16×1024 panel
 * in 50 µs against 60, but copying A's chunks cost more than that saved (69 µs with the copies; 105 µs copying the
 * next chunk inside the loop), so A is not copied for A·B. Twelve or sixteen rows a step (more chains for the FMA
 * latency) are slower still, their offsets spilled: 256×16×1024 in 80 and 130 µs against 65 for eight rows.
 */
final class PackedKernels {

    /** Bytes per vector. */
    private static final int VECTOR_BYTES = L * Float.BYTES;

    private PackedKernels() {
    }

    /** Four rows of C by four vectors of columns (a panel 4·L wide): C += alpha·A·B. */
    static void rows4x4(float[] a, int a0, int lda, MemorySegment panel, float[] c, int c0, int ldc, int k,
                        float alpha) {
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
        FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00,
                s13 = s00, s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        int p = 0;
        for (int pairs = k & ~1; p < pairs; p += 2) {
            long row = (long) p * (4 * VECTOR_BYTES);
            FloatVector y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            FloatVector y1 = fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE);
            FloatVector y2 = fromMemorySegment(FLOATS, panel, row + 2 * VECTOR_BYTES, NATIVE);
            FloatVector y3 = fromMemorySegment(FLOATS, panel, row + 3 * VECTOR_BYTES, NATIVE);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + p]);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            s02 = x0.fma(y2, s02);
            s03 = x0.fma(y3, s03);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + p]);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            s12 = x1.fma(y2, s12);
            s13 = x1.fma(y3, s13);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + p]);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            s22 = x2.fma(y2, s22);
            s23 = x2.fma(y3, s23);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + p]);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            s32 = x3.fma(y2, s32);
            s33 = x3.fma(y3, s33);
            y0 = fromMemorySegment(FLOATS, panel, row + 4 * VECTOR_BYTES, NATIVE);
            y1 = fromMemorySegment(FLOATS, panel, row + 5 * VECTOR_BYTES, NATIVE);
            y2 = fromMemorySegment(FLOATS, panel, row + 6 * VECTOR_BYTES, NATIVE);
            y3 = fromMemorySegment(FLOATS, panel, row + 7 * VECTOR_BYTES, NATIVE);
            x0 = FloatVector.broadcast(FLOATS, a[a0 + p + 1]);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            s02 = x0.fma(y2, s02);
            s03 = x0.fma(y3, s03);
            x1 = FloatVector.broadcast(FLOATS, a[a1 + p + 1]);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            s12 = x1.fma(y2, s12);
            s13 = x1.fma(y3, s13);
            x2 = FloatVector.broadcast(FLOATS, a[a2 + p + 1]);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            s22 = x2.fma(y2, s22);
            s23 = x2.fma(y3, s23);
            x3 = FloatVector.broadcast(FLOATS, a[a3 + p + 1]);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            s32 = x3.fma(y2, s32);
            s33 = x3.fma(y3, s33);
        }
        for (; p < k; p++) {
            long row = (long) p * (4 * VECTOR_BYTES);
            FloatVector y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            FloatVector y1 = fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE);
            FloatVector y2 = fromMemorySegment(FLOATS, panel, row + 2 * VECTOR_BYTES, NATIVE);
            FloatVector y3 = fromMemorySegment(FLOATS, panel, row + 3 * VECTOR_BYTES, NATIVE);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + p]);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            s02 = x0.fma(y2, s02);
            s03 = x0.fma(y3, s03);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + p]);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            s12 = x1.fma(y2, s12);
            s13 = x1.fma(y3, s13);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + p]);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            s22 = x2.fma(y2, s22);
            s23 = x2.fma(y3, s23);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + p]);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            s32 = x3.fma(y2, s32);
            s33 = x3.fma(y3, s33);
        }
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
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

    /** Four rows of C by two vectors of columns (a panel 2·L wide): C += alpha·A·B. */
    static void rows4x2(float[] a, int a0, int lda, MemorySegment panel, float[] c, int c0, int ldc, int k,
                        float alpha) {
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
        FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00,
                s31 = s00;
        for (int p = 0; p < k; p++) {
            long row = (long) p * (2 * VECTOR_BYTES);
            FloatVector y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            FloatVector y1 = fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + p]);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + p]);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + p]);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + p]);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
        }
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        s00.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s01.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + L)).intoArray(c, c0 + L);
        s10.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1)).intoArray(c, c1);
        s11.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1 + L)).intoArray(c, c1 + L);
        s20.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2)).intoArray(c, c2);
        s21.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2 + L)).intoArray(c, c2 + L);
        s30.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3)).intoArray(c, c3);
        s31.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3 + L)).intoArray(c, c3 + L);
    }

    /** Four rows of C by one vector of columns (a panel L wide): C += alpha·A·B. */
    static void rows4x1(float[] a, int a0, int lda, MemorySegment panel, float[] c, int c0, int ldc, int k,
                        float alpha) {
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
        FloatVector s00 = FloatVector.zero(FLOATS), s10 = s00, s20 = s00, s30 = s00;
        for (int p = 0; p < k; p++) {
            long row = (long) p * VECTOR_BYTES;
            FloatVector y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + p]);
            s00 = x0.fma(y0, s00);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + p]);
            s10 = x1.fma(y0, s10);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + p]);
            s20 = x2.fma(y0, s20);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + p]);
            s30 = x3.fma(y0, s30);
        }
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        s00.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s10.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1)).intoArray(c, c1);
        s20.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2)).intoArray(c, c2);
        s30.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3)).intoArray(c, c3);
    }

    /** Eight rows of C by two vectors of columns (a panel 2·L wide): C += alpha·A·B. */
    static void rows8x2(float[] a, int a0, int lda, MemorySegment panel, float[] c, int c0, int ldc, int k,
                        float alpha) {
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda, a6 = a5 + lda, a7 = a6 + lda;
        FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00,
                s31 = s00, s40 = s00, s41 = s00, s50 = s00, s51 = s00, s60 = s00, s61 = s00, s70 = s00, s71 = s00;
        int p = 0;
        for (int pairs = k & ~1; p < pairs; p += 2) {
            long row = (long) p * (2 * VECTOR_BYTES);
            FloatVector y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            FloatVector y1 = fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + p]);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + p]);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + p]);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + p]);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            FloatVector x4 = FloatVector.broadcast(FLOATS, a[a4 + p]);
            s40 = x4.fma(y0, s40);
            s41 = x4.fma(y1, s41);
            FloatVector x5 = FloatVector.broadcast(FLOATS, a[a5 + p]);
            s50 = x5.fma(y0, s50);
            s51 = x5.fma(y1, s51);
            FloatVector x6 = FloatVector.broadcast(FLOATS, a[a6 + p]);
            s60 = x6.fma(y0, s60);
            s61 = x6.fma(y1, s61);
            FloatVector x7 = FloatVector.broadcast(FLOATS, a[a7 + p]);
            s70 = x7.fma(y0, s70);
            s71 = x7.fma(y1, s71);
            row = (long) (p + 1) * (2 * VECTOR_BYTES);
            y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            y1 = fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE);
            x0 = FloatVector.broadcast(FLOATS, a[a0 + p + 1]);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            x1 = FloatVector.broadcast(FLOATS, a[a1 + p + 1]);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            x2 = FloatVector.broadcast(FLOATS, a[a2 + p + 1]);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            x3 = FloatVector.broadcast(FLOATS, a[a3 + p + 1]);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            x4 = FloatVector.broadcast(FLOATS, a[a4 + p + 1]);
            s40 = x4.fma(y0, s40);
            s41 = x4.fma(y1, s41);
            x5 = FloatVector.broadcast(FLOATS, a[a5 + p + 1]);
            s50 = x5.fma(y0, s50);
            s51 = x5.fma(y1, s51);
            x6 = FloatVector.broadcast(FLOATS, a[a6 + p + 1]);
            s60 = x6.fma(y0, s60);
            s61 = x6.fma(y1, s61);
            x7 = FloatVector.broadcast(FLOATS, a[a7 + p + 1]);
            s70 = x7.fma(y0, s70);
            s71 = x7.fma(y1, s71);
        }
        for (; p < k; p++) {
            long row = (long) p * (2 * VECTOR_BYTES);
            FloatVector y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            FloatVector y1 = fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + p]);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + p]);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + p]);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + p]);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            FloatVector x4 = FloatVector.broadcast(FLOATS, a[a4 + p]);
            s40 = x4.fma(y0, s40);
            s41 = x4.fma(y1, s41);
            FloatVector x5 = FloatVector.broadcast(FLOATS, a[a5 + p]);
            s50 = x5.fma(y0, s50);
            s51 = x5.fma(y1, s51);
            FloatVector x6 = FloatVector.broadcast(FLOATS, a[a6 + p]);
            s60 = x6.fma(y0, s60);
            s61 = x6.fma(y1, s61);
            FloatVector x7 = FloatVector.broadcast(FLOATS, a[a7 + p]);
            s70 = x7.fma(y0, s70);
            s71 = x7.fma(y1, s71);
        }
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
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
     * Eight rows of C by one vector of columns (a panel L wide): C += alpha·A·B; eight chains hide the FMA latency
     * that four cannot.
     */
    static void rows8x1(float[] a, int a0, int lda, MemorySegment panel, float[] c, int c0, int ldc, int k,
                        float alpha) {
        int a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda, a6 = a5 + lda, a7 = a6 + lda;
        FloatVector s00 = FloatVector.zero(FLOATS), s10 = s00, s20 = s00, s30 = s00, s40 = s00, s50 = s00, s60 = s00,
                s70 = s00;
        int p = 0;
        for (int pairs = k & ~1; p < pairs; p += 2) {
            long row = (long) p * VECTOR_BYTES;
            FloatVector y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            FloatVector y1 = fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE);
            s00 = FloatVector.broadcast(FLOATS, a[a0 + p]).fma(y0, s00);
            s10 = FloatVector.broadcast(FLOATS, a[a1 + p]).fma(y0, s10);
            s20 = FloatVector.broadcast(FLOATS, a[a2 + p]).fma(y0, s20);
            s30 = FloatVector.broadcast(FLOATS, a[a3 + p]).fma(y0, s30);
            s40 = FloatVector.broadcast(FLOATS, a[a4 + p]).fma(y0, s40);
            s50 = FloatVector.broadcast(FLOATS, a[a5 + p]).fma(y0, s50);
            s60 = FloatVector.broadcast(FLOATS, a[a6 + p]).fma(y0, s60);
            s70 = FloatVector.broadcast(FLOATS, a[a7 + p]).fma(y0, s70);
            s00 = FloatVector.broadcast(FLOATS, a[a0 + p + 1]).fma(y1, s00);
            s10 = FloatVector.broadcast(FLOATS, a[a1 + p + 1]).fma(y1, s10);
            s20 = FloatVector.broadcast(FLOATS, a[a2 + p + 1]).fma(y1, s20);
            s30 = FloatVector.broadcast(FLOATS, a[a3 + p + 1]).fma(y1, s30);
            s40 = FloatVector.broadcast(FLOATS, a[a4 + p + 1]).fma(y1, s40);
            s50 = FloatVector.broadcast(FLOATS, a[a5 + p + 1]).fma(y1, s50);
            s60 = FloatVector.broadcast(FLOATS, a[a6 + p + 1]).fma(y1, s60);
            s70 = FloatVector.broadcast(FLOATS, a[a7 + p + 1]).fma(y1, s70);
        }
        for (; p < k; p++) {
            long row = (long) p * VECTOR_BYTES;
            FloatVector y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + p]);
            s00 = x0.fma(y0, s00);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + p]);
            s10 = x1.fma(y0, s10);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + p]);
            s20 = x2.fma(y0, s20);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + p]);
            s30 = x3.fma(y0, s30);
            FloatVector x4 = FloatVector.broadcast(FLOATS, a[a4 + p]);
            s40 = x4.fma(y0, s40);
            FloatVector x5 = FloatVector.broadcast(FLOATS, a[a5 + p]);
            s50 = x5.fma(y0, s50);
            FloatVector x6 = FloatVector.broadcast(FLOATS, a[a6 + p]);
            s60 = x6.fma(y0, s60);
            FloatVector x7 = FloatVector.broadcast(FLOATS, a[a7 + p]);
            s70 = x7.fma(y0, s70);
        }
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
        s00.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s10.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1)).intoArray(c, c1);
        s20.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2)).intoArray(c, c2);
        s30.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3)).intoArray(c, c3);
        s40.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c4)).intoArray(c, c4);
        s50.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c5)).intoArray(c, c5);
        s60.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c6)).intoArray(c, c6);
        s70.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c7)).intoArray(c, c7);
    }

    /**
     * One row of C by a panel four vectors wide: C += alpha·A·B, four independent chains (one would wait on each
     * FMA's latency); a row left over below a multiple of four.
     */
    static void row1x4(float[] a, int a0, MemorySegment panel, float[] c, int c0, int k, float alpha) {
        FloatVector s0 = FloatVector.zero(FLOATS), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < k; p++) {
            long row = (long) p * (4 * VECTOR_BYTES);
            FloatVector x = FloatVector.broadcast(FLOATS, a[a0 + p]);
            s0 = x.fma(fromMemorySegment(FLOATS, panel, row, NATIVE), s0);
            s1 = x.fma(fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE), s1);
            s2 = x.fma(fromMemorySegment(FLOATS, panel, row + 2 * VECTOR_BYTES, NATIVE), s2);
            s3 = x.fma(fromMemorySegment(FLOATS, panel, row + 3 * VECTOR_BYTES, NATIVE), s3);
        }
        s0.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s1.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + L)).intoArray(c, c0 + L);
        s2.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + 2 * L)).intoArray(c, c0 + 2 * L);
        s3.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + 3 * L)).intoArray(c, c0 + 3 * L);
    }

    /**
     * One row of C by a panel {@code width} wide (one or two vectors): C += alpha·A·B, a vector at a time; a row
     * left over below a multiple of four.
     */
    static void row(float[] a, int a0, MemorySegment panel, int width, float[] c, int c0, int k, float alpha) {
        for (int v = 0; v < width; v += L) {
            FloatVector s = FloatVector.zero(FLOATS);
            for (int p = 0; p < k; p++) {
                long at = ((long) p * width + v) * Float.BYTES;
                FloatVector y = fromMemorySegment(FLOATS, panel, at, NATIVE);
                s = FloatVector.broadcast(FLOATS, a[a0 + p]).fma(y, s);
            }
            s.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + v)).intoArray(c, c0 + v);
        }
    }
}
