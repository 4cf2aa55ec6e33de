package dev.nn.simd.internal;

import dev.nn.simd.BlockOp;

/**
 * The three products, whole: the cases that need no arithmetic (alpha = 0, k = 0, empty C), then either one
 * call of the implementation's {@link Products} on the caller, or, for a large product on a {@link Team}, a
 * fixed partition of C run as a parallel-for. The partition depends on the shape alone: blocks of whole rows
 * (a multiple of four, so every row goes through the same micro-kernel), or, for an A·Bᵀ built column-wise,
 * runs of {@link #COLUMN_RUN} columns. The method of an A·Bᵀ is chosen once for the whole product. Every element
 * is thus computed by the same operations at any thread count. A {@link BlockOp} given with a product runs on
 * each block, on the thread that computes it.
 */
public final class ProductEngine {

    /** Products below this many multiply-adds stay on the caller: waking a helper costs more. */
    static final long MIN_SPLIT_WORK = 1L << 21;
    /** The least work of a part, in multiply-adds. */
    static final long PART_WORK = 1L << 20;
    /** The most parts a product is split into. */
    static final int MAX_PARTS = 8;
    /**
     * The fewest rows of a part split by rows, when the product has rows enough for two: fewer would not pay for
     * packing B (a part of fewer rows reads B in place, where rows of B a multiple of 4 kB apart evict each other
     * from L1).
     */
    static final int MIN_PART_ROWS = 64;
    /** Columns per run when an A·Bᵀ is split by columns. */
    static final int COLUMN_RUN = 64;

    private static final int AB = 0, ATB = 1, ABT = 2;

    private final Products products;
    private final ThreadLocal<ProductTask> tasks = ThreadLocal.withInitial(ProductTask::new);

    /** The engine over one implementation's products. */
    public ProductEngine(Products products) {
        this.products = products;
    }

    /** C(m×n) = alpha·A(m×k)·B(k×n) + beta·C; {@code team} may be null (the caller alone). */
    public void ab(Team team, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                   int ldc, int m, int n, int k, float alpha, float beta) {
        run(AB, team, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, null);
    }

    /** {@code prepare} on A (stored k×m) block by block, then C(m×n) = alpha·Aᵀ·B + beta·C. */
    public void atb(Team team, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                    int ldc, int m, int n, int k, float alpha, float beta, BlockOp prepare) {
        run(ATB, team, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, prepare);
    }

    /** C(m×n) = alpha·A·Bᵀ + beta·C (B stored n×k), then {@code finish} on C block by block. */
    public void abt(Team team, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                    int ldc, int m, int n, int k, float alpha, float beta, BlockOp finish) {
        run(ABT, team, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, finish);
    }

    private void run(int kind, Team team, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c,
                     int cOff, int ldc, int m, int n, int k, float alpha, float beta, BlockOp op) {
        if (m == 0 || n == 0) {
            return;
        }
        if (alpha == 0 || k == 0) {
            if (kind == ATB && op != null && k > 0) {
                op.apply(a, aOff, lda, k, m, 0);
            }
            scale(c, cOff, ldc, m, n, beta);
            if (kind == ABT && op != null) {
                op.apply(c, cOff, ldc, m, n, 0);
            }
            return;
        }
        int method = kind == ABT ? products.abtMethod(m, n, k) : 0;
        long work = (long) m * n * k;
        if (team == null || team.threads() == 1 || team.isClosed() || work < MIN_SPLIT_WORK) {
            block(kind, method, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, op, 0);
            return;
        }
        boolean byColumns = kind == ABT && products.abtSplitsColumns(method);
        int size = byColumns
                ? roundUp(Math.max(ceilDiv(n, MAX_PARTS), ceilDiv(PART_WORK, (long) m * k)), COLUMN_RUN)
                : rowsPerPart(m, n, k);
        int parts = ceilDiv(byColumns ? n : m, size);
        ProductTask task = tasks.get();
        if (task.busy) {
            task = new ProductTask(); // a product started from inside a block op of another on this thread
        }
        task.set(kind, method, byColumns, size, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, op);
        try {
            team.run(task, parts);
        } finally {
            task.clear();
        }
    }

    /** One block of C on this thread: rows (or, by columns, columns) from {@code first} on, with its block op. */
    private void block(int kind, int method, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c,
                       int cOff, int ldc, int m, int n, int k, float alpha, float beta, BlockOp op, int first) {
        switch (kind) {
            case AB -> products.ab(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
            case ATB -> {
                if (op != null) {
                    op.apply(a, aOff, lda, k, m, first);
                }
                products.atb(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
            }
            default -> {
                products.abt(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, method);
                if (op != null) {
                    op.apply(c, cOff, ldc, m, n, first);
                }
            }
        }
    }

    /**
     * Rows of a part: a multiple of four, at most {@link #MAX_PARTS} parts, at least {@link #PART_WORK} each, and
     * when there are rows enough for two, at least {@link #MIN_PART_ROWS}.
     */
    private static int rowsPerPart(int m, int n, int k) {
        int rows = Math.max(ceilDiv(m, MAX_PARTS), ceilDiv(PART_WORK, (long) n * k));
        if (m >= 2 * MIN_PART_ROWS) {
            rows = Math.max(rows, MIN_PART_ROWS);
        }
        return roundUp(rows, 4);
    }

    /** C = beta·C, zeros when beta is 0 (C not read), nothing when beta is 1. */
    private static void scale(float[] c, int cOff, int ldc, int m, int n, float beta) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = row; j < row + n; j++) {
                c[j] = beta == 0 ? 0f : beta * c[j];
            }
        }
    }

    private static int ceilDiv(long a, long b) {
        return (int) Math.min(Integer.MAX_VALUE, (a + b - 1) / b);
    }

    private static int roundUp(int value, int multiple) {
        return (int) Math.min(Integer.MAX_VALUE, ((long) value + multiple - 1) / multiple * multiple);
    }

    /** A product in flight: its operands, set before each run, and how part i finds its block. */
    private final class ProductTask extends Team.Task {
        private int kind, method, size;
        private boolean byColumns, busy;
        private float[] a, b, c;
        private int aOff, lda, bOff, ldb, cOff, ldc, m, n, k;
        private float alpha, beta;
        private BlockOp op;

        void set(int kind, int method, boolean byColumns, int size, float[] a, int aOff, int lda, float[] b, int bOff,
                 int ldb, float[] c, int cOff, int ldc, int m, int n, int k, float alpha, float beta, BlockOp op) {
            this.kind = kind;
            this.method = method;
            this.byColumns = byColumns;
            this.size = size;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.c = c;
            this.cOff = cOff;
            this.ldc = ldc;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.beta = beta;
            this.op = op;
            this.busy = true;
        }

        void clear() {
            a = b = c = null;
            op = null;
            busy = false;
        }

        @Override
        protected void part(int index, int parts) {
            int from = index * size;
            if (byColumns) {
                int cols = Math.min(n, from + size) - from;
                block(kind, method, a, aOff, lda, b, bOff + from * ldb, ldb, c, cOff + from, ldc, m, cols, k, alpha,
                        beta, op, from);
                return;
            }
            int rows = Math.min(m, from + size) - from;
            int aStart = kind == ATB ? aOff + from : aOff + from * lda;
            block(kind, method, a, aStart, lda, b, bOff, ldb, c, cOff + from * ldc, ldc, rows, n, k, alpha, beta, op,
                    kind == ATB ? from : 0);
        }
    }
}
