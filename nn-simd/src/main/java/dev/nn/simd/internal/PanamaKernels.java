package dev.nn.simd.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * The kernels on the Vector API. Each is a driver and a body: vector loops while at least one full vector
 * remains (several independent accumulators where a sum is carried), one lane sum at the end,
 * then a scalar tail. No masked loads or stores: they are slow without AVX-512. Vector code calls the Vector
 * API directly, never through a helper of ours: a vector handed to a method that the JIT does not inline is
 * allocated, and C2 declined to inline even tiny helpers here (measured: 1.1 kB per training step).
 * {@code FMA ? x.fma(y, s) : x.mul(y).add(s)} is the FMA switch; FMA is a constant, so C2 keeps one side.
 *
 * <p>Results are bit-reproducible: vectors' lanes are stored and summed in index order by {@link #sumLanes},
 * never by {@code reduceLanes(ADD)}, whose order the API leaves open (the interpreter and C2 do differ), and
 * exponentials use {@link ScalarKernels#exp}'s additions and multiplications, not {@code lanewise(EXP)}, whose
 * compiled and interpreted results may differ.
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

    /** Per-thread room for sixteen vectors' lanes, so that sums across lanes need no allocation. */
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[16 * L]);
    /** The floats of B a product keeps in L2 while all of A passes over them (256 kB, a quarter of the L2). */
    private static final int PANEL_FLOATS = 1 << 16;
    /** Products with fewer rows than this use B where it is: a packed panel would serve too few rows. */
    private static final int PACK_MIN_ROWS = 64;
    /** Values of p per tile when {@link #pack} turns rows of B into a panel's columns. */
    private static final int TILE = 32;
    /** A·Bᵀ with at least this many rows (and wide enough) is built like A·B from a transposed copy of B. */
    private static final int TRANSPOSE_MIN_ROWS = 128;
    /** Per-thread room for a panel of B packed by {@link #pack}. */
    private static final ThreadLocal<Scratch> PANEL = ThreadLocal.withInitial(Scratch::new);
    /** Per-thread room for A's rows packed by {@link #packRowBlocks}. */
    private static final ThreadLocal<Scratch> ROW_BLOCKS = ThreadLocal.withInitial(Scratch::new);
    /** Per-thread room for {@link #shortTransB}'s copy of Bᵀ. */
    private static final ThreadLocal<Scratch> TRANSPOSED = ThreadLocal.withInitial(Scratch::new);

    /** The sum of lanes[from..from+L) in index order: the same in the interpreter and in compiled code. */
    private static float sumLanes(float[] lanes, int from) {
        float sum = 0;
        for (int i = from; i < from + L; i++) {
            sum += lanes[i];
        }
        return sum;
    }

    private static float fma(float a, float b, float acc) {
        return FMA ? Math.fma(a, b, acc) : a * b + acc;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        int i = 0;
        float sum = 0;
        if (n >= 2 * L) {
            FloatVector acc1 = FloatVector.zero(FLOATS), acc2 = acc1, acc3 = acc1, acc4 = acc1;
            for (int bound = n - 4 * L; i <= bound; i += 4 * L) {
                FloatVector a1 = FloatVector.fromArray(FLOATS, a, aOff + i);             // one
                FloatVector b1 = FloatVector.fromArray(FLOATS, b, bOff + i);
                acc1 = FMA ? a1.fma(b1, acc1) : a1.mul(b1).add(acc1);
                FloatVector a2 = FloatVector.fromArray(FLOATS, a, aOff + i + L);         // two
                FloatVector b2 = FloatVector.fromArray(FLOATS, b, bOff + i + L);
                acc2 = FMA ? a2.fma(b2, acc2) : a2.mul(b2).add(acc2);
                FloatVector a3 = FloatVector.fromArray(FLOATS, a, aOff + i + 2 * L);     // three
                FloatVector b3 = FloatVector.fromArray(FLOATS, b, bOff + i + 2 * L);
                acc3 = FMA ? a3.fma(b3, acc3) : a3.mul(b3).add(acc3);
                FloatVector a4 = FloatVector.fromArray(FLOATS, a, aOff + i + 3 * L);     // four
                FloatVector b4 = FloatVector.fromArray(FLOATS, b, bOff + i + 3 * L);
                acc4 = FMA ? a4.fma(b4, acc4) : a4.mul(b4).add(acc4);
            }
            for (int bound = n - L; i <= bound; i += L) {
                FloatVector a1 = FloatVector.fromArray(FLOATS, a, aOff + i);
                FloatVector b1 = FloatVector.fromArray(FLOATS, b, bOff + i);
                acc1 = FMA ? a1.fma(b1, acc1) : a1.mul(b1).add(acc1);
            }
            float[] lanes = LANES.get();
            acc1.add(acc2).add(acc3.add(acc4)).intoArray(lanes, 0);
            sum = sumLanes(lanes, 0);
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
            FloatVector xi = FloatVector.fromArray(FLOATS, x, xOff + i);
            FloatVector yi = FloatVector.fromArray(FLOATS, y, yOff + i);
            (FMA ? scale.fma(xi, yi) : scale.mul(xi).add(yi)).intoArray(y, yOff + i);
        }
        tails.axpy(alpha, x, xOff + i, y, yOff + i, n - i);
    }

    @Override
    public void scale(float alpha, float[] x, int off, int n) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(FLOATS, x, off + i).mul(alpha).intoArray(x, off + i);
        }
        tails.scale(alpha, x, off + i, n - i);
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(FLOATS, y, yOff + i).add(FloatVector.fromArray(FLOATS, x, xOff + i)).intoArray(y, yOff + i);
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
                acc1 = acc1.add(FloatVector.fromArray(FLOATS, x, off + i));         // one
                acc2 = acc2.add(FloatVector.fromArray(FLOATS, x, off + i + L));     // two
                acc3 = acc3.add(FloatVector.fromArray(FLOATS, x, off + i + 2 * L)); // three
                acc4 = acc4.add(FloatVector.fromArray(FLOATS, x, off + i + 3 * L)); // four
            }
            for (int bound = n - L; i <= bound; i += L) {
                acc1 = acc1.add(FloatVector.fromArray(FLOATS, x, off + i));
            }
            float[] lanes = LANES.get();
            acc1.add(acc2).add(acc3.add(acc4)).intoArray(lanes, 0);
            sum = sumLanes(lanes, 0);
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
                acc = acc.max(FloatVector.fromArray(FLOATS, x, off + i));
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
            VectorMask<Float> hit = FloatVector.fromArray(FLOATS, x, off + i).eq(max);
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
        broadcastProduct(a, aOff, k, 1, b, bOff, n, 1, c, cOff, n, m, n, k, alpha, beta);
    }

    @Override
    public void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, 1, m, b, bOff, n, 1, c, cOff, n, m, n, k, alpha, beta);
    }

    @Override
    public void matmulTransA(float[] a, int aOff, int lda, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, 1, lda, b, bOff, n, 1, c, cOff, n, m, n, k, alpha, beta);
    }

    /**
     * C = alpha·A·B + beta·C with A(i, p) = a[aOff + i·rowStride + p·colStride] and B(p, j) = b[bOff + p·bRowStride
     * + j·bColStride]. C is first set to beta·C (zeros when beta is 0); then register-blocked micro-kernels add
     * alpha·A·B: four rows of C by four, then two, then one vector of columns held in accumulators while p runs
     * over k, so each loaded slice of a row of B feeds four FMAs; leftover rows one vector at a time; leftover
     * columns one by one. Panels of columns are the outer loop and rows the inner one, so that a panel of B
     * (k × up to four vectors) stays in L2 while every row of A passes over it. Every element of C is one chain
     * of multiply-adds in order of p, whichever micro-kernel, panel or thread computes it.
     */
    private void broadcastProduct(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff,
                                  int bRowStride, int bColStride, float[] c, int cOff, int ldc, int m, int n, int k,
                                  float alpha, float beta) {
        if (ldc == n) {
            scaleOutput(c, cOff, m * n, beta);
        } else {
            for (int i = 0; i < m; i++) {
                scaleOutput(c, cOff + i * ldc, n, beta);
            }
        }
        int vectorCols = n - n % L;
        int blockRows = m - m % 4;
        boolean packing = bColStride != 1 || m >= PACK_MIN_ROWS;
        float[] panel = packing ? PANEL.get().atLeast(4 * L * k) : null;
        boolean packA = m >= PACK_MIN_ROWS && colStride != 1;
        float[] pa = packA ? packRowBlocks(a, aOff, rowStride, colStride, blockRows, k) : a;
        int rs = packA ? 1 : rowStride, cs = packA ? 4 : colStride;
        for (int j = 0; j < vectorCols; ) {
            int width = vectorCols - j >= 4 * L ? 4 * L : vectorCols - j >= 2 * L ? 2 * L : L;
            float[] pb = b;
            int pOff = bOff + j, ldb = bRowStride;
            if (packing) {
                pack(b, bOff + j * bColStride, bRowStride, bColStride, k, width, panel);
                pb = panel;
                pOff = 0;
                ldb = width;
            }
            for (int i = 0; i < blockRows; i += 4) {
                int a0 = packA ? i * k : aOff + i * rowStride, c0 = cOff + i * ldc + j;
                switch (width / L) {
                    case 4 -> rows4x4(pa, a0, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
                    case 2 -> rows4x2(pa, a0, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
                    default -> rows4x1(pa, a0, rs, cs, pb, pOff, ldb, c, c0, ldc, k, alpha);
                }
            }
            for (int i = blockRows; i < m; i++) {
                for (int v = 0; v < width; v += L) {
                    rows1x1(a, aOff + i * rowStride, colStride, pb, pOff + v, ldb, c, cOff + i * ldc + j + v, k,
                            alpha);
                }
            }
            j += width;
        }
        for (int row = 0; row < m; row++) {
            for (int j = vectorCols; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    sum = fma(a[aOff + row * rowStride + p * colStride], b[bOff + p * bRowStride + j * bColStride], sum);
                }
                c[cOff + row * ldc + j] += alpha * sum;
            }
        }
    }

    /**
     * Copies the panel B(0..k, 0..width) (B(p, j) at b[bOff + p·rowStride + j·colStride]) into {@code panel}, its
     * rows end to end. Rows of B a multiple of 4 kB apart fall into the same few sets of the L1 cache and evict
     * each other; copied, they stream. A transposed B (A·Bᵀ's, rowStride 1) is turned in tiles of {@link #TILE}
     * values of p, four of its rows at a time, so that the lines read and written stay in L1 while a tile is turned.
     */
    private static void pack(float[] b, int bOff, int rowStride, int colStride, int k, int width, float[] panel) {
        if (colStride == 1) {
            for (int p = 0; p < k; p++) {
                System.arraycopy(b, bOff + p * rowStride, panel, p * width, width);
            }
            return;
        }
        for (int p0 = 0; p0 < k; p0 += TILE) {
            int p1 = Math.min(k, p0 + TILE);
            for (int j = 0; j < width; j += 4) {
                int r0 = bOff + j * colStride, r1 = r0 + colStride, r2 = r1 + colStride, r3 = r2 + colStride;
                for (int p = p0; p < p1; p++) {
                    int to = p * width + j;
                    panel[to] = b[r0 + p];
                    panel[to + 1] = b[r1 + p];
                    panel[to + 2] = b[r2 + p];
                    panel[to + 3] = b[r3 + p];
                }
            }
        }
    }

    /**
     * Copies A's rows, four at a time, into a per-thread scratch where block i/4 holds, for each p in turn, the four
     * elements A(i..i+3, p) side by side: for Aᵀ·B, whose A(i, p) run down a column of the stored matrix, a whole
     * row of C's stored matrix apart for each p.
     */
    private static float[] packRowBlocks(float[] a, int aOff, int rowStride, int colStride, int blockRows, int k) {
        float[] blocks = ROW_BLOCKS.get().atLeast(blockRows * k);
        for (int i = 0; i < blockRows; i += 4) {
            for (int p = 0; p < k; p++) {
                int from = aOff + i * rowStride + p * colStride, to = i * k + 4 * p;
                blocks[to] = a[from];
                blocks[to + 1] = a[from + rowStride];
                blocks[to + 2] = a[from + 2 * rowStride];
                blocks[to + 3] = a[from + 3 * rowStride];
            }
        }
        return blocks;
    }

    /** C = beta·C, with zeros (not 0·NaN) when beta is 0, before a product is added to it. */
    private void scaleOutput(float[] c, int off, int n, float beta) {
        if (beta == 0) {
            Arrays.fill(c, off, off + n, 0f);
        } else if (beta != 1) {
            scale(beta, c, off, n);
        }
    }

    /**
     * Four rows of C by four vectors of columns, starting at b[b0] and c[c0]: C += alpha·A·B. Sixteen
     * accumulators; each step loads four vectors of a row of B and broadcasts four values of A, so a load feeds
     * two FMAs.
     */
    private static void rows4x4(float[] a, int a0, int rowStride, int colStride, float[] b, int b0, int ldb,
                                float[] c, int c0, int n, int k, float alpha) {
        int a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
        FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00,
                s12 = s00, s13 = s00, s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00,
                s32 = s00, s33 = s00;
        for (int p = 0; p < k; p++) {
            int row = b0 + p * ldb, col = p * colStride;
            FloatVector y0 = FloatVector.fromArray(FLOATS, b, row);
            FloatVector y1 = FloatVector.fromArray(FLOATS, b, row + L);
            FloatVector y2 = FloatVector.fromArray(FLOATS, b, row + 2 * L);
            FloatVector y3 = FloatVector.fromArray(FLOATS, b, row + 3 * L);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + col]);
            s00 = FMA ? x0.fma(y0, s00) : x0.mul(y0).add(s00);
            s01 = FMA ? x0.fma(y1, s01) : x0.mul(y1).add(s01);
            s02 = FMA ? x0.fma(y2, s02) : x0.mul(y2).add(s02);
            s03 = FMA ? x0.fma(y3, s03) : x0.mul(y3).add(s03);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + col]);
            s10 = FMA ? x1.fma(y0, s10) : x1.mul(y0).add(s10);
            s11 = FMA ? x1.fma(y1, s11) : x1.mul(y1).add(s11);
            s12 = FMA ? x1.fma(y2, s12) : x1.mul(y2).add(s12);
            s13 = FMA ? x1.fma(y3, s13) : x1.mul(y3).add(s13);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + col]);
            s20 = FMA ? x2.fma(y0, s20) : x2.mul(y0).add(s20);
            s21 = FMA ? x2.fma(y1, s21) : x2.mul(y1).add(s21);
            s22 = FMA ? x2.fma(y2, s22) : x2.mul(y2).add(s22);
            s23 = FMA ? x2.fma(y3, s23) : x2.mul(y3).add(s23);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + col]);
            s30 = FMA ? x3.fma(y0, s30) : x3.mul(y0).add(s30);
            s31 = FMA ? x3.fma(y1, s31) : x3.mul(y1).add(s31);
            s32 = FMA ? x3.fma(y2, s32) : x3.mul(y2).add(s32);
            s33 = FMA ? x3.fma(y3, s33) : x3.mul(y3).add(s33);
        }
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
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

    /** Four rows of C by two vectors of columns, starting at b[b0] and c[c0]: C += alpha·A·B. */
    private static void rows4x2(float[] a, int a0, int rowStride, int colStride, float[] b, int b0, int ldb,
                                float[] c, int c0, int n, int k, float alpha) {
        int a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
        FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s10 = s00, s11 = s00,
                s20 = s00, s21 = s00, s30 = s00, s31 = s00;
        for (int p = 0; p < k; p++) {
            int row = b0 + p * ldb, col = p * colStride;
            FloatVector y0 = FloatVector.fromArray(FLOATS, b, row);
            FloatVector y1 = FloatVector.fromArray(FLOATS, b, row + L);
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + col]);
            s00 = FMA ? x0.fma(y0, s00) : x0.mul(y0).add(s00);
            s01 = FMA ? x0.fma(y1, s01) : x0.mul(y1).add(s01);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + col]);
            s10 = FMA ? x1.fma(y0, s10) : x1.mul(y0).add(s10);
            s11 = FMA ? x1.fma(y1, s11) : x1.mul(y1).add(s11);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + col]);
            s20 = FMA ? x2.fma(y0, s20) : x2.mul(y0).add(s20);
            s21 = FMA ? x2.fma(y1, s21) : x2.mul(y1).add(s21);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + col]);
            s30 = FMA ? x3.fma(y0, s30) : x3.mul(y0).add(s30);
            s31 = FMA ? x3.fma(y1, s31) : x3.mul(y1).add(s31);
        }
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        s00.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s01.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0 + L)).intoArray(c, c0 + L);
        s10.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1)).intoArray(c, c1);
        s11.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1 + L)).intoArray(c, c1 + L);
        s20.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2)).intoArray(c, c2);
        s21.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2 + L)).intoArray(c, c2 + L);
        s30.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3)).intoArray(c, c3);
        s31.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3 + L)).intoArray(c, c3 + L);
    }

    /** Four rows of C by one vector of columns: C += alpha·A·B. */
    private static void rows4x1(float[] a, int a0, int rowStride, int colStride, float[] b, int b0, int ldb,
                                float[] c, int c0, int n, int k, float alpha) {
        int a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
        FloatVector s0 = FloatVector.zero(FLOATS), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector y = FloatVector.fromArray(FLOATS, b, b0 + p * ldb);
            int col = p * colStride;
            FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + col]);
            FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + col]);
            FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + col]);
            FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + col]);
            s0 = FMA ? x0.fma(y, s0) : x0.mul(y).add(s0);
            s1 = FMA ? x1.fma(y, s1) : x1.mul(y).add(s1);
            s2 = FMA ? x2.fma(y, s2) : x2.mul(y).add(s2);
            s3 = FMA ? x3.fma(y, s3) : x3.mul(y).add(s3);
        }
        int c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        s0.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
        s1.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c1)).intoArray(c, c1);
        s2.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c2)).intoArray(c, c2);
        s3.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c3)).intoArray(c, c3);
    }

    /** One row of C by one vector of columns: C += alpha·A·B. */
    private static void rows1x1(float[] a, int a0, int colStride, float[] b, int b0, int ldb,
                                float[] c, int c0, int k, float alpha) {
        FloatVector s = FloatVector.zero(FLOATS);
        for (int p = 0; p < k; p++) {
            FloatVector x = FloatVector.broadcast(FLOATS, a[a0 + p * colStride]);
            FloatVector y = FloatVector.fromArray(FLOATS, b, b0 + p * ldb);
            s = FMA ? x.fma(y, s) : x.mul(y).add(s);
        }
        s.mul(alpha).add(FloatVector.fromArray(FLOATS, c, c0)).intoArray(c, c0);
    }

    /**
     * C = alpha·A·Bᵀ + beta·C: every element is a dot product of a row of A and a row of B. Four rows of A by
     * four rows of B share their loads in sixteen accumulators (then four by two); leftover rows and columns use
     * {@link #dot}. Rows of B go in panels of about {@link #PANEL_FLOATS} floats, the outer loop, so that a panel
     * stays in L2 while every row of A passes over it. Short rows ({@link #shortTransB}) and shapes where
     * {@link #transposesB} holds are built from a copy of Bᵀ instead.
     */
    @Override
    public void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        if (k < 2 * L) {
            shortTransB(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta);
            return;
        }
        if (transposesB(m, n, k)) {
            matmulTransBBlock(a, aOff, b, bOff, c, cOff, n, m, n, k, alpha, beta);
            return;
        }
        float[] lanes = LANES.get();
        int blockRows = m - m % 4, blockCols = n - n % 4;
        int panel = Math.max(4, PANEL_FLOATS / Math.max(1, k) / 4 * 4);
        for (int from = 0; from < blockCols; from += panel) {
            int to = Math.min(blockCols, from + panel);
            for (int i = 0; i < blockRows; i += 4) {
                for (int j = from; j < to; j += 4) {
                    dots4x4(a, aOff + i * k, b, bOff + j * k, k, c, cOff + i * n + j, n, alpha, beta, lanes);
                }
            }
        }
        for (int i = 0; i < blockRows; i += 4) {
            int j = blockCols;
            for (; j + 2 <= n; j += 2) {
                dots4x2(a, aOff + i * k, b, bOff + j * k, k, c, cOff + i * n + j, n, alpha, beta, lanes);
            }
            for (; j < n; j++) {
                for (int r = i; r < i + 4; r++) {
                    store(dot(a, aOff + r * k, b, bOff + j * k, k), c, cOff + r * n + j, alpha, beta);
                }
            }
        }
        for (int i = blockRows; i < m; i++) {
            for (int j = 0; j < n; j++) {
                store(dot(a, aOff + i * k, b, bOff + j * k, k), c, cOff + i * n + j, alpha, beta);
            }
        }
    }

    /**
     * True for products with many rows of at least two vectors and four vectors of columns: there copying Bᵀ,
     * panel by panel, costs less than the lane sums of dot products, so C is built like A·B.
     */
    @Override
    public boolean transposesB(int m, int n, int k) {
        return m >= TRANSPOSE_MIN_ROWS && n >= 4 * L && k >= 2 * L;
    }

    /** A·Bᵀ built like A·B from Bᵀ copied panel by panel: each element one chain of multiply-adds in order of p. */
    @Override
    public void matmulTransBBlock(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc,
                                  int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, k, 1, b, bOff, 1, k, c, cOff, ldc, m, n, k, alpha, beta);
    }

    /**
     * A·Bᵀ for rows shorter than two vectors (the 16-wide layers of small networks), where a dot product would
     * spend more on its lane sum than on its multiply-adds: Bᵀ is copied into a per-thread scratch, its rows
     * padded with zeros to whole vectors, and C is built like A·B, four rows by one vector of columns at a time,
     * each element accumulated in order of p. Sums go straight to C when alpha is 1 and beta 0 (the forward pass),
     * otherwise through {@link #store}.
     */
    private void shortTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        int width = (n + L - 1) / L * L;
        float[] bt = TRANSPOSED.get().atLeast(k * width + L);
        for (int p = 0; p < k; p++) {
            int row = p * width;
            for (int j = 0; j < n; j++) {
                bt[row + j] = b[bOff + j * k + p];
            }
            Arrays.fill(bt, row + n, row + width, 0f);
        }
        float[] part = bt;
        int partOff = k * width;
        boolean plain = alpha == 1 && beta == 0;
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int a0 = aOff + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
            for (int j = 0; j < width; j += L) {
                FloatVector s0 = FloatVector.zero(FLOATS), s1 = s0, s2 = s0, s3 = s0;
                for (int p = 0; p < k; p++) {
                    FloatVector y = FloatVector.fromArray(FLOATS, bt, p * width + j);
                    FloatVector x0 = FloatVector.broadcast(FLOATS, a[a0 + p]);
                    FloatVector x1 = FloatVector.broadcast(FLOATS, a[a1 + p]);
                    FloatVector x2 = FloatVector.broadcast(FLOATS, a[a2 + p]);
                    FloatVector x3 = FloatVector.broadcast(FLOATS, a[a3 + p]);
                    s0 = FMA ? x0.fma(y, s0) : x0.mul(y).add(s0);
                    s1 = FMA ? x1.fma(y, s1) : x1.mul(y).add(s1);
                    s2 = FMA ? x2.fma(y, s2) : x2.mul(y).add(s2);
                    s3 = FMA ? x3.fma(y, s3) : x3.mul(y).add(s3);
                }
                int cols = Math.min(L, n - j), c0 = cOff + i * n + j;
                if (cols == L && plain) {
                    s0.intoArray(c, c0);
                    s1.intoArray(c, c0 + n);
                    s2.intoArray(c, c0 + 2 * n);
                    s3.intoArray(c, c0 + 3 * n);
                } else {
                    s0.intoArray(part, partOff);
                    storePart(part, partOff, cols, c, c0, alpha, beta);
                    s1.intoArray(part, partOff);
                    storePart(part, partOff, cols, c, c0 + n, alpha, beta);
                    s2.intoArray(part, partOff);
                    storePart(part, partOff, cols, c, c0 + 2 * n, alpha, beta);
                    s3.intoArray(part, partOff);
                    storePart(part, partOff, cols, c, c0 + 3 * n, alpha, beta);
                }
            }
        }
        for (; i < m; i++) {
            int a0 = aOff + i * k;
            for (int j = 0; j < width; j += L) {
                FloatVector s = FloatVector.zero(FLOATS);
                for (int p = 0; p < k; p++) {
                    FloatVector x = FloatVector.broadcast(FLOATS, a[a0 + p]);
                    FloatVector y = FloatVector.fromArray(FLOATS, bt, p * width + j);
                    s = FMA ? x.fma(y, s) : x.mul(y).add(s);
                }
                int cols = Math.min(L, n - j), c0 = cOff + i * n + j;
                if (cols == L && plain) {
                    s.intoArray(c, c0);
                } else {
                    s.intoArray(part, partOff);
                    storePart(part, partOff, cols, c, c0, alpha, beta);
                }
            }
        }
    }

    /** The first {@code cols} sums in part[from..] stored into c[c0..] by {@link #store}. */
    private static void storePart(float[] part, int from, int cols, float[] c, int c0, float alpha, float beta) {
        for (int j = 0; j < cols; j++) {
            store(part[from + j], c, c0 + j, alpha, beta);
        }
    }

    /** Sixteen dot products at once: rows i..i+3 of A against rows j..j+3 of B, eight loads per sixteen FMAs. */
    private static void dots4x4(float[] a, int a0, float[] b, int b0, int k,
                                float[] c, int c0, int ldc, float alpha, float beta, float[] lanes) {
        int a1 = a0 + k, a2 = a1 + k, a3 = a2 + k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
        float t00 = 0, t01 = 0, t02 = 0, t03 = 0, t10 = 0, t11 = 0, t12 = 0, t13 = 0,
                t20 = 0, t21 = 0, t22 = 0, t23 = 0, t30 = 0, t31 = 0, t32 = 0, t33 = 0;
        int p = 0;
        if (k >= L) {
            FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00,
                    s12 = s00, s13 = s00, s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00,
                    s32 = s00, s33 = s00;
            for (int bound = FLOATS.loopBound(k); p < bound; p += L) {
                FloatVector y0 = FloatVector.fromArray(FLOATS, b, b0 + p);
                FloatVector y1 = FloatVector.fromArray(FLOATS, b, b1 + p);
                FloatVector y2 = FloatVector.fromArray(FLOATS, b, b2 + p);
                FloatVector y3 = FloatVector.fromArray(FLOATS, b, b3 + p);
                FloatVector x0 = FloatVector.fromArray(FLOATS, a, a0 + p);
                s00 = FMA ? x0.fma(y0, s00) : x0.mul(y0).add(s00);
                s01 = FMA ? x0.fma(y1, s01) : x0.mul(y1).add(s01);
                s02 = FMA ? x0.fma(y2, s02) : x0.mul(y2).add(s02);
                s03 = FMA ? x0.fma(y3, s03) : x0.mul(y3).add(s03);
                FloatVector x1 = FloatVector.fromArray(FLOATS, a, a1 + p);
                s10 = FMA ? x1.fma(y0, s10) : x1.mul(y0).add(s10);
                s11 = FMA ? x1.fma(y1, s11) : x1.mul(y1).add(s11);
                s12 = FMA ? x1.fma(y2, s12) : x1.mul(y2).add(s12);
                s13 = FMA ? x1.fma(y3, s13) : x1.mul(y3).add(s13);
                FloatVector x2 = FloatVector.fromArray(FLOATS, a, a2 + p);
                s20 = FMA ? x2.fma(y0, s20) : x2.mul(y0).add(s20);
                s21 = FMA ? x2.fma(y1, s21) : x2.mul(y1).add(s21);
                s22 = FMA ? x2.fma(y2, s22) : x2.mul(y2).add(s22);
                s23 = FMA ? x2.fma(y3, s23) : x2.mul(y3).add(s23);
                FloatVector x3 = FloatVector.fromArray(FLOATS, a, a3 + p);
                s30 = FMA ? x3.fma(y0, s30) : x3.mul(y0).add(s30);
                s31 = FMA ? x3.fma(y1, s31) : x3.mul(y1).add(s31);
                s32 = FMA ? x3.fma(y2, s32) : x3.mul(y2).add(s32);
                s33 = FMA ? x3.fma(y3, s33) : x3.mul(y3).add(s33);
            }
            s00.intoArray(lanes, 0);
            s01.intoArray(lanes, L);
            s02.intoArray(lanes, 2 * L);
            s03.intoArray(lanes, 3 * L);
            s10.intoArray(lanes, 4 * L);
            s11.intoArray(lanes, 5 * L);
            s12.intoArray(lanes, 6 * L);
            s13.intoArray(lanes, 7 * L);
            s20.intoArray(lanes, 8 * L);
            s21.intoArray(lanes, 9 * L);
            s22.intoArray(lanes, 10 * L);
            s23.intoArray(lanes, 11 * L);
            s30.intoArray(lanes, 12 * L);
            s31.intoArray(lanes, 13 * L);
            s32.intoArray(lanes, 14 * L);
            s33.intoArray(lanes, 15 * L);
            t00 = sumLanes(lanes, 0);
            t01 = sumLanes(lanes, L);
            t02 = sumLanes(lanes, 2 * L);
            t03 = sumLanes(lanes, 3 * L);
            t10 = sumLanes(lanes, 4 * L);
            t11 = sumLanes(lanes, 5 * L);
            t12 = sumLanes(lanes, 6 * L);
            t13 = sumLanes(lanes, 7 * L);
            t20 = sumLanes(lanes, 8 * L);
            t21 = sumLanes(lanes, 9 * L);
            t22 = sumLanes(lanes, 10 * L);
            t23 = sumLanes(lanes, 11 * L);
            t30 = sumLanes(lanes, 12 * L);
            t31 = sumLanes(lanes, 13 * L);
            t32 = sumLanes(lanes, 14 * L);
            t33 = sumLanes(lanes, 15 * L);
        }
        for (; p < k; p++) {
            float y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
            float x0 = a[a0 + p];
            t00 = fma(x0, y0, t00);
            t01 = fma(x0, y1, t01);
            t02 = fma(x0, y2, t02);
            t03 = fma(x0, y3, t03);
            float x1 = a[a1 + p];
            t10 = fma(x1, y0, t10);
            t11 = fma(x1, y1, t11);
            t12 = fma(x1, y2, t12);
            t13 = fma(x1, y3, t13);
            float x2 = a[a2 + p];
            t20 = fma(x2, y0, t20);
            t21 = fma(x2, y1, t21);
            t22 = fma(x2, y2, t22);
            t23 = fma(x2, y3, t23);
            float x3 = a[a3 + p];
            t30 = fma(x3, y0, t30);
            t31 = fma(x3, y1, t31);
            t32 = fma(x3, y2, t32);
            t33 = fma(x3, y3, t33);
        }
        int r0 = c0, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        store(t00, c, r0, alpha, beta);
        store(t01, c, r0 + 1, alpha, beta);
        store(t02, c, r0 + 2, alpha, beta);
        store(t03, c, r0 + 3, alpha, beta);
        store(t10, c, r1, alpha, beta);
        store(t11, c, r1 + 1, alpha, beta);
        store(t12, c, r1 + 2, alpha, beta);
        store(t13, c, r1 + 3, alpha, beta);
        store(t20, c, r2, alpha, beta);
        store(t21, c, r2 + 1, alpha, beta);
        store(t22, c, r2 + 2, alpha, beta);
        store(t23, c, r2 + 3, alpha, beta);
        store(t30, c, r3, alpha, beta);
        store(t31, c, r3 + 1, alpha, beta);
        store(t32, c, r3 + 2, alpha, beta);
        store(t33, c, r3 + 3, alpha, beta);
    }

    private static void dots4x2(float[] a, int a0, float[] b, int b0, int k,
                                float[] c, int c0, int ldc, float alpha, float beta, float[] lanes) {
        int a1 = a0 + k, a2 = a1 + k, a3 = a2 + k, b1 = b0 + k;
        float t00 = 0, t01 = 0, t10 = 0, t11 = 0, t20 = 0, t21 = 0, t30 = 0, t31 = 0;
        int p = 0;
        if (k >= L) {
            FloatVector s00 = FloatVector.zero(FLOATS), s01 = s00, s10 = s00, s11 = s00,
                    s20 = s00, s21 = s00, s30 = s00, s31 = s00;
            for (int bound = FLOATS.loopBound(k); p < bound; p += L) {
                FloatVector y0 = FloatVector.fromArray(FLOATS, b, b0 + p);
                FloatVector y1 = FloatVector.fromArray(FLOATS, b, b1 + p);
                FloatVector x0 = FloatVector.fromArray(FLOATS, a, a0 + p);
                s00 = FMA ? x0.fma(y0, s00) : x0.mul(y0).add(s00);
                s01 = FMA ? x0.fma(y1, s01) : x0.mul(y1).add(s01);
                FloatVector x1 = FloatVector.fromArray(FLOATS, a, a1 + p);
                s10 = FMA ? x1.fma(y0, s10) : x1.mul(y0).add(s10);
                s11 = FMA ? x1.fma(y1, s11) : x1.mul(y1).add(s11);
                FloatVector x2 = FloatVector.fromArray(FLOATS, a, a2 + p);
                s20 = FMA ? x2.fma(y0, s20) : x2.mul(y0).add(s20);
                s21 = FMA ? x2.fma(y1, s21) : x2.mul(y1).add(s21);
                FloatVector x3 = FloatVector.fromArray(FLOATS, a, a3 + p);
                s30 = FMA ? x3.fma(y0, s30) : x3.mul(y0).add(s30);
                s31 = FMA ? x3.fma(y1, s31) : x3.mul(y1).add(s31);
            }
            s00.intoArray(lanes, 0);
            s01.intoArray(lanes, L);
            s10.intoArray(lanes, 2 * L);
            s11.intoArray(lanes, 3 * L);
            s20.intoArray(lanes, 4 * L);
            s21.intoArray(lanes, 5 * L);
            s30.intoArray(lanes, 6 * L);
            s31.intoArray(lanes, 7 * L);
            t00 = sumLanes(lanes, 0);
            t01 = sumLanes(lanes, L);
            t10 = sumLanes(lanes, 2 * L);
            t11 = sumLanes(lanes, 3 * L);
            t20 = sumLanes(lanes, 4 * L);
            t21 = sumLanes(lanes, 5 * L);
            t30 = sumLanes(lanes, 6 * L);
            t31 = sumLanes(lanes, 7 * L);
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
                acc = acc.add(FloatVector.fromArray(FLOATS, a, aOff + i * cols + j));
            }
            if (beta != 0) {
                acc = FloatVector.fromArray(FLOATS, out, outOff + j).mul(beta).add(acc);
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
            FloatVector.fromArray(FLOATS, x, off + i).max(0f).intoArray(x, off + i);
        }
        tails.relu(x, off + i, n - i);
    }

    @Override
    public void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        int i = 0;
        FloatVector zero = FloatVector.zero(FLOATS);
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            VectorMask<Float> active = FloatVector.fromArray(FLOATS, out, outOff + i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(FLOATS, grad, gOff + i), active).intoArray(grad, gOff + i);
        }
        tails.reluBackward(out, outOff + i, grad, gOff + i, n - i);
    }

    @Override
    public void leakyRelu(float[] x, int off, int n, float slope) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector xi = FloatVector.fromArray(FLOATS, x, off + i);
            xi.mul(slope).blend(xi, xi.compare(VectorOperators.GT, 0f)).intoArray(x, off + i);
        }
        tails.leakyRelu(x, off + i, n - i, slope);
    }

    @Override
    public void leakyReluBackward(float[] out, int outOff, float[] grad, int gOff, int n, float slope) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            VectorMask<Float> active = FloatVector.fromArray(FLOATS, out, outOff + i).compare(VectorOperators.GT, 0f);
            FloatVector g = FloatVector.fromArray(FLOATS, grad, gOff + i);
            g.mul(slope).blend(g, active).intoArray(grad, gOff + i);
        }
        tails.leakyReluBackward(out, outOff + i, grad, gOff + i, n - i, slope);
    }

    @Override
    public void sigmoid(float[] x, int off, int n) {
        exp(x, off, n, -1f, 0f);
        FloatVector one = FloatVector.broadcast(FLOATS, 1f);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            one.div(FloatVector.fromArray(FLOATS, x, off + i).add(one)).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] = 1f / (1f + x[off + i]);
        }
    }

    @Override
    public void sigmoidBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector a = FloatVector.fromArray(FLOATS, out, outOff + i);
            FloatVector.fromArray(FLOATS, grad, gOff + i).mul(a.mul(a.neg().add(1f))).intoArray(grad, gOff + i);
        }
        tails.sigmoidBackward(out, outOff + i, grad, gOff + i, n - i);
    }

    @Override
    public void tanh(float[] x, int off, int n) {
        exp(x, off, n, 2f, 0f);
        FloatVector one = FloatVector.broadcast(FLOATS, 1f);
        FloatVector two = FloatVector.broadcast(FLOATS, 2f);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            one.sub(two.div(FloatVector.fromArray(FLOATS, x, off + i).add(one))).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] = 1f - 2f / (x[off + i] + 1f);
        }
    }

    @Override
    public void tanhBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        FloatVector one = FloatVector.broadcast(FLOATS, 1f);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector a = FloatVector.fromArray(FLOATS, out, outOff + i);
            FloatVector derivative = FMA ? a.neg().fma(a, one) : a.neg().mul(a).add(one);
            FloatVector.fromArray(FLOATS, grad, gOff + i).mul(derivative).intoArray(grad, gOff + i);
        }
        tails.tanhBackward(out, outOff + i, grad, gOff + i, n - i);
    }

    /** {@link ScalarKernels#exp} on a vector at a time, step for step, so the two give the same bits. */
    @Override
    public void exp(float[] x, int off, int n, float scale, float shift) {
        if (n < L) {
            tails.exp(x, off, n, scale, shift); // no vector to fill: skip the constants too
            return;
        }
        FloatVector log2e = FloatVector.broadcast(FLOATS, ScalarKernels.LOG2_E);
        FloatVector rounder = FloatVector.broadcast(FLOATS, ScalarKernels.ROUNDER);
        FloatVector ln2Hi = FloatVector.broadcast(FLOATS, -ScalarKernels.LN2_HI);
        FloatVector ln2Lo = FloatVector.broadcast(FLOATS, -ScalarKernels.LN2_LO);
        FloatVector c7 = FloatVector.broadcast(FLOATS, ScalarKernels.C7);
        FloatVector c6 = FloatVector.broadcast(FLOATS, ScalarKernels.C6);
        FloatVector c5 = FloatVector.broadcast(FLOATS, ScalarKernels.C5);
        FloatVector c4 = FloatVector.broadcast(FLOATS, ScalarKernels.C4);
        FloatVector c3 = FloatVector.broadcast(FLOATS, ScalarKernels.C3);
        FloatVector c2 = FloatVector.broadcast(FLOATS, ScalarKernels.C2);
        FloatVector one = FloatVector.broadcast(FLOATS, 1f);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector arg = FloatVector.fromArray(FLOATS, x, off + i).mul(scale).add(shift);
            FloatVector z = arg.max(ScalarKernels.EXP_MIN).min(ScalarKernels.EXP_MAX);
            FloatVector t = FMA ? z.fma(log2e, rounder) : z.mul(log2e).add(rounder);
            FloatVector k = t.sub(rounder);
            FloatVector r = FMA ? k.fma(ln2Hi, z) : k.mul(ln2Hi).add(z);
            r = FMA ? k.fma(ln2Lo, r) : k.mul(ln2Lo).add(r);
            FloatVector p = FMA ? c7.fma(r, c6) : c7.mul(r).add(c6);
            p = FMA ? p.fma(r, c5) : p.mul(r).add(c5);
            p = FMA ? p.fma(r, c4) : p.mul(r).add(c4);
            p = FMA ? p.fma(r, c3) : p.mul(r).add(c3);
            p = FMA ? p.fma(r, c2) : p.mul(r).add(c2);
            p = FMA ? p.fma(r, one) : p.mul(r).add(one);
            p = FMA ? p.fma(r, one) : p.mul(r).add(one);
            IntVector exponent = ((IntVector) t.reinterpretAsInts())
                    .sub(ScalarKernels.ROUNDER_BITS - 127).lanewise(VectorOperators.LSHL, 23);
            p.mul(exponent.reinterpretAsFloats()).blend(0f, arg.compare(VectorOperators.LT, ScalarKernels.EXP_MIN))
                    .intoArray(x, off + i);
        }
        tails.exp(x, off + i, n - i, scale, shift);
    }

    @Override
    public float softmax(float[] x, int off, int n) {
        float max = max(x, off, n);
        exp(x, off, n, 1f, -max);
        float sum = sum(x, off, n);
        scale(1f / sum, x, off, n);
        return max + (float) Math.log(sum);
    }

    /**
     * Rows shorter than a vector (ten classes) would each take the scalar exponential: instead every row is shifted
     * by its maximum, then one vector exponential covers the whole matrix. The subtraction is the one
     * {@link #softmax} makes inside its exponential, so the values are the same.
     */
    @Override
    public void softmaxRows(float[] x, int off, int rows, int cols, float[] lse, int lseOff) {
        if (cols >= L) {
            for (int r = 0; r < rows; r++) {
                lse[lseOff + r] = softmax(x, off + r * cols, cols);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            float max = max(x, row, cols);
            lse[lseOff + r] = max;
            for (int j = row; j < row + cols; j++) {
                x[j] -= max;
            }
        }
        exp(x, off, rows * cols, 1f, 0f);
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            float sum = sum(x, row, cols);
            scale(1f / sum, x, row, cols);
            lse[lseOff + r] += (float) Math.log(sum);
        }
    }

    @Override
    public void momentum(float[] w, float[] g, float[] v, int off, int n, float mu, float lr) {
        FloatVector muV = FloatVector.broadcast(FLOATS, mu), minusLr = FloatVector.broadcast(FLOATS, -lr);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            int at = off + i;
            FloatVector gi = FloatVector.fromArray(FLOATS, g, at);
            FloatVector vOld = FloatVector.fromArray(FLOATS, v, at);
            FloatVector vi = FMA ? muV.fma(vOld, gi) : muV.mul(vOld).add(gi);
            vi.intoArray(v, at);
            FloatVector wi = FloatVector.fromArray(FLOATS, w, at);
            (FMA ? minusLr.fma(vi, wi) : minusLr.mul(vi).add(wi)).intoArray(w, at);
        }
        tails.momentum(w, g, v, off + i, n - i, mu, lr);
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
            FloatVector gi = FloatVector.fromArray(FLOATS, g, at);
            FloatVector mOld = FloatVector.fromArray(FLOATS, m, at);
            FloatVector vOld = FloatVector.fromArray(FLOATS, v, at);
            FloatVector mi = FMA ? b1.fma(mOld, gi.mul(oneMinusBeta1)) : b1.mul(mOld).add(gi.mul(oneMinusBeta1));
            FloatVector vi = FMA ? b2.fma(vOld, gi.mul(gi).mul(oneMinusBeta2))
                    : b2.mul(vOld).add(gi.mul(gi).mul(oneMinusBeta2));
            mi.intoArray(m, at);
            vi.intoArray(v, at);
            FloatVector denominator = FMA ? vi.sqrt().fma(vs, eps) : vi.sqrt().mul(vs).add(eps);
            FloatVector.fromArray(FLOATS, w, at).sub(mi.mul(stepSize).div(denominator)).intoArray(w, at);
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

    @Override
    public float fmaPeakLoop(long iterations) {
        FloatVector m = FloatVector.broadcast(FLOATS, 0.999f), h = FloatVector.broadcast(FLOATS, 0.5f);
        FloatVector s0 = FloatVector.broadcast(FLOATS, 1f), s1 = s0.add(1f), s2 = s0.add(2f), s3 = s0.add(3f),
                s4 = s0.add(4f), s5 = s0.add(5f), s6 = s0.add(6f), s7 = s0.add(7f), s8 = s0.add(8f), s9 = s0.add(9f),
                s10 = s0.add(10f), s11 = s0.add(11f);
        for (long i = 0; i < iterations; i++) {
            s0 = s0.fma(m, h);
            s1 = s1.fma(m, h);
            s2 = s2.fma(m, h);
            s3 = s3.fma(m, h);
            s4 = s4.fma(m, h);
            s5 = s5.fma(m, h);
            s6 = s6.fma(m, h);
            s7 = s7.fma(m, h);
            s8 = s8.fma(m, h);
            s9 = s9.fma(m, h);
            s10 = s10.fma(m, h);
            s11 = s11.fma(m, h);
        }
        float[] lanes = LANES.get();
        s0.add(s1).add(s2).add(s3).add(s4).add(s5).add(s6).add(s7).add(s8).add(s9).add(s10).add(s11)
                .intoArray(lanes, 0);
        return sumLanes(lanes, 0);
    }

    @Override
    public int peakLanes() {
        return L;
    }
}
