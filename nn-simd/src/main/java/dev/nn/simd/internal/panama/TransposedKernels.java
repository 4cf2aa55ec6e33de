package dev.nn.simd.internal.panama;

import jdk.incubator.vector.FloatVector;

import java.lang.foreign.MemorySegment;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;
import static dev.nn.simd.internal.panama.Vectors.NATIVE;
import static jdk.incubator.vector.FloatVector.fromMemorySegment;

/**
 * The micro-kernels of {@link TransposedProduct}: partial sums S += X·Y for one block of depth, continued from
 * where the previous block left them. Y is a packed panel in aligned native memory, k rows of four vectors
 * (Y(p, j) at float p·4L + j), so every index inside the loop is the loop counter times a constant and the JIT
 * checks bounds once. X's rows come four by four,
 * interleaved (X(r, p) at x[x0 + 4p + r]), so that a step's broadcasts read one 16-byte run. Each sum is one chain
 * of multiply-adds in order of p across the blocks: a sum stored as a float and loaded again goes on unchanged.
 */
final class TransposedKernels {

    /** Bytes per vector. */
    private static final int VECTOR_BYTES = L * Float.BYTES;

    private TransposedKernels() {
    }

    /** Four rows of S by four vectors of columns (S(r, ·) at s[s0 + r·lds]), k values of p. */
    static void rows4x4(float[] x, int x0, MemorySegment panel, float[] s, int s0, int lds, int k) {
        int r1 = s0 + lds, r2 = r1 + lds, r3 = r2 + lds;
        FloatVector s00 = FloatVector.fromArray(FLOATS, s, s0), s01 = FloatVector.fromArray(FLOATS, s, s0 + L),
                s02 = FloatVector.fromArray(FLOATS, s, s0 + 2 * L), s03 = FloatVector.fromArray(FLOATS, s, s0 + 3 * L),
                s10 = FloatVector.fromArray(FLOATS, s, r1), s11 = FloatVector.fromArray(FLOATS, s, r1 + L),
                s12 = FloatVector.fromArray(FLOATS, s, r1 + 2 * L), s13 = FloatVector.fromArray(FLOATS, s, r1 + 3 * L),
                s20 = FloatVector.fromArray(FLOATS, s, r2), s21 = FloatVector.fromArray(FLOATS, s, r2 + L),
                s22 = FloatVector.fromArray(FLOATS, s, r2 + 2 * L), s23 = FloatVector.fromArray(FLOATS, s, r2 + 3 * L),
                s30 = FloatVector.fromArray(FLOATS, s, r3), s31 = FloatVector.fromArray(FLOATS, s, r3 + L),
                s32 = FloatVector.fromArray(FLOATS, s, r3 + 2 * L), s33 = FloatVector.fromArray(FLOATS, s, r3 + 3 * L);
        for (int p = 0; p < k; p++) {
            long row = (long) p * (4 * VECTOR_BYTES);
            FloatVector y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            FloatVector y1 = fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE);
            FloatVector y2 = fromMemorySegment(FLOATS, panel, row + 2 * VECTOR_BYTES, NATIVE);
            FloatVector y3 = fromMemorySegment(FLOATS, panel, row + 3 * VECTOR_BYTES, NATIVE);
            FloatVector b0 = FloatVector.broadcast(FLOATS, x[x0 + 4 * p]);
            s00 = b0.fma(y0, s00);
            s01 = b0.fma(y1, s01);
            s02 = b0.fma(y2, s02);
            s03 = b0.fma(y3, s03);
            FloatVector b1 = FloatVector.broadcast(FLOATS, x[x0 + 4 * p + 1]);
            s10 = b1.fma(y0, s10);
            s11 = b1.fma(y1, s11);
            s12 = b1.fma(y2, s12);
            s13 = b1.fma(y3, s13);
            FloatVector b2 = FloatVector.broadcast(FLOATS, x[x0 + 4 * p + 2]);
            s20 = b2.fma(y0, s20);
            s21 = b2.fma(y1, s21);
            s22 = b2.fma(y2, s22);
            s23 = b2.fma(y3, s23);
            FloatVector b3 = FloatVector.broadcast(FLOATS, x[x0 + 4 * p + 3]);
            s30 = b3.fma(y0, s30);
            s31 = b3.fma(y1, s31);
            s32 = b3.fma(y2, s32);
            s33 = b3.fma(y3, s33);
        }
        s00.intoArray(s, s0);
        s01.intoArray(s, s0 + L);
        s02.intoArray(s, s0 + 2 * L);
        s03.intoArray(s, s0 + 3 * L);
        s10.intoArray(s, r1);
        s11.intoArray(s, r1 + L);
        s12.intoArray(s, r1 + 2 * L);
        s13.intoArray(s, r1 + 3 * L);
        s20.intoArray(s, r2);
        s21.intoArray(s, r2 + L);
        s22.intoArray(s, r2 + 2 * L);
        s23.intoArray(s, r2 + 3 * L);
        s30.intoArray(s, r3);
        s31.intoArray(s, r3 + L);
        s32.intoArray(s, r3 + 2 * L);
        s33.intoArray(s, r3 + 3 * L);
    }

    /**
     * {@link #rows4x4} reading Y where it is, four vectors of A's stored rows (Y(p, ·) at a[a0 + p·lda]), and
     * packing it into the panel as it goes, for the next rows of S: the copy rides on the multiply-adds instead of
     * taking a pass of its own. A loop of its own, not a branch in {@link #rows4x4}'s: with the branch, 256×100×1024
     * at 512 bits took 378 µs against 356.
     */
    static void rows4x4Packing(float[] x, int x0, float[] a, int a0, int lda, MemorySegment panel, float[] s,
                               int s0, int lds, int k) {
        int r1 = s0 + lds, r2 = r1 + lds, r3 = r2 + lds;
        FloatVector s00 = FloatVector.fromArray(FLOATS, s, s0), s01 = FloatVector.fromArray(FLOATS, s, s0 + L),
                s02 = FloatVector.fromArray(FLOATS, s, s0 + 2 * L), s03 = FloatVector.fromArray(FLOATS, s, s0 + 3 * L),
                s10 = FloatVector.fromArray(FLOATS, s, r1), s11 = FloatVector.fromArray(FLOATS, s, r1 + L),
                s12 = FloatVector.fromArray(FLOATS, s, r1 + 2 * L), s13 = FloatVector.fromArray(FLOATS, s, r1 + 3 * L),
                s20 = FloatVector.fromArray(FLOATS, s, r2), s21 = FloatVector.fromArray(FLOATS, s, r2 + L),
                s22 = FloatVector.fromArray(FLOATS, s, r2 + 2 * L), s23 = FloatVector.fromArray(FLOATS, s, r2 + 3 * L),
                s30 = FloatVector.fromArray(FLOATS, s, r3), s31 = FloatVector.fromArray(FLOATS, s, r3 + L),
                s32 = FloatVector.fromArray(FLOATS, s, r3 + 2 * L), s33 = FloatVector.fromArray(FLOATS, s, r3 + 3 * L);
        for (int p = 0; p < k; p++) {
            long row = (long) p * (4 * VECTOR_BYTES);
            int from = a0 + p * lda;
            FloatVector y0 = FloatVector.fromArray(FLOATS, a, from);
            FloatVector y1 = FloatVector.fromArray(FLOATS, a, from + L);
            FloatVector y2 = FloatVector.fromArray(FLOATS, a, from + 2 * L);
            FloatVector y3 = FloatVector.fromArray(FLOATS, a, from + 3 * L);
            y0.intoMemorySegment(panel, row, NATIVE);
            y1.intoMemorySegment(panel, row + VECTOR_BYTES, NATIVE);
            y2.intoMemorySegment(panel, row + 2 * VECTOR_BYTES, NATIVE);
            y3.intoMemorySegment(panel, row + 3 * VECTOR_BYTES, NATIVE);
            FloatVector b0 = FloatVector.broadcast(FLOATS, x[x0 + 4 * p]);
            s00 = b0.fma(y0, s00);
            s01 = b0.fma(y1, s01);
            s02 = b0.fma(y2, s02);
            s03 = b0.fma(y3, s03);
            FloatVector b1 = FloatVector.broadcast(FLOATS, x[x0 + 4 * p + 1]);
            s10 = b1.fma(y0, s10);
            s11 = b1.fma(y1, s11);
            s12 = b1.fma(y2, s12);
            s13 = b1.fma(y3, s13);
            FloatVector b2 = FloatVector.broadcast(FLOATS, x[x0 + 4 * p + 2]);
            s20 = b2.fma(y0, s20);
            s21 = b2.fma(y1, s21);
            s22 = b2.fma(y2, s22);
            s23 = b2.fma(y3, s23);
            FloatVector b3 = FloatVector.broadcast(FLOATS, x[x0 + 4 * p + 3]);
            s30 = b3.fma(y0, s30);
            s31 = b3.fma(y1, s31);
            s32 = b3.fma(y2, s32);
            s33 = b3.fma(y3, s33);
        }
        s00.intoArray(s, s0);
        s01.intoArray(s, s0 + L);
        s02.intoArray(s, s0 + 2 * L);
        s03.intoArray(s, s0 + 3 * L);
        s10.intoArray(s, r1);
        s11.intoArray(s, r1 + L);
        s12.intoArray(s, r1 + 2 * L);
        s13.intoArray(s, r1 + 3 * L);
        s20.intoArray(s, r2);
        s21.intoArray(s, r2 + L);
        s22.intoArray(s, r2 + 2 * L);
        s23.intoArray(s, r2 + 3 * L);
        s30.intoArray(s, r3);
        s31.intoArray(s, r3 + L);
        s32.intoArray(s, r3 + 2 * L);
        s33.intoArray(s, r3 + 3 * L);
    }

    /** Two rows of S by four vectors of columns: the rows of a C narrower than four columns past a multiple of four. */
    static void rows2x4(float[] x, int x0, MemorySegment panel, float[] s, int s0, int lds, int k) {
        int r1 = s0 + lds;
        FloatVector s00 = FloatVector.fromArray(FLOATS, s, s0), s01 = FloatVector.fromArray(FLOATS, s, s0 + L),
                s02 = FloatVector.fromArray(FLOATS, s, s0 + 2 * L), s03 = FloatVector.fromArray(FLOATS, s, s0 + 3 * L),
                s10 = FloatVector.fromArray(FLOATS, s, r1), s11 = FloatVector.fromArray(FLOATS, s, r1 + L),
                s12 = FloatVector.fromArray(FLOATS, s, r1 + 2 * L), s13 = FloatVector.fromArray(FLOATS, s, r1 + 3 * L);
        for (int p = 0; p < k; p++) {
            long row = (long) p * (4 * VECTOR_BYTES);
            FloatVector y0 = fromMemorySegment(FLOATS, panel, row, NATIVE);
            FloatVector y1 = fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE);
            FloatVector y2 = fromMemorySegment(FLOATS, panel, row + 2 * VECTOR_BYTES, NATIVE);
            FloatVector y3 = fromMemorySegment(FLOATS, panel, row + 3 * VECTOR_BYTES, NATIVE);
            FloatVector b0 = FloatVector.broadcast(FLOATS, x[x0 + 4 * p]);
            s00 = b0.fma(y0, s00);
            s01 = b0.fma(y1, s01);
            s02 = b0.fma(y2, s02);
            s03 = b0.fma(y3, s03);
            FloatVector b1 = FloatVector.broadcast(FLOATS, x[x0 + 4 * p + 1]);
            s10 = b1.fma(y0, s10);
            s11 = b1.fma(y1, s11);
            s12 = b1.fma(y2, s12);
            s13 = b1.fma(y3, s13);
        }
        s00.intoArray(s, s0);
        s01.intoArray(s, s0 + L);
        s02.intoArray(s, s0 + 2 * L);
        s03.intoArray(s, s0 + 3 * L);
        s10.intoArray(s, r1);
        s11.intoArray(s, r1 + L);
        s12.intoArray(s, r1 + 2 * L);
        s13.intoArray(s, r1 + 3 * L);
    }

    /** One row of S by four vectors of columns (four chains): the last row of a C of 4q + 1 or 4q + 3 columns. */
    static void row1x4(float[] x, int x0, MemorySegment panel, float[] s, int s0, int k) {
        FloatVector s0v = FloatVector.fromArray(FLOATS, s, s0), s1v = FloatVector.fromArray(FLOATS, s, s0 + L),
                s2v = FloatVector.fromArray(FLOATS, s, s0 + 2 * L), s3v = FloatVector.fromArray(FLOATS, s, s0 + 3 * L);
        for (int p = 0; p < k; p++) {
            long row = (long) p * (4 * VECTOR_BYTES);
            FloatVector b = FloatVector.broadcast(FLOATS, x[x0 + 4 * p]);
            s0v = b.fma(fromMemorySegment(FLOATS, panel, row, NATIVE), s0v);
            s1v = b.fma(fromMemorySegment(FLOATS, panel, row + VECTOR_BYTES, NATIVE), s1v);
            s2v = b.fma(fromMemorySegment(FLOATS, panel, row + 2 * VECTOR_BYTES, NATIVE), s2v);
            s3v = b.fma(fromMemorySegment(FLOATS, panel, row + 3 * VECTOR_BYTES, NATIVE), s3v);
        }
        s0v.intoArray(s, s0);
        s1v.intoArray(s, s0 + L);
        s2v.intoArray(s, s0 + 2 * L);
        s3v.intoArray(s, s0 + 3 * L);
    }
}
