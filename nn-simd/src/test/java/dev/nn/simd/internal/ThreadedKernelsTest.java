package dev.nn.simd.internal;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Products, Adam updates and byte conversions split over threads give the same bits as on one thread, for every
 * shape of product, row counts that are not multiples of four or of the thread count, lengths that are not
 * multiples of the split, offsets, alpha and beta; with whichever implementation this JVM runs.
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
