package dev.nn.simd;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade: argument checks with clear messages, and small worked examples through whichever implementation runs. */
class KernelsTest {

    @Test
    void rejectsRangesOutsideTheArray() {
        float[] a = new float[4];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Kernels.dot(a, 2, a, 0, 3));
        assertEquals("a: offset 2 and length 3 do not fit an array of 4", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Kernels.scale(1, a, -1, 1));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Kernels.matmul(a, 0, a, 0, a, 0, 2, 2, 3, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Kernels.matmul(a, 0, a, 0, a, 0, -1, 2, 2, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Kernels.softmax(a, 0, 0));
        float[] big = new float[20];
        IllegalArgumentException ld = assertThrows(IllegalArgumentException.class,
                () -> Kernels.matmul(big, 0, 2, big, 8, 2, big, 14, 2, 2, 2, 3, 1, 0));
        assertEquals("lda must be at least the 3 columns of a (and at least 1), got lda=2", ld.getMessage());
        IllegalArgumentException alias = assertThrows(IllegalArgumentException.class,
                () -> Kernels.matmul(big, 0, big, 4, big, 3, 2, 2, 2, 1, 0));
        assertEquals("c overlaps a: the output of a product must not share elements with its inputs",
                alias.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Kernels.matmulTransB(big, 0, big, 4, big, 5, 2, 2, 2, 1, 0));
        Kernels.matmul(big, 0, big, 4, big, 8, 2, 2, 2, 1, 0); // disjoint parts of one array are fine
        byte[] pixels = new byte[6];
        assertThrows(IndexOutOfBoundsException.class,
                () -> Kernels.unsignedByteRowsToFloats(pixels, 2, new int[]{0, 3}, 0, 2, a, 0, 1f));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Kernels.unsignedByteRowsToFloats(pixels, 2, new int[]{0, 1, 2}, 0, 3, a, 0, 1f));
    }

    @Test
    void smallWorkedExamples() {
        float[] a = {1, 2, 3, 4, 5, 6};   // 2×3
        float[] b = {1, 0, 0, 1, 1, 1};   // 3×2
        float[] c = new float[4];
        Kernels.matmul(a, 0, b, 0, c, 0, 2, 2, 3, 1, 0);
        assertArrayEquals(new float[]{4, 5, 10, 11}, c);
        float[] bt = {1, 0, 1, 0, 1, 1};  // the same B stored transposed, 2×3
        Kernels.matmulTransB(a, 0, bt, 0, c, 0, 2, 2, 3, 2, 0);
        assertArrayEquals(new float[]{8, 10, 20, 22}, c);
        float[] at = {1, 4, 2, 5, 3, 6};  // A stored transposed, 3×2
        Kernels.matmulTransA(at, 0, b, 0, c, 0, 2, 2, 3, 1, -0.5f);
        assertArrayEquals(new float[]{0, 0, 0, 0}, c);
        assertEquals(32f, Kernels.dot(a, 0, a, 3, 3));
        assertEquals(2, Kernels.argmax(new float[]{1, 3, 7, 7}, 0, 4));
        float[] x = {1, 2, 3};
        float lse = Kernels.softmax(x, 0, 3);
        assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), lse, 1e-6);
        assertEquals(1f, x[0] + x[1] + x[2], 1e-6f);
        assertTrue(x[2] > x[1] && x[1] > x[0]);

        float[] z = new float[4];
        Kernels.matmulTransB(null, a, 0, 3, bt, 0, 3, z, 0, 2, 2, 2, 3, 1, 0,
                (m, off, ld, rows, cols, firstCol) -> m[off] = -firstCol - 1);
        assertArrayEquals(new float[]{-1, 5, 10, 11}, z, "the block op runs after the product");
        float[] twice = at.clone();
        Kernels.matmulTransA(null, twice, 0, 2, b, 0, 2, z, 0, 2, 2, 2, 3, 1, 0, (m, off, ld, rows, cols, firstCol) -> {
            for (int r = 0; r < rows; r++) {
                Kernels.scale(2, m, off + r * ld, cols);
            }
        });
        assertArrayEquals(new float[]{8, 10, 20, 22}, z, "the block op runs before the product");
        float[] wide = {1, 2, 3, 9, 4, 5, 6, 9};   // A as the 2×3 block of a 2×4 matrix
        float[] strided = {7, 7, 7, 7, 7, 7};      // C as the 2×2 block of a 2×3 matrix
        Kernels.matmul(wide, 0, 4, b, 0, 2, strided, 1, 3, 2, 2, 3, 1, 0);
        assertArrayEquals(new float[]{7, 4, 5, 7, 10, 11}, strided, "leading dimensions pick the blocks");
        byte[] pixels = {0, 1, 2, 3, (byte) 255, 5};
        float[] rows = new float[4];
        Kernels.unsignedByteRowsToFloats(pixels, 2, new int[]{9, 2, 0}, 1, 2, rows, 0, 0.5f);
        assertArrayEquals(new float[]{127.5f, 2.5f, 0, 0.5f}, rows);
    }

    @Test
    void blasConventionsForAlphaAndBetaZero() {
        float[] nan = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        float[] ones = {1, 1, 1, 1};
        Kernels.matmul(ones, 0, ones, 0, c, 0, 2, 2, 2, 1, 0);
        assertArrayEquals(new float[]{2, 2, 2, 2}, c, "beta 0: the NaN in C is not read");
        Kernels.matmulTransB(nan, 0, nan, 0, c, 0, 2, 2, 2, 0, 0.5f);
        assertArrayEquals(new float[]{1, 1, 1, 1}, c, "alpha 0: A and B are not read");
        assertEquals(1, Kernels.argmax(new float[]{1, Float.NaN, 3}, 0, 3));
        assertTrue(Float.isNaN(Kernels.max(new float[]{1, Float.NaN, 3}, 0, 3)));
    }

    @Test
    void infoDescribesTheChoice() {
        SimdInfo info = Kernels.info();
        assertTrue(info.describe().startsWith(info.implementation()));
    }
}
