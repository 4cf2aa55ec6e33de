package dev.nn.core.check;

import dev.nn.core.loss.LossFunction;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.Kernels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Identities the kernels and losses must satisfy on random inputs, up to float rounding: transposes of products,
 * softmax rows summing to one and ignoring a constant shift, and a perfect prediction costing nothing. Bounds are
 * γ-style: (terms + 2)·u times the magnitudes involved, u = 2⁻²⁴.
 */
class AlgebraicPropertiesTest {

    static final double U = Math.ulp(1f) / 2;

    /** (A·B)ᵀ = Bᵀ·Aᵀ, computed through each of the three product kernels. */
    @Test
    void transposeOfAProductIsTheProductOfTransposes() {
        try (Tally tally = Tally.of("(A·B)ᵀ = Bᵀ·Aᵀ through the three products")) {
            Properties.qt().forAll(integers().between(1, 40), integers().between(1, 40), integers().between(1, 70),
                    longs().all()).checkAssert((m, n, k, seed) -> transposes(m, n, k, seed, tally));
        }
    }

    private static void transposes(int m, int n, int k, long seed, Tally tally) {
        tally.count();
        Rng rng = new Rng(seed);
        float[] a = random(rng, m * k), b = random(rng, k * n);
        float[] at = transpose(a, m, k), bt = transpose(b, k, n);
        float[] ab = new float[m * n];
        Kernels.matmul(a, 0, b, 0, ab, 0, m, n, k, 1f, 0f);
        float[] btat = new float[n * m];
        Kernels.matmul(bt, 0, at, 0, btat, 0, n, m, k, 1f, 0f);
        float[] viaTransA = new float[n * m];
        Kernels.matmulTransA(b, 0, at, 0, viaTransA, 0, n, m, k, 1f, 0f);
        float[] viaTransB = new float[n * m];
        Kernels.matmulTransB(bt, 0, a, 0, viaTransB, 0, n, m, k, 1f, 0f);
        double bound = 2 * (k + 2) * U * k; // |a|, |b| < 1: each Σ|aᵢbᵢ| < k
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float expected = ab[i * n + j];
                tally.assertWithin(Math.abs(expected - btat[j * m + i]), bound, "Bᵀ·Aᵀ at " + j + "," + i);
                tally.assertWithin(Math.abs(expected - viaTransA[j * m + i]), bound,
                        "matmulTransA at " + j + "," + i);
                tally.assertWithin(Math.abs(expected - viaTransB[j * m + i]), bound,
                        "matmulTransB at " + j + "," + i);
            }
        }
    }

    @Test
    void softmaxRowsSumToOneAndIgnoreAConstantShift() {
        try (Tally tally = Tally.of("softmax rows sum to 1, ignore a shift")) {
            Properties.qt().forAll(integers().between(1, 9), integers().between(1, 40), longs().all())
                    .checkAssert((rows, cols, seed) -> softmaxRows(rows, cols, seed, tally));
        }
    }

    private static void softmaxRows(int rows, int cols, long seed, Tally tally) {
        tally.count();
        Rng rng = new Rng(seed);
        float[] z = scaled(random(rng, rows * cols), 10);
        float[] shifted = z.clone();
        float[] shifts = random(rng, rows);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                shifted[r * cols + j] += shifts[r] * 20;
            }
        }
        float[] lse = new float[rows], lseShifted = new float[rows];
        Kernels.softmaxRows(z, 0, rows, cols, lse, 0);
        Kernels.softmaxRows(shifted, 0, rows, cols, lseShifted, 0);
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += z[r * cols + j];
                // adding a float shift rounds the logits by up to ulp(30)/2, which moves e^z by that much
                tally.assertWithin(Math.abs(z[r * cols + j] - shifted[r * cols + j]),
                        (cols + 8) * U + 4e-6 * z[r * cols + j], "row " + r + " col " + j);
            }
            tally.assertWithin(Math.abs(1 - sum), (cols + 8) * U, "row " + r + " sums to " + sum);
        }
    }

    @Test
    void aPerfectPredictionCostsNothing() {
        try (Tally tally = Tally.of("a perfect prediction costs nothing")) {
            Properties.qt().forAll(integers().between(2, 40), integers().between(0, 39), longs().all())
                    .checkAssert((classes, at, seed) -> perfect(classes, at, seed, tally));
        }
    }

    private static void perfect(int classes, int at, long seed, Tally tally) {
        tally.count();
        int label = at % classes;
        for (LossFunction id : LossFunction.values()) {
            Matrix logits = new Matrix(1, classes);
            float[] z = scaled(random(new Rng(seed), classes), 5);
            z[label] = 120; // the others are below 5: softmax gives the label e^-115 of doubt
            System.arraycopy(z, 0, logits.data(), 0, classes);
            float loss = id.create().evaluate(logits, new int[]{label});
            assertTrue(loss >= 0, id + " of a perfect prediction is " + loss);
            tally.assertWithin(loss, 1e-30, id + " of a perfect prediction");
            assertEquals(1f, logits.data()[label], "probability of the label");
        }
    }

    static float[] random(Rng rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return a;
    }

    static float[] scaled(float[] a, float s) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= s;
        }
        return a;
    }

    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }
}
