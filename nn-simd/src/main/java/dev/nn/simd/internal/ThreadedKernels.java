package dev.nn.simd.internal;

import dev.nn.simd.BlockOp;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The kernels of another implementation, with the three matrix products split by rows of C over a team of
 * {@link Workers} when they are large enough to pay for it, Adam's update and long byte-to-float conversions
 * split by ranges of elements, and long gathers of byte rows by rows. The split is fixed: part i of p gets the
 * i-th run of ⌈m/p⌉ rows, rounded up to a multiple of 4 so that every row goes through the same micro-kernel as it
 * would on one thread; an A·Bᵀ that the inner kernels build from a copy of Bᵀ is split by columns instead, in
 * runs of 64, where every element is one chain of multiply-adds whichever part holds it: there each part takes
 * the runs of its own share, then any left in a share whose thread is behind. Each element of C is then computed
 * by exactly the same operations whatever the thread count and whichever thread computes it, so results are
 * bit-identical for 1, 2 or more threads. A {@link BlockOp} given with a product runs in each part, on that
 * part's block.
 */
final class ThreadedKernels implements KernelSupport {

    /** Products below this many multiply-adds stay on the calling thread: waking a helper costs more. */
    static final long MIN_WORK = 1L << 21;

    private final KernelSupport inner;
    /** Byte-to-float conversions shorter than this stay on the calling thread. */
    static final int MIN_CONVERSION = 1 << 17;
    /** Gathers of fewer bytes than this stay on the calling thread. */
    static final int MIN_GATHER = 1 << 16;
    /** Optimiser updates on fewer parameters than this stay on the calling thread. */
    static final int MIN_UPDATE = 1 << 16;

    private final ProductJob job = new ProductJob();
    private final AdamJob adamJob = new AdamJob();
    private final ConversionJob conversionJob = new ConversionJob();
    private final GatherJob gatherJob = new GatherJob();
    private volatile Workers workers;

    ThreadedKernels(KernelSupport inner) {
        this.inner = inner;
    }

    /** Uses {@code threads} threads (the caller included) for large products from now on. */
    synchronized void setThreads(int threads) {
        Workers old = workers;
        workers = threads > 1 ? new Workers(threads) : null;
        if (old != null) {
            old.shutdown();
        }
    }

    /** The thread count in use. */
    int threads() {
        Workers w = workers;
        return w == null ? 1 : w.count();
    }

    private boolean split(int m, int n, int k) {
        return workers != null && m >= 8 && (long) m * n * k >= MIN_WORK;
    }

    @Override
    public void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                       int m, int n, int k, float alpha, float beta) {
        if (split(m, n, k)) {
            job.run(workers, ProductJob.AB, a, aOff, m, b, bOff, c, cOff, m, n, k, alpha, beta, null);
        } else {
            inner.matmul(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta);
        }
    }

    @Override
    public void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        matmulTransA(a, aOff, m, b, bOff, c, cOff, m, n, k, alpha, beta);
    }

    @Override
    public void matmulTransA(float[] a, int aOff, int lda, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        if (split(m, n, k)) {
            job.run(workers, ProductJob.ATB, a, aOff, lda, b, bOff, c, cOff, m, n, k, alpha, beta, null);
        } else {
            inner.matmulTransA(a, aOff, lda, b, bOff, c, cOff, m, n, k, alpha, beta);
        }
    }

    @Override
    public void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta) {
        matmulTransB(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta, null);
    }

    /** A·Bᵀ, split when large enough, with {@code finish} on each part's block of C when it is not null. */
    @Override
    public void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta, BlockOp finish) {
        if (split(m, n, k)) {
            int op = inner.transposesB(m, n, k) ? ProductJob.ABT_COLUMNS : ProductJob.ABT;
            job.run(workers, op, a, aOff, m, b, bOff, c, cOff, m, n, k, alpha, beta, finish);
        } else if (finish == null) {
            inner.matmulTransB(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta);
        } else {
            inner.matmulTransB(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta, finish);
        }
    }

    @Override
    public void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
                             int m, int n, int k, float alpha, float beta, BlockOp prepare) {
        if (split(m, n, k)) {
            job.run(workers, ProductJob.ATB, a, aOff, m, b, bOff, c, cOff, m, n, k, alpha, beta, prepare);
        } else {
            inner.matmulTransA(a, aOff, b, bOff, c, cOff, m, n, k, alpha, beta, prepare);
        }
    }

    @Override
    public boolean transposesB(int m, int n, int k) {
        return inner.transposesB(m, n, k);
    }

    @Override
    public void matmulTransBBlock(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc,
                                 int m, int n, int k, float alpha, float beta) {
        inner.matmulTransBBlock(a, aOff, b, bOff, c, cOff, ldc, m, n, k, alpha, beta);
    }

    /**
     * One Adam update in flight, split into runs of whole 64-element blocks: each element is updated by the same
     * operations whichever thread does it.
     */
    private final class AdamJob implements Workers.Job {
        private float[] w, g, m, v;
        private int off, n;
        private float beta1, beta2, stepSize, vScale, epsilon;

        synchronized void run(Workers team, float[] w, float[] g, float[] m, float[] v, int off, int n, float beta1,
                              float beta2, float stepSize, float vScale, float epsilon) {
            this.w = w;
            this.g = g;
            this.m = m;
            this.v = v;
            this.off = off;
            this.n = n;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.stepSize = stepSize;
            this.vScale = vScale;
            this.epsilon = epsilon;
            team.run(this);
            this.w = null;
            this.g = null;
            this.m = null;
            this.v = null;
        }

        @Override
        public void part(int index, int parts) {
            int from = runStart(index, parts, n), to = runStart(index + 1, parts, n);
            if (from < to) {
                inner.adam(w, g, m, v, off + from, to - from, beta1, beta2, stepSize, vScale, epsilon);
            }
        }
    }

    /**
     * One product in flight: its operands, set before each dispatch, and how a part finds its rows, or for an
     * A·Bᵀ built from a copy of Bᵀ its columns (runs of {@link #COLUMN_RUN}), so that each thread copies only its
     * own rows of B. An A·Bᵀ part then applies the block op to its block of C; an Aᵀ·B part applies it first to
     * the columns of A its rows of C are made from.
     */
    private final class ProductJob implements Workers.Job {
        static final int AB = 0, ATB = 1, ABT = 2, ABT_COLUMNS = 3;
        static final int COLUMN_RUN = 64;
        private int kind;
        private float[] a, b, c;
        private int aOff, lda, bOff, cOff, m, n, k;
        private float alpha, beta;
        private BlockOp op;
        /** For A·Bᵀ by columns: runs of columns per part, and the next run each part's share has left. */
        private int runsPerPart;
        private AtomicIntegerArray nextRun = new AtomicIntegerArray(0);

        synchronized void run(Workers team, int kind, float[] a, int aOff, int lda, float[] b, int bOff, float[] c,
                              int cOff, int m, int n, int k, float alpha, float beta, BlockOp op) {
            this.kind = kind;
            this.op = op;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.c = c;
            this.cOff = cOff;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.beta = beta;
            if (kind == ABT_COLUMNS) {
                int parts = team.count();
                if (nextRun.length() < parts) {
                    nextRun = new AtomicIntegerArray(parts);
                }
                runsPerPart = ((n + parts - 1) / parts + COLUMN_RUN - 1) / COLUMN_RUN;
                for (int i = 0; i < parts; i++) {
                    nextRun.set(i, i * runsPerPart);
                }
            }
            team.run(this);
            this.a = null;
            this.b = null;
            this.c = null;
            this.op = null;
        }

        /**
         * Takes the runs of columns that part {@code owner} starts with, one at a time, until none is left: its own
         * first, then those of a part that is behind. Each run is computed the same way whoever takes it; the block
         * op runs on each stretch of adjacent runs one thread computed.
         */
        private void runColumns(int owner) {
            int end = Math.min(n, (owner + 1) * runsPerPart * COLUMN_RUN);
            int stretchFrom = 0, stretchTo = 0;
            for (int from = nextRun.getAndIncrement(owner) * COLUMN_RUN; from < end;
                 from = nextRun.getAndIncrement(owner) * COLUMN_RUN) {
                int to = Math.min(end, from + COLUMN_RUN);
                inner.matmulTransBBlock(a, aOff, b, bOff + from * k, c, cOff + from, n, m, to - from, k, alpha, beta);
                if (from != stretchTo) {
                    finish(stretchFrom, stretchTo);
                    stretchFrom = from;
                }
                stretchTo = to;
            }
            finish(stretchFrom, stretchTo);
        }

        private void finish(int from, int to) {
            if (op != null && from < to) {
                op.apply(c, cOff + from, n, m, to - from, from);
            }
        }

        @Override
        public void part(int index, int parts) {
            if (kind == ABT_COLUMNS) {
                for (int t = 0; t < parts; t++) {
                    runColumns((index + t) % parts);
                }
                return;
            }
            int rows = ((m + parts - 1) / parts + 3) / 4 * 4;
            int from = Math.min(m, index * rows);
            int to = Math.min(m, from + rows);
            if (from == to) {
                return;
            }
            int count = to - from;
            switch (kind) {
                case AB -> inner.matmul(a, aOff + from * k, b, bOff, c, cOff + from * n, count, n, k, alpha, beta);
                case ATB -> {
                    if (op != null) {
                        op.apply(a, aOff + from, lda, k, count, from);
                    }
                    inner.matmulTransA(a, aOff + from, lda, b, bOff, c, cOff + from * n, count, n, k, alpha, beta);
                }
                default -> {
                    inner.matmulTransB(a, aOff + from * k, b, bOff, c, cOff + from * n, count, n, k, alpha, beta);
                    if (op != null) {
                        op.apply(c, cOff + from * n, n, count, n, 0);
                    }
                }
            }
        }
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        return inner.dot(a, aOff, b, bOff, n);
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        inner.axpy(alpha, x, xOff, y, yOff, n);
    }

    @Override
    public void scale(float alpha, float[] x, int off, int n) {
        inner.scale(alpha, x, off, n);
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, int n) {
        inner.add(x, xOff, y, yOff, n);
    }

    @Override
    public float sum(float[] x, int off, int n) {
        return inner.sum(x, off, n);
    }

    @Override
    public float max(float[] x, int off, int n) {
        return inner.max(x, off, n);
    }

    @Override
    public int argmax(float[] x, int off, int n) {
        return inner.argmax(x, off, n);
    }

    @Override
    public void addRowVector(float[] v, int vOff, float[] c, int cOff, int rows, int cols) {
        inner.addRowVector(v, vOff, c, cOff, rows, cols);
    }

    @Override
    public void columnSums(float[] a, int aOff, int rows, int cols, float[] out, int outOff, float beta) {
        inner.columnSums(a, aOff, rows, cols, out, outOff, beta);
    }

    @Override
    public void relu(float[] x, int off, int n) {
        inner.relu(x, off, n);
    }

    @Override
    public void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        inner.reluBackward(out, outOff, grad, gOff, n);
    }

    @Override
    public void leakyRelu(float[] x, int off, int n, float slope) {
        inner.leakyRelu(x, off, n, slope);
    }

    @Override
    public void leakyReluBackward(float[] out, int outOff, float[] grad, int gOff, int n, float slope) {
        inner.leakyReluBackward(out, outOff, grad, gOff, n, slope);
    }

    @Override
    public void sigmoid(float[] x, int off, int n) {
        inner.sigmoid(x, off, n);
    }

    @Override
    public void sigmoidBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        inner.sigmoidBackward(out, outOff, grad, gOff, n);
    }

    @Override
    public void tanh(float[] x, int off, int n) {
        inner.tanh(x, off, n);
    }

    @Override
    public void tanhBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        inner.tanhBackward(out, outOff, grad, gOff, n);
    }

    @Override
    public void exp(float[] x, int off, int n, float scale, float shift) {
        inner.exp(x, off, n, scale, shift);
    }

    @Override
    public float softmax(float[] x, int off, int n) {
        return inner.softmax(x, off, n);
    }

    @Override
    public void softmaxRows(float[] x, int off, int rows, int cols, float[] lse, int lseOff) {
        inner.softmaxRows(x, off, rows, cols, lse, lseOff);
    }

    @Override
    public void adam(float[] w, float[] g, float[] m, float[] v, int off, int n, float beta1, float beta2,
                     float stepSize, float vScale, float epsilon) {
        if (workers != null && n >= MIN_UPDATE) {
            adamJob.run(workers, w, g, m, v, off, n, beta1, beta2, stepSize, vScale, epsilon);
        } else {
            inner.adam(w, g, m, v, off, n, beta1, beta2, stepSize, vScale, epsilon);
        }
    }

    @Override
    public void momentum(float[] w, float[] g, float[] v, int off, int n, float mu, float lr) {
        inner.momentum(w, g, v, off, n, mu, lr);
    }

    @Override
    public float fmaPeakLoop(long iterations) {
        return inner.fmaPeakLoop(iterations);
    }

    @Override
    public int peakLanes() {
        return inner.peakLanes();
    }

    @Override
    public void unsignedBytesToFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        if (workers != null && n >= MIN_CONVERSION) {
            conversionJob.run(workers, src, srcOff, dst, dstOff, n, scale);
        } else {
            inner.unsignedBytesToFloats(src, srcOff, dst, dstOff, n, scale);
        }
    }

    @Override
    public void unsignedByteRowsToFloats(byte[] src, int length, int[] rows, int rowsOff, int n, float[] dst,
                                         int dstOff, float scale) {
        if (workers != null && (long) n * length >= MIN_GATHER && n >= 2) {
            gatherJob.run(workers, src, length, rows, rowsOff, n, dst, dstOff, scale);
        } else {
            inner.unsignedByteRowsToFloats(src, length, rows, rowsOff, n, dst, dstOff, scale);
        }
    }

    /** One gather of byte rows in flight, split into runs of whole rows: each thread touches its own rows. */
    private final class GatherJob implements Workers.Job {
        private byte[] src;
        private int[] rows;
        private float[] dst;
        private int length, rowsOff, n, dstOff;
        private float scale;

        synchronized void run(Workers team, byte[] src, int length, int[] rows, int rowsOff, int n, float[] dst,
                              int dstOff, float scale) {
            this.src = src;
            this.length = length;
            this.rows = rows;
            this.rowsOff = rowsOff;
            this.n = n;
            this.dst = dst;
            this.dstOff = dstOff;
            this.scale = scale;
            team.run(this);
            this.src = null;
            this.rows = null;
            this.dst = null;
        }

        @Override
        public void part(int index, int parts) {
            int size = (n + parts - 1) / parts;
            int from = Math.min(n, index * size), to = Math.min(n, from + size);
            if (from < to) {
                inner.unsignedByteRowsToFloats(src, length, rows, rowsOff + from, to - from, dst,
                        dstOff + from * length, scale);
            }
        }
    }

    /**
     * Where part {@code index} of {@code parts} starts when n elements are split into runs of whole 64-element
     * blocks (part {@code parts} starts at n): each element goes through the same kernel code whatever the split.
     */
    private static int runStart(int index, int parts, int n) {
        int size = ((n + parts - 1) / parts + 63) / 64 * 64;
        return Math.min(n, index * size);
    }

    /** One conversion in flight, split by {@link #runStart}. */
    private final class ConversionJob implements Workers.Job {
        private byte[] src;
        private float[] dst;
        private int srcOff, dstOff, n;
        private float scale;

        synchronized void run(Workers team, byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
            this.src = src;
            this.srcOff = srcOff;
            this.dst = dst;
            this.dstOff = dstOff;
            this.n = n;
            this.scale = scale;
            team.run(this);
            this.src = null;
            this.dst = null;
        }

        @Override
        public void part(int index, int parts) {
            int from = runStart(index, parts, n), to = runStart(index + 1, parts, n);
            if (from < to) {
                inner.unsignedBytesToFloats(src, srcOff + from, dst, dstOff + from, to - from, scale);
            }
        }
    }
}
