package dev.nn.simd.internal;

import dev.nn.simd.internal.scalar.ScalarExp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every Panama kernel against its scalar twin and a double-precision reference, on the lengths where vector
 * loops and tails meet (0–17, 31–33, 63–65, 127–129, 784, 1021), at non-zero offsets, for ordinary, zero,
 * huge and sign-alternating inputs. Sums are held to {@link Tolerance}'s bound; element-wise kernels must agree
 * bit for bit. Values outside the range a kernel is given are NaN, so a kernel that strays is caught.
 */
class PanamaVsScalarTest {

    static final int[] LENGTHS = IntStream.concat(IntStream.rangeClosed(0, 17),
            IntStream.of(31, 32, 33, 63, 64, 65, 127, 128, 129, 784, 1021)).toArray();
    static final int[] OFFSETS = {0, 1, 3};

    static Twin panama;
    static Twin scalar;

    @BeforeAll
    static void implementations() {
        assumeTrue(KernelProvider.isVectorModulePresent(), "the Vector API module is not in this JVM");
        panama = Twin.panama();
        scalar = Twin.scalar();
    }

    interface Case {
        void run(Fills fill, int n, int offset, Random random);
    }

    static void forAll(Case c) {
        Random random = new Random(42);
        for (Fills fill : Fills.values()) {
            for (int n : LENGTHS) {
                for (int offset : OFFSETS) {
                    try {
                        c.run(fill, n, offset, random);
                    } catch (AssertionError e) {
                        throw new AssertionError(fill + " n=" + n + " offset=" + offset + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    @Test
    void dot() {
        forAll((fill, n, off, random) -> {
            float[] a = fill.array(random, off, n);
            float[] b = Fills.UNIFORM.array(random, off + 1, n);
            double exact = 0, magnitude = 0;
            for (int i = 0; i < n; i++) {
                exact += (double) a[off + i] * b[off + 1 + i];
                magnitude += Math.abs((double) a[off + i] * b[off + 1 + i]);
            }
            double bound = Tolerance.sum(n, magnitude);
            assertClose(exact, panama.dot(a, off, b, off + 1, n), bound, "panama");
            assertClose(exact, scalar.dot(a, off, b, off + 1, n), bound, "scalar");
        });
    }

    @Test
    void sum() {
        forAll((fill, n, off, random) -> {
            float[] a = fill.array(random, off, n);
            double exact = 0, magnitude = 0;
            for (int i = 0; i < n; i++) {
                exact += a[off + i];
                magnitude += Math.abs(a[off + i]);
            }
            double bound = Tolerance.sum(n, magnitude);
            assertClose(exact, panama.sum(a, off, n), bound, "panama");
            assertClose(exact, scalar.sum(a, off, n), bound, "scalar");
        });
    }

    @Test
    void maxAndArgmax() {
        forAll((fill, n, off, random) -> {
            float[] a = fill.array(random, off, n);
            assertEquals(scalar.max(a, off, n), panama.max(a, off, n));
            assertEquals(scalar.argmax(a, off, n), panama.argmax(a, off, n));
            if (n > 0) {
                int at = random.nextInt(n);
                a[off + at] = 1e30f; // a unique maximum anywhere, tails included
                assertEquals(at, panama.argmax(a, off, n));
                assertEquals(at, scalar.argmax(a, off, n));
            }
        });
    }

    @Test
    void elementwiseKernelsAgreeBitForBit() {
        forAll((fill, n, off, random) -> {
            float[] x = fill.array(random, off, n);
            float[] y = Fills.UNIFORM.array(random, off, n);
            float alpha = random.nextFloat() * 4 - 2;
            same(y, off, n, (k, t) -> k.axpy(alpha, x, off, t, off, n), "axpy");
            same(x, off, n, (k, t) -> k.scale(alpha, t, off, n), "scale");
            same(y, off, n, (k, t) -> k.add(x, off, t, off, n), "add");
            same(x, off, n, (k, t) -> k.relu(t, off, n), "relu");
            same(y, off, n, (k, t) -> k.reluBackward(x, off, t, off, n), "reluBackward");
            same(x, off, n, (k, t) -> k.leakyRelu(t, off, n, 0.01f), "leakyRelu");
            same(y, off, n, (k, t) -> k.leakyReluBackward(x, off, t, off, n, 0.01f), "leakyReluBackward");
            same(x, off, n, (k, t) -> k.sigmoid(t, off, n), "sigmoid");
            same(y, off, n, (k, t) -> k.sigmoidBackward(x, off, t, off, n), "sigmoidBackward");
            same(x, off, n, (k, t) -> k.tanh(t, off, n), "tanh");
            same(y, off, n, (k, t) -> k.tanhBackward(x, off, t, off, n), "tanhBackward");
            same(x, off, n, (k, t) -> k.exp(t, off, n, alpha, 0.5f), "exp");
            float[] v = Fills.UNIFORM.array(random, off, n);
            same(y, off, n, (k, t) -> k.momentum(t, x, v.clone(), off, n, 0.9f, alpha), "momentum");
        });
    }

    /**
     * The exponential and the curves built on it against double precision. exp: the Taylor polynomial's
     * truncation (r⁸/8! ≤ 5.3e-9 for |r| ≤ ln2/2) plus about one rounding per Horner step, so 4 ulp bound
     * it. Sigmoid 1/(1 + e): e's relative error shrinks by e/(1+e) ≤ 1, plus two roundings, so 6 ulp of the
     * result. tanh = 1 − 2/(e+1): the same plus one subtraction near 1, an absolute bound of 3e-7.
     */
    @Test
    void exponentialCurvesAgainstDouble() {
        forAll((fill, n, off, random) -> {
            float[] x = fill.array(random, off, n);
            for (Twin k : new Twin[]{panama, scalar}) {
                float[] e = x.clone();
                k.exp(e, off, n, 1f, 0f);
                float[] s = x.clone();
                k.sigmoid(s, off, n);
                float[] t = x.clone();
                k.tanh(t, off, n);
                for (int i = off; i < off + n; i++) {
                    double expected = x[i] < ScalarExp.EXP_MIN ? 0 : Math.exp(Math.min(x[i], ScalarExp.EXP_MAX));
                    assertClose(expected, e[i], 4 * Math.ulp((float) expected), k + " exp(" + x[i] + ")");
                    double sigmoid = x[i] > -ScalarExp.EXP_MIN ? 1 : 1 / (1 + Math.exp(-Math.max(x[i], -ScalarExp.EXP_MAX)));
                    assertClose(sigmoid, s[i], 6 * Math.ulp((float) sigmoid), k + " sigmoid(" + x[i] + ")");
                    assertClose(Math.tanh(x[i]), t[i], 3e-7, k + " tanh(" + x[i] + ")");
                }
            }
        });
    }

    @Test
    void unsignedBytesToFloats() {
        forAll((fill, n, off, random) -> {
            byte[] src = new byte[off + n];
            random.nextBytes(src);
            float[] p = new float[off + n + 3];
            float[] s = new float[off + n + 3];
            panama.unsignedBytesToFloats(src, off, p, off, n, 1f / 255);
            scalar.unsignedBytesToFloats(src, off, s, off, n, 1f / 255);
            assertArrayEquals(s, p);
            for (int i = 0; i < n; i++) {
                assertEquals((src[off + i] & 0xFF) / 255f, p[off + i], 1e-7f);
            }
        });
    }

    @Test
    void adamAgreesBitForBit() {
        forAll((fill, n, off, random) -> {
            float[] g = fill.array(random, off, n);
            float[][] p = {Fills.UNIFORM.array(random, off, n), Fills.UNIFORM.array(random, off, n),
                    positive(Fills.UNIFORM.array(random, off, n))};
            float[][] s = {p[0].clone(), p[1].clone(), p[2].clone()};
            panama.adam(p[0], g, p[1], p[2], off, n, 0.9f, 0.999f, 1e-3f, 1.3f, 1e-8f);
            scalar.adam(s[0], g, s[1], s[2], off, n, 0.9f, 0.999f, 1e-3f, 1.3f, 1e-8f);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(s[i], p[i], "array " + i);
            }
        });
    }

    /** Row-wise softmax gives each row the bits of {@code softmax} on that row, short rows (one exp) included. */
    @Test
    void softmaxRows() {
        Random random = new Random(17);
        for (int cols : new int[]{1, 2, 7, 10, 15, 16, 17, 31, 33}) {
            for (int rows : new int[]{1, 3, 32, 33}) {
                float[] x = new float[2 + rows * cols];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (random.nextFloat() - 0.5f) * 40;
                }
                for (Twin kernels : new Twin[]{panama, scalar}) {
                    float[] together = x.clone(), apart = x.clone();
                    float[] lseTogether = new float[rows + 1], lseApart = new float[rows + 1];
                    kernels.softmaxRows(together, 2, rows, cols, lseTogether, 1);
                    for (int r = 0; r < rows; r++) {
                        lseApart[1 + r] = kernels.softmax(apart, 2 + r * cols, cols);
                    }
                    String where = kernels.toString() + " " + rows + "×" + cols;
                    assertArrayEquals(apart, together, where);
                    assertArrayEquals(lseApart, lseTogether, where + " lse");
                }
            }
        }
    }

    @Test
    void softmax() {
        forAll((fill, n, off, random) -> {
            if (n == 0) {
                return;
            }
            float[] x = fill.array(random, off, n);
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, x[off + i]);
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += Math.exp(x[off + i] - max);
            }
            double lse = max + Math.log(total);
            float[] p = x.clone();
            float[] s = x.clone();
            float lseP = panama.softmax(p, off, n);
            float lseS = scalar.softmax(s, off, n);
            double bound = Tolerance.sum(n, 4 * Math.max(1, Math.abs(lse)));
            assertClose(lse, lseP, bound, "panama lse");
            assertClose(lse, lseS, bound, "scalar lse");
            for (int i = 0; i < n; i++) {
                double exact = Math.exp(x[off + i] - lse);
                assertClose(exact, p[off + i], Tolerance.sum(n, 4 * exact), "panama p[" + i + "]");
                assertClose(exact, s[off + i], Tolerance.sum(n, 4 * exact), "scalar p[" + i + "]");
            }
            untouched(p, off, n);
        });
    }

    @Test
    void columnSumsAndRowVector() {
        Random random = new Random(7);
        for (int rows : new int[]{1, 2, 3, 5, 8, 17, 32}) {
            for (int cols : new int[]{1, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65, 784}) {
                int off = random.nextInt(3);
                float[] a = Fills.UNIFORM.array(random, off, rows * cols);
                float[] v = Fills.UNIFORM.array(random, off, cols);
                float[] outP = Fills.UNIFORM.array(random, off, cols);
                float[] outS = outP.clone();
                panama.columnSums(a, off, rows, cols, outP, off, 0.5f);
                scalar.columnSums(a, off, rows, cols, outS, off, 0.5f);
                assertArrayEquals(outS, outP, rows + "x" + cols);
                float[] cP = a.clone();
                float[] cS = a.clone();
                panama.addRowVector(v, off, cP, off, rows, cols);
                scalar.addRowVector(v, off, cS, off, rows, cols);
                assertArrayEquals(cS, cP, rows + "x" + cols);
            }
        }
    }

    /** The three product shapes on every combination of awkward sizes, with alpha and beta, at offsets. */
    @Test
    void matrixProducts() {
        Random random = new Random(11);
        int[] sizes = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33};
        List<int[]> shapes = new ArrayList<>();
        for (int m : sizes) {
            for (int n : sizes) {
                shapes.add(new int[]{m, n, sizes[random.nextInt(sizes.length)]});
            }
        }
        shapes.add(new int[]{32, 16, 784});
        shapes.add(new int[]{16, 784, 32});
        shapes.add(new int[]{32, 16, 16});
        shapes.add(new int[]{37, 10, 31});
        shapes.add(new int[]{67, 53, 37});
        shapes.add(new int[]{130, 70, 19});
        shapes.add(new int[]{33, 65, 129});
        shapes.add(new int[]{517, 70, 37});
        shapes.add(new int[]{600, 133, 65});
        shapes.add(new int[]{70, 10, 100}); // narrow edges at least EDGE_MIN_DEPTH deep: dot products (A·B) and
        shapes.add(new int[]{19, 3, 64});   // transposed broadcasts (Aᵀ·B), with leftover rows and columns
        shapes.add(new int[]{256, 17, 1024});
        shapes.add(new int[]{129, 100, 67});
        shapes.add(new int[]{70, 66, 100}); // A·Bᵀ from a copy of Bᵀ: 64 to 127 rows, four vectors wide at 512 bits
        shapes.add(new int[]{140, 30, 100}); // last columns padded into the last panel, A·Bᵀ's gathered
        shapes.add(new int[]{0, 5, 3});
        shapes.add(new int[]{4, 0, 3});
        shapes.add(new int[]{4, 5, 0});
        for (int[] shape : shapes) {
            for (float[] ab : new float[][]{{1f, 0f}, {0.5f, 1f}, {-2f, 0.25f}}) {
                for (String op : new String[]{"AB", "AtB", "ABt"}) {
                    checkProduct(op, shape[0], shape[1], shape[2], ab[0], ab[1], random);
                }
            }
        }
    }

    /**
     * Where A·Bᵀ is built from a copy of Bᵀ, each element is the same chain of multiply-adds as in A·B on that copy:
     * the bits match, including leftover rows and columns.
     */
    @Test
    void transposedProductsMatchTheProductOnBTransposed() {
        Random random = new Random(12);
        for (int[] shape : new int[][]{{128, 64, 32}, {131, 70, 37}, {517, 133, 65}, {1000, 256, 784}, {70, 66, 100},
                {131, 127, 65}}) {
            int m = shape[0], n = shape[1], k = shape[2];
            assertTrue(panama.transposesB(m, n, k), m + "×" + n + "×" + k + " is built from a copy of Bᵀ");
            float[] a = Fills.UNIFORM.array(random, 0, m * k);
            float[] b = Fills.UNIFORM.array(random, 0, n * k);
            float[] bt = new float[k * n];
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    bt[p * n + j] = b[j * k + p];
                }
            }
            float[] viaTransB = new float[m * n], viaCopy = new float[m * n];
            panama.matmulTransB(a, 0, b, 0, viaTransB, 0, m, n, k, 1f, 0f);
            panama.matmul(a, 0, bt, 0, viaCopy, 0, m, n, k, 1f, 0f);
            assertArrayEquals(viaCopy, viaTransB, m + "×" + n + "×" + k);
        }
    }

    /**
     * A·B whose last columns (fewer than a vector) are padded with zeros into the last panel gives each element one
     * chain of multiply-adds in order of p, as the scalar twin does: the same bits, with leftover rows, offsets,
     * alpha and beta. Padded at both widths: 70×30 (512 bits 16 + 14 columns, 256 bits 24 + 6), 131×63 (48 + 15,
     * 56 + 7), 67×62 (48 + 14, 56 + 6, shallower than the dot products' depth), 96×24 (16 + 8 at 512 bits).
     */
    @Test
    void paddedLastColumnsAreTheScalarTwinsBitForBit() {
        assertScalarTwinsBits("AB", new int[][]{{70, 30, 100}, {131, 63, 65}, {67, 62, 33}, {96, 24, 64}},
                new Random(14));
    }

    /**
     * Aᵀ·B is one chain of multiply-adds in order of p per element in both implementations, whichever way its last
     * columns are built (padded, or transposed with vectors along A's columns), and when the whole product is built
     * as its transpose with sums kept across blocks of p (narrow C at least 128 deep: 256×16, 256×17, 130×18,
     * 200×19 at both widths, with 0 to 3 columns past a multiple of four and rows past a multiple of four vectors):
     * the bits of the scalar twin.
     */
    @Test
    void transposedAProductsAreTheScalarTwinsBitForBit() {
        assertScalarTwinsBits("AtB", new int[][]{{256, 17, 1024}, {70, 10, 100}, {19, 3, 64}, {129, 100, 67},
                {33, 65, 129}, {600, 133, 65}, {5, 7, 200}, {64, 31, 63}, {256, 16, 1024}, {130, 18, 300},
                {200, 19, 129}, {64, 64, 128}}, new Random(13));
    }

    /** A·B or Aᵀ·B of each shape, at offsets, with two alpha and beta: the scalar twin's bits exactly. */
    private static void assertScalarTwinsBits(String op, int[][] shapes, Random random) {
        for (int[] shape : shapes) {
            int m = shape[0], n = shape[1], k = shape[2];
            for (float[] ab : new float[][]{{1f, 0f}, {-2f, 0.25f}}) {
                float[] a = Fills.UNIFORM.array(random, 1, m * k);
                float[] b = Fills.UNIFORM.array(random, 2, k * n);
                float[] cp = Fills.UNIFORM.array(random, 0, m * n);
                float[] cs = cp.clone();
                if (op.equals("AtB")) {
                    panama.matmulTransA(a, 1, b, 2, cp, 0, m, n, k, ab[0], ab[1]);
                    scalar.matmulTransA(a, 1, b, 2, cs, 0, m, n, k, ab[0], ab[1]);
                } else {
                    panama.matmul(a, 1, b, 2, cp, 0, m, n, k, ab[0], ab[1]);
                    scalar.matmul(a, 1, b, 2, cs, 0, m, n, k, ab[0], ab[1]);
                }
                assertArrayEquals(cs, cp, op + " " + m + "×" + n + "×" + k + " alpha " + ab[0]);
            }
        }
    }

    private static void checkProduct(String op, int m, int n, int k, float alpha, float beta, Random random) {
        int aOff = random.nextInt(3), bOff = random.nextInt(3), cOff = random.nextInt(3);
        float[] a = Fills.UNIFORM.array(random, aOff, m * k);
        float[] b = Fills.UNIFORM.array(random, bOff, k * n);
        float[] c = Fills.UNIFORM.array(random, cOff, m * n);
        float[] cp = c.clone();
        float[] cs = c.clone();
        switch (op) {
            case "AB" -> {
                panama.matmul(a, aOff, b, bOff, cp, cOff, m, n, k, alpha, beta);
                scalar.matmul(a, aOff, b, bOff, cs, cOff, m, n, k, alpha, beta);
            }
            case "AtB" -> {
                panama.matmulTransA(a, aOff, b, bOff, cp, cOff, m, n, k, alpha, beta);
                scalar.matmulTransA(a, aOff, b, bOff, cs, cOff, m, n, k, alpha, beta);
            }
            default -> {
                panama.matmulTransB(a, aOff, b, bOff, cp, cOff, m, n, k, alpha, beta);
                scalar.matmulTransB(a, aOff, b, bOff, cs, cOff, m, n, k, alpha, beta);
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double exact = 0, magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double aip = switch (op) {
                        case "AtB" -> a[aOff + p * m + i];
                        default -> a[aOff + i * k + p];
                    };
                    double bpj = switch (op) {
                        case "ABt" -> b[bOff + j * k + p];
                        default -> b[bOff + p * n + j];
                    };
                    exact += aip * bpj;
                    magnitude += Math.abs(aip * bpj);
                }
                double old = c[cOff + i * n + j];
                double expected = alpha * exact + beta * old;
                double bound = Tolerance.sum(k + 1, Math.abs(alpha) * magnitude + Math.abs(beta * old));
                String where = op + " " + m + "×" + n + "×" + k + " alpha=" + alpha + " beta=" + beta
                        + " at (" + i + "," + j + ")";
                assertClose(expected, cp[cOff + i * n + j], bound, "panama " + where);
                assertClose(expected, cs[cOff + i * n + j], bound, "scalar " + where);
            }
        }
        untouched(cp, cOff, m * n);
    }

    @Test
    void exponentialEdges() {
        for (Twin k : new Twin[]{panama, scalar}) {
            float[] x = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 1f, 100f, -100f};
            float[] e = x.clone();
            k.exp(e, 0, x.length, 1f, 0f);
            assertTrue(Float.isNaN(e[0]), "exp(NaN)");
            assertEquals((float) Math.exp(ScalarExp.EXP_MAX), e[1], Math.ulp(e[1]) * 4, "exp(+inf) clamps");
            assertEquals(1f, e[3]);
            assertEquals(1f, e[4]);
            assertEquals((float) Math.E, e[5], Math.ulp((float) Math.E) * 2);
            float[] s = x.clone();
            k.sigmoid(s, 0, x.length);
            assertEquals(1f, s[1]);
            assertEquals(0f, s[2], 1e-38f);
            assertEquals(0f, e[2]);
            assertEquals(0.5f, s[3]);
            float[] t = x.clone();
            k.tanh(t, 0, x.length);
            assertEquals(1f, t[1]);
            assertEquals(-1f, t[2]);
            assertEquals(0f, t[3]);
            assertEquals(1f, t[6]);
            assertEquals(-1f, t[7]);
        }
    }

    interface Kernel {
        void apply(Twin k, float[] target);
    }

    private static void same(float[] target, int off, int n, Kernel kernel, String name) {
        float[] p = target.clone();
        float[] s = target.clone();
        kernel.apply(panama, p);
        kernel.apply(scalar, s);
        assertArrayEquals(s, p, name);
        untouched(p, off, n);
    }

    /** Everything outside [off, off+n) must still be the NaN guard that {@link Fills#array} put there. */
    private static void untouched(float[] a, int off, int n) {
        for (int i = 0; i < a.length; i++) {
            if ((i < off || i >= off + n) && !Float.isNaN(a[i])) {
                fail("wrote outside its range at " + i + " (range " + off + ".." + (off + n) + ")");
            }
        }
    }

    private static float[] positive(float[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.abs(a[i]);
        }
        return a;
    }

    private static void assertClose(double expected, float actual, double bound, String what) {
        assertTrue(Math.abs(expected - actual) <= bound, () -> what + ": expected " + expected + " ± " + bound
                + ", got " + actual + " (off by " + Math.abs(expected - actual) + ")");
    }

    /**
     * Products on blocks of larger matrices (leading dimensions beyond the columns) give the bits of the same
     * product on dense copies of the blocks, and leave the elements between C's rows alone; random shapes from 1
     * to 70, narrow outputs included.
     */
    @Test
    void stridedProductsMatchDenseCopiesBitForBit() {
        Random random = new Random(13);
        for (int trial = 0; trial < 150; trial++) {
            int m = 1 + random.nextInt(70), n = 1 + random.nextInt(70), k = 1 + random.nextInt(70);
            if (trial % 5 == 0) {
                m = 64 + random.nextInt(140); // packing and the copy of Bᵀ
            }
            for (String op : new String[]{"AB", "AtB", "ABt"}) {
                int aRows = op.equals("AtB") ? k : m, aCols = op.equals("AtB") ? m : k;
                int bRows = op.equals("ABt") ? n : k, bCols = op.equals("ABt") ? k : n;
                int lda = aCols + random.nextInt(5), ldb = bCols + random.nextInt(5), ldc = n + 1 + random.nextInt(4);
                int aOff = random.nextInt(4), bOff = random.nextInt(4), cOff = random.nextInt(4);
                float[] a = Fills.UNIFORM.array(random, aOff, aRows * lda);
                float[] b = Fills.UNIFORM.array(random, bOff, bRows * ldb);
                float[] c = new float[cOff + m * ldc + 3];
                Arrays.fill(c, Float.NaN);
                float[] denseA = block(a, aOff, lda, aRows, aCols), denseB = block(b, bOff, ldb, bRows, bCols);
                for (Twin twin : new Twin[]{panama, scalar}) {
                    float[] strided = c.clone();
                    float[] dense = new float[m * n];
                    twin.product(op, a, aOff, lda, b, bOff, ldb, strided, cOff, ldc, m, n, k, 1.5f, 0f);
                    twin.product(op, denseA, 0, aCols, denseB, 0, bCols, dense, 0, n, m, n, k, 1.5f, 0f);
                    String where = twin + " " + op + " " + m + "×" + n + "×" + k + " lda=" + lda + " ldb=" + ldb
                            + " ldc=" + ldc;
                    assertArrayEquals(dense, block(strided, cOff, ldc, m, n), where);
                    for (int i = 0; i < strided.length; i++) {
                        int r = (i - cOff) / ldc, j = (i - cOff) % ldc;
                        boolean inC = i >= cOff && r < m && j < n;
                        if (!inC && !Float.isNaN(strided[i])) {
                            fail(where + ": wrote outside C at " + i);
                        }
                    }
                }
            }
        }
    }

    /** BLAS's conventions: beta 0 does not read C (NaN there does not spread); alpha 0 reads neither A nor B. */
    @Test
    void betaZeroIgnoresCAndAlphaZeroIgnoresAAndB() {
        for (Twin twin : new Twin[]{panama, scalar}) {
            for (String op : new String[]{"AB", "AtB", "ABt"}) {
                for (int size : new int[]{3, 17, 70}) {
                    float[] ones = new float[size * size];
                    Arrays.fill(ones, 1f);
                    float[] nan = new float[size * size];
                    Arrays.fill(nan, Float.NaN);
                    float[] c = nan.clone();
                    twin.product(op, ones, 0, size, ones, 0, size, c, 0, size, size, size, size, 1f, 0f);
                    for (float v : c) {
                        assertEquals(size, v, twin + " " + op + " beta 0 over NaN");
                    }
                    float[] twos = new float[size * size];
                    Arrays.fill(twos, 2f);
                    twin.product(op, nan, 0, size, nan, 0, size, twos, 0, size, size, size, size, 0f, 0.5f);
                    for (float v : twos) {
                        assertEquals(1f, v, twin + " " + op + " alpha 0 over NaN inputs");
                    }
                }
            }
        }
    }

    /** max is NaN when any element is; argmax then names the first NaN, in both implementations. */
    @Test
    void argmaxNamesTheFirstNaN() {
        for (Twin twin : new Twin[]{panama, scalar}) {
            assertEquals(1, twin.argmax(new float[]{1, Float.NaN, 3}, 0, 3), twin.toString());
            for (int n : new int[]{40, 100}) {
                for (int at : new int[]{0, 17, n - 1}) {
                    float[] x = new float[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = i;
                    }
                    x[at] = Float.NaN;
                    x[n / 2] = Float.NaN;
                    assertTrue(Float.isNaN(twin.max(x, 0, n)));
                    assertEquals(Math.min(at, n / 2), twin.argmax(x, 0, n), twin + " n=" + n + " NaN at " + at);
                }
            }
        }
    }

    private static float[] block(float[] x, int off, int ld, int rows, int cols) {
        float[] dense = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, off + r * ld, dense, r * cols, cols);
        }
        return dense;
    }

    @Test
    void lengthsCoverTheRequiredSet() {
        assertTrue(Arrays.stream(LENGTHS).boxed().toList().containsAll(List.of(0, 17, 31, 33, 63, 65, 127, 129, 784,
                1021)));
    }
}
