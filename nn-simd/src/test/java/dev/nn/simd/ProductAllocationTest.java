package dev.nn.simd;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Once compiled, the products allocate nothing, whichever way they are built: shapes chosen to take every
 * method (small, packed, transposed Aᵀ·B with a leftover column, a narrow A·Bᵀ from a copy of Bᵀ, dot products).
 * A training step runs them all, so an allocation here is garbage on every step.
 */
class ProductAllocationTest {

    /** m, n, k of each product, run as A·B, Aᵀ·B and A·Bᵀ. */
    private static final int[][] SHAPES = {{7, 5, 3}, {256, 30, 128}, {128, 256, 30}, {256, 256, 128}, {64, 8, 100}};

    @Test
    void productsAllocateNothingAfterWarmUp() {
        int size = 256 * 256;
        Random random = new Random(7);
        float[] a = randoms(random, size), b = randoms(random, size), c = new float[size];
        for (int i = 0; i < 2_000; i++) { // warm-up: let the JIT compile every path
            runAll(a, b, c);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long allocated = Long.MAX_VALUE;
        // Until the JIT has compiled a path its vectors are objects; on a slow machine that takes a while, so
        // measure rounds until one allocates nothing (or give up after 50 rounds).
        for (int round = 0; round < 50 && allocated > 0; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100; i++) {
                runAll(a, b, c);
            }
            allocated = threads.getThreadAllocatedBytes(id) - before;
        }
        assertEquals(0, allocated, "bytes allocated by 100 rounds of the products after warm-up");
    }

    private static void runAll(float[] a, float[] b, float[] c) {
        for (int[] shape : SHAPES) {
            int m = shape[0], n = shape[1], k = shape[2];
            Kernels.matmul(a, 0, b, 0, c, 0, m, n, k, 1f, 0f);
            Kernels.matmulTransA(a, 0, b, 0, c, 0, m, n, k, 1f, 0.5f);
            Kernels.matmulTransB(a, 0, b, 0, c, 0, m, n, k, 0.5f, 1f);
        }
    }

    private static float[] randoms(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat() - 0.5f;
        }
        return x;
    }
}
