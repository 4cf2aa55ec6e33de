package dev.nn.simd.internal;

/**
 * Adam's update, long byte-to-float conversions and long gathers of byte rows, split over a {@link Team} in a
 * fixed partition: runs of whole 64-element blocks (a multiple of every vector length, so each element goes
 * through the same code as on one thread), or runs of whole rows for a gather. Short ones stay on the caller.
 */
public final class RunEngine {

    /** Updates and conversions shorter than this stay on the caller. */
    static final int MIN_SPLIT = 1 << 16;
    /** The least elements (or gathered bytes) of a part. */
    static final int MIN_RUN = 1 << 14;
    /** The most parts. */
    static final int MAX_PARTS = 8;

    private final Updates updates;
    private final Conversions conversions;
    private final ThreadLocal<AdamTask> adamTasks = ThreadLocal.withInitial(AdamTask::new);
    private final ThreadLocal<ConversionTask> conversionTasks = ThreadLocal.withInitial(ConversionTask::new);
    private final ThreadLocal<GatherTask> gatherTasks = ThreadLocal.withInitial(GatherTask::new);

    /** The engine over one implementation's updates and conversions. */
    public RunEngine(Updates updates, Conversions conversions) {
        this.updates = updates;
        this.conversions = conversions;
    }

    /** {@link Updates#adam}, split when long and a team is given. */
    public void adam(Team team, float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                     int n, float beta1, float beta2, float stepSize, float vScale, float epsilon) {
        if (!splits(team, n)) {
            updates.adam(w, wOff, g, gOff, m, mOff, v, vOff, n, beta1, beta2, stepSize, vScale, epsilon);
            return;
        }
        AdamTask task = adamTasks.get();
        task.w = w;
        task.g = g;
        task.m = m;
        task.v = v;
        task.wOff = wOff;
        task.gOff = gOff;
        task.mOff = mOff;
        task.vOff = vOff;
        task.n = n;
        task.size = runSize(n);
        task.beta1 = beta1;
        task.beta2 = beta2;
        task.stepSize = stepSize;
        task.vScale = vScale;
        task.epsilon = epsilon;
        try {
            team.run(task, ceilDiv(n, task.size));
        } finally {
            task.w = task.g = task.m = task.v = null;
        }
    }

    /** {@link Conversions#unsignedBytesToFloats}, split when long and a team is given. */
    public void unsignedBytesToFloats(Team team, byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        if (!splits(team, n)) {
            conversions.unsignedBytesToFloats(src, srcOff, dst, dstOff, n, scale);
            return;
        }
        ConversionTask task = conversionTasks.get();
        task.src = src;
        task.dst = dst;
        task.srcOff = srcOff;
        task.dstOff = dstOff;
        task.n = n;
        task.size = runSize(n);
        task.scale = scale;
        try {
            team.run(task, ceilDiv(n, task.size));
        } finally {
            task.src = null;
            task.dst = null;
        }
    }

    /** {@link Conversions#unsignedByteRowsToFloats}, split by rows when long and a team is given. */
    public void unsignedByteRowsToFloats(Team team, byte[] src, int length, int[] rows, int rowsOff, int n,
                                         float[] dst, int dstOff, float scale) {
        if (!splits(team, (long) n * length) || n < 2) {
            conversions.unsignedByteRowsToFloats(src, length, rows, rowsOff, n, dst, dstOff, scale);
            return;
        }
        GatherTask task = gatherTasks.get();
        task.src = src;
        task.rows = rows;
        task.dst = dst;
        task.length = length;
        task.rowsOff = rowsOff;
        task.n = n;
        task.dstOff = dstOff;
        task.scale = scale;
        task.size = Math.max(ceilDiv(n, MAX_PARTS), ceilDiv(MIN_RUN, length));
        try {
            team.run(task, ceilDiv(n, task.size));
        } finally {
            task.src = null;
            task.rows = null;
            task.dst = null;
        }
    }

    private static boolean splits(Team team, long n) {
        return team != null && team.threads() > 1 && !team.isClosed() && n >= MIN_SPLIT;
    }

    /** Elements per run: whole 64-element blocks, at least {@link #MIN_RUN}, at most {@link #MAX_PARTS} runs. */
    private static int runSize(int n) {
        int size = Math.max(ceilDiv(n, MAX_PARTS), MIN_RUN);
        return (size + 63) / 64 * 64;
    }

    private static int ceilDiv(long a, long b) {
        return (int) ((a + b - 1) / b);
    }

    private final class AdamTask extends Team.Task {
        float[] w, g, m, v;
        int wOff, gOff, mOff, vOff, n, size;
        float beta1, beta2, stepSize, vScale, epsilon;

        @Override
        protected void part(int index, int parts) {
            int from = index * size, count = Math.min(n, from + size) - from;
            updates.adam(w, wOff + from, g, gOff + from, m, mOff + from, v, vOff + from, count, beta1, beta2,
                    stepSize, vScale, epsilon);
        }
    }

    private final class ConversionTask extends Team.Task {
        byte[] src;
        float[] dst;
        int srcOff, dstOff, n, size;
        float scale;

        @Override
        protected void part(int index, int parts) {
            int from = index * size, count = Math.min(n, from + size) - from;
            conversions.unsignedBytesToFloats(src, srcOff + from, dst, dstOff + from, count, scale);
        }
    }

    private final class GatherTask extends Team.Task {
        byte[] src;
        int[] rows;
        float[] dst;
        int length, rowsOff, n, dstOff, size;
        float scale;

        @Override
        protected void part(int index, int parts) {
            int from = index * size, count = Math.min(n, from + size) - from;
            conversions.unsignedByteRowsToFloats(src, length, rows, rowsOff + from, count, dst,
                    dstOff + from * length, scale);
        }
    }
}
