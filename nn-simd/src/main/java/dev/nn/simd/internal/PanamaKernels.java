package dev.nn.simd.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the Vector API. Each is a driver and a body: vector loops while at least one full vector
 * remains (several independent accumulators where a sum is carried), one {@code reduceLanes} at the end,
 * then a scalar tail. No masked loads or stores: they are slow without AVX-512.
 *
 * <p>Created reflectively by {@link KernelProvider}, only once the {@code jdk.incubator.vector} module is
 * known to be present, so that nothing else in nn-simd touches the incubator API.
 */
final class PanamaKernels implements KernelSupport {

    /** The float species: the preferred one, or the width forced with {@code -Dnn.simd.bits}. */
    static final VectorSpecies<Float> FLOATS = floatSpecies(Integer.getInteger("nn.simd.bits", 0));
    private static final VectorSpecies<Integer> INTS = FLOATS.withLanes(int.class);
    /** Bytes with as many lanes as {@link #FLOATS} (at least 64 bits wide). */
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, FLOATS.length() * 8)));
    private static final int L = FLOATS.length();
    private static final boolean FMA = KernelProvider.fmaEnabled();

    private final ScalarKernels tails = new ScalarKernels(FMA);

    /** The width of the float species in use, in bits. */
    static int vectorBits() {
        return FLOATS.vectorBitSize();
    }

    static VectorSpecies<Float> floatSpecies(int bits) {
        return bits == 0 ? FloatVector.SPECIES_PREFERRED : VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
    }

    private static FloatVector fma(FloatVector a, FloatVector b, FloatVector acc) {
        return FMA ? a.fma(b, acc) : a.mul(b).add(acc);
    }

    private static float fma(float a, float b, float acc) {
        return FMA ? Math.fma(a, b, acc) : a * b + acc;
    }

    private static FloatVector load(float[] x, int off) {
        return FloatVector.fromArray(FLOATS, x, off);
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        int i = 0;
        float sum = 0;
        if (n >= 2 * L) {
            FloatVector acc1 = FloatVector.zero(FLOATS), acc2 = acc1, acc3 = acc1, acc4 = acc1;
            for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
                acc1 = fma(load(a, aOff + i), load(b, bOff + i), acc1);                 // one
                acc2 = fma(load(a, aOff + i + L), load(b, bOff + i + L), acc2);         // two
                acc3 = fma(load(a, aOff + i + 2 * L), load(b, bOff + i + 2 * L), acc3); // three
                acc4 = fma(load(a, aOff + i + 3 * L), load(b, bOff + i + 3 * L), acc4); // four
            }
            for (int bound = n - L; i <= bound; i += L) {
                acc1 = fma(load(a, aOff + i), load(b, bOff + i), acc1);
            }
            sum = acc1.add(acc2).add(acc3.add(acc4)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            sum = fma(a[aOff + i], b[bOff + i], sum);
        }
        return sum;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        FloatVector scale = FloatVector.broadcast(FLOATS, alpha);
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            fma(scale, load(x, xOff + i), load(y, yOff + i)).intoArray(y, yOff + i);
        }
        tails.axpy(alpha, x, xOff + i, y, yOff + i, n - i);
    }

    @Override
    public void scale(float alpha, float[] x, int off, int n) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            load(x, off + i).mul(alpha).intoArray(x, off + i);
        }
        tails.scale(alpha, x, off + i, n - i);
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            load(y, yOff + i).add(load(x, xOff + i)).intoArray(y, yOff + i);
        }
        tails.add(x, xOff + i, y, yOff + i, n - i);
    }

    @Override
    public float sum(float[] x, int off, int n) {
        int i = 0;
        float sum = 0;
        if (n >= 2 * L) {
            FloatVector acc1 = FloatVector.zero(FLOATS), acc2 = acc1, acc3 = acc1, acc4 = acc1;
            for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
                acc1 = acc1.add(load(x, off + i));         // one
                acc2 = acc2.add(load(x, off + i + L));     // two
                acc3 = acc3.add(load(x, off + i + 2 * L)); // three
                acc4 = acc4.add(load(x, off + i + 3 * L)); // four
            }
            for (int bound = n - L; i <= bound; i += L) {
                acc1 = acc1.add(load(x, off + i));
            }
            sum = acc1.add(acc2).add(acc3.add(acc4)).reduceLanes(VectorOperators.ADD);
        }
        return sum + tails.sum(x, off + i, n - i);
    }

    @Override
    public float max(float[] x, int off, int n) {
        int i = 0;
        float max = Float.NEGATIVE_INFINITY;
        if (n >= 2 * L) {
            FloatVector acc = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
            for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
                acc = acc.max(load(x, off + i));
            }
            max = acc.reduceLanes(VectorOperators.MAX);
        }
        return Math.max(max, tails.max(x, off + i, n - i));
    }

    @Override
    public int argmax(float[] x, int off, int n) {
        if (n < 2 * L) {
            return tails.argmax(x, off, n);
        }
        float max = max(x, off, n);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            VectorMask<Float> hit = load(x, off + i).eq(max);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            if (x[off + i] == max) {
                return i;
            }
        }
        return tails.argmax(x, off, n); // only reached when a NaN makes max() unequal to every element
    }

    @Override
    public void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                       int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, k, 1, b, bOff, c, cOff, m, n, k, alpha, beta);
    }

    @Override
    public void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, 1, m, b, bOff, c, cOff, m, n, k, alpha, beta);
    }

    /**
     * C = alpha·A·B + beta·C with A(i, p) = a[aOff + i·rowStride + p·colStride]. Register-blocked: four rows
     * of C by two vectors of columns are held in eight accumulators while p runs over k, so each loaded row
     * slice of B feeds four FMAs; then one vector, then scalar columns; leftover rows one at a time.
     */
    private void broadcastProduct(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff,
                                  float[] c, int cOff, int m, int n, int k, float alpha, float beta) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            fourRows(a, aOff + i * rowStride, rowStride, colStride, b, bOff, c, cOff + i * n, n, k, alpha, beta);
        }
        for (; i < m; i++) {
            oneRow(a, aOff + i * rowStride, colStride, b, bOff, c, cOff + i * n, n, k, alpha, beta);
        }
    }

    private void fourRows(float[] a, int a0, int rowStride, int colStride, float[] b, int bOff,
                          float[] c, int c0, int n, int k, float alpha, float beta) {
        int a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        int j = 0;
        for (; j + 2 * L <= n; j += 2 * L) {
            FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s10 = s00, s11 = s00,
                    s20 = s00, s21 = s00, s30 = s00, s31 = s00;
            for (int p = 0; p < k; p++) {
                int row = bOff + p * n + j, col = p * colStride;
                FloatVector y0 = load(b, row), y1 = load(b, row + L);
                FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + col]);
                s00 = fma(x0, y0, s00);
                s01 = fma(x0, y1, s01);
                FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + col]);
                s10 = fma(x1, y0, s10);
                s11 = fma(x1, y1, s11);
                FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + col]);
                s20 = fma(x2, y0, s20);
                s21 = fma(x2, y1, s21);
                FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + col]);
                s30 = fma(x3, y0, s30);
                s31 = fma(x3, y1, s31);
            }
            store(s00, c, c0 + j, alpha, beta);
            store(s01, c, c0 + j + L, alpha, beta);
            store(s10, c, c1 + j, alpha, beta);
            store(s11, c, c1 + j + L, alpha, beta);
            store(s20, c, c2 + j, alpha, beta);
            store(s21, c, c2 + j + L, alpha, beta);
            store(s30, c, c3 + j, alpha, beta);
            store(s31, c, c3 + j + L, alpha, beta);
        }
        for (; j + L <= n; j += L) {
            FloatVector s0 = FloatVector.zero(FLOATS), s1 = s0, s2 = s0, s3 = s0;
            for (int p = 0; p < k; p++) {
                FloatVector y = load(b, bOff + p * n + j);
                int col = p * colStride;
                s0 = fma(FloatVector.broadcast(FLOATS, a[a0 + col]), y, s0);
                s1 = fma(FloatVector.broadcast(FLOATS, a[a1 + col]), y, s1);
                s2 = fma(FloatVector.broadcast(FLOATS, a[a2 + col]), y, s2);
                s3 = fma(FloatVector.broadcast(FLOATS, a[a3 + col]), y, s3);
            }
            store(s0, c, c0 + j, alpha, beta);
            store(s1, c, c1 + j, alpha, beta);
            store(s2, c, c2 + j, alpha, beta);
            store(s3, c, c3 + j, alpha, beta);
        }
        for (; j < n; j++) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int p = 0; p < k; p++) {
                float y = b[bOff + p * n + j];
                int col = p * colStride;
                s0 = fma(a[a0 + col], y, s0);
                s1 = fma(a[a1 + col], y, s1);
                s2 = fma(a[a2 + col], y, s2);
                s3 = fma(a[a3 + col], y, s3);
            }
            store(s0, c, c0 + j, alpha, beta);
            store(s1, c, c1 + j, alpha, beta);
            store(s2, c, c2 + j, alpha, beta);
            store(s3, c, c3 + j, alpha, beta);
        }
    }

    private void oneRow(float[] a, int a0, int colStride, float[] b, int bOff,
                        float[] c, int c0, int n, int k, float alpha, float beta) {
        int j = 0;
        for (; j + 2 * L <= n; j += 2 * L) {
            FloatVector s0 = FloatVector.zero(FLOATS), s1 = s0;
            for (int p = 0; p < k; p++) {
                int row = bOff + p * n + j;
                FloatVector x = FloatVector.broadcast(FLOATS, a[a0 + p * colStride]);
                s0 = fma(x, load(b, row), s0);
                s1 = fma(x, load(b, row + L), s1);
            }
            store(s0, c, c0 + j, alpha, beta);
            store(s1, c, c0 + j + L, alpha, beta);
        }
        for (; j + L <= n; j += L) {
            FloatVector s = FloatVector.zero(FLOATS);
            for (int p = 0; p < k; p++) {
                s = fma(FloatVector.broadcast(FLOATS, a[a0 + p * colStride]), load(b, bOff + p * n + j), s);
            }
            store(s, c, c0 + j, alpha, beta);
        }
        for (; j < n; j++) {
            float s = 0;
            for (int p = 0; p < k; p++) {
                s = fma(a[a0 + p * colStride], b[bOff + p * n + j], s);
            }
            store(s, c, c0 + j, alpha, beta);
        }
    }

    /**
     * C = alpha·A·Bᵀ + beta·C: every element is a dot product of a row of A and a row of B. Four rows of A by
     * two rows of B share their loads in eight accumulators; leftover rows and columns use {@link #dot}.
     */
    @Override
    public void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 2 <= n; j += 2) {
                dots4x2(a, aOff + i * k, b, bOff + j * k, k, c, cOff + i * n + j, n, alpha, beta);
            }
            for (; j < n; j++) {
                for (int r = i; r < i + 4; r++) {
                    store(dot(a, aOff + r * k, b, bOff + j * k, k), c, cOff + r * n + j, alpha, beta);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                store(dot(a, aOff + i * k, b, bOff + j * k, k), c, cOff + i * n + j, alpha, beta);
            }
        }
    }

    private static void dots4x2(float[] a, int a0, float[] b, int b0, int k,
                                float[] c, int c0, int ldc, float alpha, float beta) {
        int a1 = a0 + k, a2 = a1 + k, a3 = a2 + k, b1 = b0 + k;
        float t00 = 0, t01 = 0, t10 = 0, t11 = 0, t20 = 0, t21 = 0, t30 = 0, t31 = 0;
        int p = 0;
        if (k >= L) {
            FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s10 = s00, s11 = s00,
                    s20 = s00, s21 = s00, s30 = s00, s31 = s00;
            for (int bound = FLOATS.loopBound(k); p < bound; p += L) {
                FloatVector y0 = load(b, b0 + p), y1 = load(b, b1 + p);
                FloatVector x0 = load(a, a0 + p);
                s00 = fma(x0, y0, s00);
                s01 = fma(x0, y1, s01);
                FloatVector x1 = load(a, a1 + p);
                s10 = fma(x1, y0, s10);
                s11 = fma(x1, y1, s11);
                FloatVector x2 = load(a, a2 + p);
                s20 = fma(x2, y0, s20);
                s21 = fma(x2, y1, s21);
                FloatVector x3 = load(a, a3 + p);
                s30 = fma(x3, y0, s30);
                s31 = fma(x3, y1, s31);
            }
            t00 = s00.reduceLanes(VectorOperators.ADD);
            t01 = s01.reduceLanes(VectorOperators.ADD);
            t10 = s10.reduceLanes(VectorOperators.ADD);
            t11 = s11.reduceLanes(VectorOperators.ADD);
            t20 = s20.reduceLanes(VectorOperators.ADD);
            t21 = s21.reduceLanes(VectorOperators.ADD);
            t30 = s30.reduceLanes(VectorOperators.ADD);
            t31 = s31.reduceLanes(VectorOperators.ADD);
        }
        for (; p < k; p++) {
            float y0 = b[b0 + p], y1 = b[b1 + p];
            t00 = fma(a[a0 + p], y0, t00);
            t01 = fma(a[a0 + p], y1, t01);
            t10 = fma(a[a1 + p], y0, t10);
            t11 = fma(a[a1 + p], y1, t11);
            t20 = fma(a[a2 + p], y0, t20);
            t21 = fma(a[a2 + p], y1, t21);
            t30 = fma(a[a3 + p], y0, t30);
            t31 = fma(a[a3 + p], y1, t31);
        }
        store(t00, c, c0, alpha, beta);
        store(t01, c, c0 + 1, alpha, beta);
        store(t10, c, c0 + ldc, alpha, beta);
        store(t11, c, c0 + ldc + 1, alpha, beta);
        store(t20, c, c0 + 2 * ldc, alpha, beta);
        store(t21, c, c0 + 2 * ldc + 1, alpha, beta);
        store(t30, c, c0 + 3 * ldc, alpha, beta);
        store(t31, c, c0 + 3 * ldc + 1, alpha, beta);
    }

    private static void store(FloatVector acc, float[] c, int off, float alpha, float beta) {
        FloatVector scaled = alpha == 1f ? acc : acc.mul(alpha);
        if (beta != 0) {
            scaled = fma(FloatVector.broadcast(FLOATS, beta), load(c, off), scaled);
        }
        scaled.intoArray(c, off);
    }

    private static void store(float acc, float[] c, int off, float alpha, float beta) {
        c[off] = beta == 0 ? alpha * acc : fma(beta, c[off], alpha * acc);
    }

    @Override
    public void addRowVector(float[] v, int vOff, float[] c, int cOff, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            add(v, vOff, c, cOff + i * cols, cols);
        }
    }

    @Override
    public void columnSums(float[] a, int aOff, int rows, int cols, float[] out, int outOff, float beta) {
        int j = 0;
        for (; j + L <= cols; j += L) {
            FloatVector acc = FloatVector.zero(FLOATS);
            for (int i = 0; i < rows; i++) {
                acc = acc.add(load(a, aOff + i * cols + j));
            }
            if (beta != 0) {
                acc = fma(FloatVector.broadcast(FLOATS, beta), load(out, outOff + j), acc);
            }
            acc.intoArray(out, outOff + j);
        }
        for (; j < cols; j++) {
            float acc = 0;
            for (int i = 0; i < rows; i++) {
                acc += a[aOff + i * cols + j];
            }
            out[outOff + j] = beta == 0 ? acc : fma(beta, out[outOff + j], acc);
        }
    }

    @Override
    public void relu(float[] x, int off, int n) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            load(x, off + i).max(0f).intoArray(x, off + i);
        }
        tails.relu(x, off + i, n - i);
    }

    @Override
    public void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        int i = 0;
        FloatVector zero = FloatVector.zero(FLOATS);
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            VectorMask<Float> active = load(out, outOff + i).compare(VectorOperators.GT, 0f);
            zero.blend(load(grad, gOff + i), active).intoArray(grad, gOff + i);
        }
        tails.reluBackward(out, outOff + i, grad, gOff + i, n - i);
    }

    @Override
    public float softmax(float[] x, int off, int n) {
        float max = max(x, off, n);
        int i = 0;
        float sum = 0;
        if (n >= 2 * L) {
            FloatVector acc = FloatVector.zero(FLOATS);
            for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
                FloatVector e = load(x, off + i).sub(max).lanewise(VectorOperators.EXP);
                e.intoArray(x, off + i);
                acc = acc.add(e);
            }
            sum = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            float e = (float) Math.exp(x[off + i] - max);
            x[off + i] = e;
            sum += e;
        }
        scale(1f / sum, x, off, n);
        return max + (float) Math.log(sum);
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, int off, int n,
                     float beta1, float beta2, float stepSize, float vScale, float epsilon) {
        FloatVector b1 = FloatVector.broadcast(FLOATS, beta1), b2 = FloatVector.broadcast(FLOATS, beta2);
        FloatVector eps = FloatVector.broadcast(FLOATS, epsilon), vs = FloatVector.broadcast(FLOATS, vScale);
        float oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2;
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            int at = off + i;
            FloatVector gi = load(g, at);
            FloatVector mi = fma(b1, load(m, at), gi.mul(oneMinusBeta1));
            FloatVector vi = fma(b2, load(v, at), gi.mul(gi).mul(oneMinusBeta2));
            mi.intoArray(m, at);
            vi.intoArray(v, at);
            FloatVector denominator = fma(vi.sqrt(), vs, eps);
            load(w, at).sub(mi.mul(stepSize).div(denominator)).intoArray(w, at);
        }
        tails.adam(w, g, m, v, off + i, n - i, beta1, beta2, stepSize, vScale, epsilon);
    }

    @Override
    public void unsignedBytesToFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        int i = 0;
        for (; i + BYTES.length() <= n; i += L) {
            IntVector ints = (IntVector) ByteVector.fromArray(BYTES, src, srcOff + i)
                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, 0);
            ((FloatVector) ints.convert(VectorOperators.I2F, 0)).mul(scale).intoArray(dst, dstOff + i);
        }
        tails.unsignedBytesToFloats(src, srcOff + i, dst, dstOff + i, n - i, scale);
    }
}
