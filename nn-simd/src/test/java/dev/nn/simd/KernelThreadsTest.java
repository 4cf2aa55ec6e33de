package dev.nn.simd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kernels split over a {@link KernelThreads} team give the bits of the same kernels on one thread, block ops see
 * each element once, and teams can be shared and closed while kernels run on them without a hang or a wrong
 * result; with whichever implementation this JVM runs.
 */
class KernelThreadsTest {

    private static final int[][] SHAPES = {{37, 129, 600}, {256, 1024, 16}, {9, 300, 800}, {64, 64, 600},
            {1030, 17, 130}, {600, 200, 100}, {520, 64, 64}, {300, 10, 1024}, {256, 100, 1024}};

    @Test
    void anyThreadCountGivesTheSameBits() {
        Random random = new Random(3);
        for (int threads : new int[]{2, 3, 4}) {
            try (KernelThreads team = KernelThreads.of(threads)) {
                for (int[] s : SHAPES) {
                    int m = s[0], n = s[1], k = s[2];
                    float[] a = random(random, m * k + 3), b = random(random, k * n + 2), c = random(random, m * n + 1);
                    for (int op = 0; op < 3; op++) {
                        float[] expected = c.clone(), actual = c.clone();
                        product(null, op, a, b, expected, m, n, k, null);
                        product(team, op, a, b, actual, m, n, k, null);
                        assertArrayEquals(expected, actual, "op " + op + " " + m + "×" + n + "×" + k + " on " + threads);
                    }
                }
            }
        }
    }

    @Test
    void blockOpsSeeEveryElementOnceAndGiveTheSameBits() {
        Random random = new Random(4);
        try (KernelThreads team = KernelThreads.of(3)) {
            for (int[] s : SHAPES) {
                int m = s[0], n = s[1], k = s[2];
                float[] a = random(random, m * k + 3), b = random(random, k * n + 2), c = random(random, m * n + 1);
                for (int op = 1; op < 3; op++) {
                    int rows = op == 1 ? k : m, cols = op == 1 ? m : n;
                    int[] visits = new int[rows * cols];
                    BlockOp count = (x, off, ld, r, cl, firstCol) -> {
                        for (int i = 0; i < r; i++) {
                            for (int j = 0; j < cl; j++) {
                                int at = off - 1 + i * ld + j; // both operands sit at offset 1
                                synchronized (visits) {
                                    visits[at]++;
                                }
                                x[off + i * ld + j] *= 0.5f;
                            }
                        }
                    };
                    float[] expectedA = a.clone(), expectedC = c.clone(), actualA = a.clone(), actualC = c.clone();
                    product(null, op, expectedA, b, expectedC, m, n, k, count);
                    java.util.Arrays.fill(visits, 0);
                    product(team, op, actualA, b, actualC, m, n, k, count);
                    for (int i = 0; i < visits.length; i++) {
                        assertEquals(1, visits[i], "op " + op + " " + m + "×" + n + "×" + k + " element " + i);
                    }
                    assertArrayEquals(expectedA, actualA);
                    assertArrayEquals(expectedC, actualC);
                }
            }
        }
    }

    @Test
    void splitUpdatesConversionsAndGathersGiveTheSameBits() {
        Random random = new Random(5);
        int n = (1 << 17) + 77;
        float[] g = random(random, n + 5), m = random(random, n + 5), v = random(random, n + 5);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i]);
        }
        float[] w1 = random(random, n + 5), w2 = w1.clone(), m1 = m.clone(), m2 = m.clone(), v1 = v.clone(),
                v2 = v.clone();
        byte[] bytes = new byte[n + 9];
        random.nextBytes(bytes);
        float[] f1 = new float[n + 4], f2 = new float[n + 4];
        int[] rows = new int[300];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextInt(bytes.length / 784);
        }
        float[] r1 = new float[rows.length * 784], r2 = new float[rows.length * 784];
        try (KernelThreads team = KernelThreads.of(3)) {
            Kernels.adam(w1, 5, g, 3, m1, 1, v1, 2, n, 0.9f, 0.999f, 0.01f, 1.2f, 1e-8f);
            Kernels.adam(team, w2, 5, g, 3, m2, 1, v2, 2, n, 0.9f, 0.999f, 0.01f, 1.2f, 1e-8f);
            Kernels.unsignedBytesToFloats(bytes, 9, f1, 4, n, 1 / 255f);
            Kernels.unsignedBytesToFloats(team, bytes, 9, f2, 4, n, 1 / 255f);
            Kernels.unsignedByteRowsToFloats(bytes, 784, rows, 0, rows.length, r1, 0, 1 / 255f);
            Kernels.unsignedByteRowsToFloats(team, bytes, 784, rows, 0, rows.length, r2, 0, 1 / 255f);
        }
        assertArrayEquals(w1, w2);
        assertArrayEquals(m1, m2);
        assertArrayEquals(v1, v2);
        assertArrayEquals(f1, f2);
        assertArrayEquals(r1, r2);
    }

    /**
     * Four threads run large products on shared teams while another replaces and closes the teams in a loop: every
     * product finishes with the one-thread bits, and nothing hangs (the timeout fails the test if it does).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sharedTeamsReconfiguredInALoopNeverHangOrCorrupt() throws Exception {
        Random random = new Random(6);
        int m = 200, n = 300, k = 256;
        float[] a = random(random, m * k + 3), b = random(random, k * n + 2), c = random(random, m * n + 1);
        float[][] expected = new float[3][];
        for (int op = 0; op < 3; op++) {
            expected[op] = c.clone();
            product(null, op, a, b, expected[op], m, n, k, null);
        }
        KernelThreads[] current = {KernelThreads.of(3)};
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int op0 = t % 3;
                results.add(callers.submit(() -> {
                    int runs = 0;
                    for (int i = 0; i < 150; i++) {
                        int op = (op0 + i) % 3;
                        float[] out = c.clone();
                        product(current[0], op, a, b, out, m, n, k, null);
                        assertArrayEquals(expected[op], out, "op " + op + " run " + i);
                        runs++;
                    }
                    return runs;
                }));
            }
            Future<?> reconfigure = callers.submit(() -> {
                int count = 2;
                while (!done.get()) {
                    KernelThreads old = current[0];
                    current[0] = KernelThreads.of(count);
                    old.close();
                    count = count % 4 + 1;
                    Thread.onSpinWait();
                }
                return null;
            });
            for (Future<Integer> result : results) {
                assertEquals(150, result.get());
            }
            done.set(true);
            reconfigure.get();
        } finally {
            done.set(true);
            callers.shutdownNow();
            current[0].close();
        }
    }

    @Test
    void aClosedTeamStillComputesOnTheCaller() {
        Random random = new Random(8);
        int m = 128, n = 256, k = 128;
        float[] a = random(random, m * k + 3), b = random(random, k * n + 2), expected = new float[m * n + 1];
        float[] actual = expected.clone();
        KernelThreads team = KernelThreads.of(2);
        team.close();
        product(null, 0, a, b, expected, m, n, k, null);
        product(team, 0, a, b, actual, m, n, k, null);
        assertArrayEquals(expected, actual);
        assertTrue(team.toString().contains("closed"));
    }

    @Test
    void aTeamNeedsOneToAThousandAndTwentyFourThreads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelThreads.of(0));
        assertEquals("threads must be from 1 to 1024, got 0", e.getMessage());
        try (KernelThreads one = KernelThreads.of(1)) {
            assertEquals(1, one.count());
        }
    }

    /** op 0: A·B; 1: Aᵀ·B with a block op on A; 2: A·Bᵀ with a block op on C. All operands at offset 1. */
    private static void product(KernelThreads team, int op, float[] a, float[] b, float[] c, int m, int n, int k,
                                BlockOp blockOp) {
        switch (op) {
            case 0 -> Kernels.matmul(team, a, 1, k, b, 1, n, c, 1, n, m, n, k, 0.75f, 0.5f);
            case 1 -> Kernels.matmulTransA(team, a, 1, m, b, 1, n, c, 1, n, m, n, k, 0.75f, 0.5f, blockOp);
            default -> Kernels.matmulTransB(team, a, 1, k, b, 1, k, c, 1, n, m, n, k, 0.75f, 0.5f, blockOp);
        }
    }

    private static float[] random(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat() - 0.5f;
        }
        return x;
    }
}
