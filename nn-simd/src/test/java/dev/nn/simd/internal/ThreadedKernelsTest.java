package dev.nn.simd.internal;

import dev.nn.simd.BlockOp;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Products, Adam updates, byte conversions and gathers split over threads give the same bits as on one thread,
 * and block ops see each element once, for every shape of product, row counts that are not multiples of four or
 * of the thread count, lengths that are not multiples of the split, offsets, alpha and beta; with whichever
 * implementation this JVM runs.
 */
class ThreadedKernelsTest {

    @Test
    void anyThreadCountGivesTheSameBits() {
        KernelSupport inner = KernelProvider.isVectorModulePresent() ? KernelProvider.newPanama()
                : KernelProvider.newScalar();
        ThreadedKernels one = new ThreadedKernels(inner);
        Random random = new Random(3);
        int[][] shapes = {{37, 129, 600}, {256, 1024, 16}, {9, 300, 800}, {64, 64, 600}, {1030, 17, 130}, {600, 200, 100},
                {520, 64, 64}};
        for (int threads : new int[]{2, 3, 4}) {
            ThreadedKernels many = new ThreadedKernels(inner);
            many.setThreads(threads);
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                assertTrue((long) m * n * k >= ThreadedKernels.MIN_WORK, "the shape must be large enough to split");
                float[] a = random(random, m * k + 3), b = random(random, k * n + 2), c = random(random, m * n + 1);
                for (int op = 0; op < 3; op++) {
                    float[] expected = c.clone(), actual = c.clone();
                    run(one, op, a, b, expected, m, n, k);
                    run(many, op, a, b, actual, m, n, k);
                    assertArrayEquals(expected, actual, "op " + op + " " + m + "×" + n + "×" + k + " on " + threads);
                }
            }
            many.setThreads(1);
        }
    }

    @Test
    void splitUpdatesAndConversionsGiveTheSameBits() {
        KernelSupport inner = KernelProvider.isVectorModulePresent() ? KernelProvider.newPanama()
                : KernelProvider.newScalar();
        ThreadedKernels one = new ThreadedKernels(inner);
        ThreadedKernels many = new ThreadedKernels(inner);
        many.setThreads(3);
        Random random = new Random(5);
        int n = ThreadedKernels.MIN_UPDATE + 77;
        float[] g = random(random, n + 5), m = random(random, n + 5), v = random(random, n + 5);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i]);
        }
        float[] w1 = random(random, n + 5), w2 = w1.clone(), m1 = m.clone(), m2 = m.clone(), v1 = v.clone(),
                v2 = v.clone();
        one.adam(w1, g, m1, v1, 5, n, 0.9f, 0.999f, 0.01f, 1.2f, 1e-8f);
        many.adam(w2, g, m2, v2, 5, n, 0.9f, 0.999f, 0.01f, 1.2f, 1e-8f);
        assertArrayEquals(w1, w2, "adam w");
        assertArrayEquals(m1, m2, "adam m");
        assertArrayEquals(v1, v2, "adam v");

        int bytes = ThreadedKernels.MIN_CONVERSION + 13;
        byte[] src = new byte[bytes + 7];
        random.nextBytes(src);
        float[] expected = new float[bytes + 3], actual = new float[bytes + 3];
        one.unsignedBytesToFloats(src, 7, expected, 3, bytes, 1f / 255);
        many.unsignedBytesToFloats(src, 7, actual, 3, bytes, 1f / 255);
        assertArrayEquals(expected, actual, "conversion");
        assertTrue(actual[3 + bytes - 1] == (src[7 + bytes - 1] & 0xFF) / 255f, "the last element is converted");
        many.setThreads(1);
    }

    @Test
    void blockOpsSeeEveryElementOnceAndGiveTheSameBits() {
        KernelSupport inner = KernelProvider.isVectorModulePresent() ? KernelProvider.newPanama()
                : KernelProvider.newScalar();
        ThreadedKernels one = new ThreadedKernels(inner);
        Random random = new Random(7);
        int[][] shapes = {{37, 129, 600}, {9, 300, 800}, {600, 200, 100}, {520, 64, 64}, {5, 7, 3}};
        for (int threads : new int[]{1, 2, 3, 4}) {
            ThreadedKernels many = new ThreadedKernels(inner);
            many.setThreads(threads);
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                String shape = m + "×" + n + "×" + k + " on " + threads;
                float[] a = random(random, m * k + 3), b = random(random, k * n + 2), c = random(random, m * n + 1);

                float[] expected = c.clone();
                one.matmulTransB(a, 3, b, 2, expected, 1, m, n, k, 1f, 0f);
                for (int i = 0; i < m * n; i++) {
                    expected[1 + i] = expected[1 + i] * 2 + i % n;
                }
                for (int repeat = 0; repeat < 5; repeat++) { // which thread takes which columns may vary
                    float[] actual = c.clone();
                    int[] visits = new int[actual.length];
                    many.matmulTransB(a, 3, b, 2, actual, 1, m, n, k, 1f, 0f, doubleAndAddColumn(visits));
                    assertArrayEquals(expected, actual, "finish, " + shape);
                    assertEachVisitedOnce(visits, 1, m * n, "finish, " + shape);
                }

                float[] prepared = a.clone();
                for (int i = 0; i < k * m; i++) {
                    prepared[3 + i] = prepared[3 + i] * 2 + i % m;
                }
                expected = c.clone();
                float[] actual = c.clone();
                one.matmulTransA(prepared, 3, b, 2, expected, 1, m, n, k, 1f, 0f);
                float[] aCopy = a.clone();
                int[] visits = new int[aCopy.length];
                many.matmulTransA(aCopy, 3, b, 2, actual, 1, m, n, k, 1f, 0f, doubleAndAddColumn(visits));
                assertArrayEquals(expected, actual, "prepare, " + shape);
                assertArrayEquals(prepared, aCopy, "prepare changes A as it says, " + shape);
                assertEachVisitedOnce(visits, 3, k * m, "prepare, " + shape);
            }
            many.setThreads(1);
        }
    }

    @Test
    void gatheredRowsAreTheirConversionsAtAnyThreadCount() {
        KernelSupport inner = KernelProvider.isVectorModulePresent() ? KernelProvider.newPanama()
                : KernelProvider.newScalar();
        Random random = new Random(9);
        int length = 785, count = 300;
        byte[] src = new byte[length * count];
        random.nextBytes(src);
        int n = ThreadedKernels.MIN_GATHER / length + 5;
        int[] rows = new int[n + 5];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextInt(count);
        }
        float[] expected = new float[3 + n * length];
        for (int r = 0; r < n; r++) {
            inner.unsignedBytesToFloats(src, rows[5 + r] * length, expected, 3 + r * length, length, 1f / 255);
        }
        for (int threads : new int[]{1, 2, 3}) {
            ThreadedKernels kernels = new ThreadedKernels(inner);
            kernels.setThreads(threads);
            float[] actual = new float[expected.length];
            kernels.unsignedByteRowsToFloats(src, length, rows, 5, n, actual, 3, 1f / 255);
            assertArrayEquals(expected, actual, "gather on " + threads);
            kernels.setThreads(1);
        }
    }

    /** An op that doubles each element and adds its column, counting each element's visits. */
    private static BlockOp doubleAndAddColumn(int[] visits) {
        return (x, off, ld, rows, cols, firstCol) -> {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < cols; j++) {
                    int at = off + r * ld + j;
                    x[at] = x[at] * 2 + (firstCol + j);
                    visits[at]++;
                }
            }
        };
    }

    private static void assertEachVisitedOnce(int[] visits, int off, int n, String what) {
        for (int i = 0; i < visits.length; i++) {
            int expected = i >= off && i < off + n ? 1 : 0;
            if (visits[i] != expected) {
                throw new AssertionError(what + ": element " + i + " visited " + visits[i] + " times");
            }
        }
    }

    private static void run(KernelSupport kernels, int op, float[] a, float[] b, float[] c, int m, int n, int k) {
        switch (op) {
            case 0 -> kernels.matmul(a, 3, b, 2, c, 1, m, n, k, 0.5f, 0.25f);
            case 1 -> kernels.matmulTransA(a, 3, b, 2, c, 1, m, n, k, 1f, 0f);
            default -> kernels.matmulTransB(a, 3, b, 2, c, 1, m, n, k, -1f, 1f);
        }
    }

    private static float[] random(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }
}
