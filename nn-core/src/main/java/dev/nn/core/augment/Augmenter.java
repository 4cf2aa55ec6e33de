package dev.nn.core.augment;

import dev.nn.core.config.Augmentation;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.KernelThreads;

/**
 * Distorts every image of a training batch, each by a distortion drawn from the run's seed, the step and the
 * image's row alone: the same bits at any thread count and after a resume. With a team of threads the rows are
 * shared among them, each thread with buffers of its own. Every buffer is made here; a batch allocates nothing.
 */
public final class Augmenter extends KernelThreads.Parts {

    private final long seed;
    private final int pixels;
    private final KernelThreads threads;
    private final Distortion[] distortions;
    private final Rng[] rngs;
    private Matrix batch;
    private long step;

    /**
     * An augmenter of {@code settings} for images {@code height × width}, for a run seeded {@code seed}, sharing
     * each batch's rows among {@code threads} (null: the caller alone).
     */
    public Augmenter(Augmentation settings, long seed, int height, int width, KernelThreads threads) {
        if (!settings.on()) {
            throw new IllegalArgumentException("no distortion is on");
        }
        this.seed = seed;
        this.pixels = height * width;
        this.threads = threads;
        int parts = threads == null ? 1 : threads.count();
        this.distortions = new Distortion[parts];
        this.rngs = new Rng[parts];
        for (int p = 0; p < parts; p++) {
            distortions[p] = new Distortion(settings, height, width);
            rngs[p] = new Rng(0);
        }
    }

    /** Distorts the images in the rows of {@code batch}, the batch of training step {@code step}. */
    public void apply(Matrix batch, long step) {
        if (batch.cols() != pixels) {
            throw new IllegalArgumentException("the batch has " + batch.cols() + " values a row, the images "
                    + pixels);
        }
        this.batch = batch;
        this.step = step;
        int parts = Math.min(distortions.length, batch.rows());
        if (threads == null || parts <= 1) {
            part(0, 1);
        } else {
            threads.run(this, parts);
        }
        this.batch = null;
    }

    /** Rows index·rows/parts up to (index+1)·rows/parts, with part {@code index}'s own buffers. */
    @Override
    protected void part(int index, int parts) {
        int rows = batch.rows();
        float[] data = batch.data();
        Rng rng = rngs[index];
        for (int r = (int) ((long) index * rows / parts), end = (int) ((long) (index + 1) * rows / parts); r < end;
             r++) {
            rng.setState(stateFor(seed, step, r));
            distortions[index].apply(data, r * pixels, rng);
        }
    }

    /** The generator state for row {@code row} of step {@code step} of a run seeded {@code seed}. */
    static long stateFor(long seed, long step, int row) {
        long z = seed ^ 0x6A09E667F3BCC909L ^ step * 0x9E3779B97F4A7C15L ^ (row + 1L) * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
