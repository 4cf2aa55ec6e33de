package dev.nn.core.layer;

import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;

import java.util.List;

/**
 * Inverted dropout on the inputs of a network's layers during training (Srivastava et al. 2014): each value of
 * the input and of every hidden layer's output is dropped (set to 0) with the layer's rate and otherwise scaled by
 * 1/(1 − rate), so that evaluation, which drops nothing, sees outputs of the same expected size. The masks of a
 * batch are drawn by {@link #draw} from one generator state, on the calling thread, so they do not depend on the
 * thread count; the buffers are made by {@link #prepare}, so a batch allocates nothing.
 *
 * <p>A value is dropped when 16 random bits fall below rate·65536 (rounded): the rate is kept to 1/131072.
 * The derivation: docs/MATH.md#dropout-and-weight-decay.
 */
public final class Dropout {

    private final int[] sizes;
    private final int[] thresholds;
    private final float[] keepScales;
    private final float[][] masks;
    private final Matrix[] dropped;
    private final Rng rng = new Rng(0);
    private int drawnRows;
    private int firstRow;

    /**
     * Dropout for a network of {@code layers}: {@code inputRate} on its input, {@code hiddenRate} on each hidden
     * layer's output; each in [0, 1), 0 for none.
     */
    public Dropout(List<? extends Layer> layers, float inputRate, float hiddenRate) {
        if (!(inputRate >= 0 && inputRate < 1) || !(hiddenRate >= 0 && hiddenRate < 1)) {
            throw new IllegalArgumentException("dropout rates must be in [0, 1), got " + inputRate + " and "
                    + hiddenRate);
        }
        int count = layers.size();
        sizes = new int[count];
        thresholds = new int[count];
        keepScales = new float[count];
        masks = new float[count][];
        dropped = new Matrix[count];
        for (int l = 0; l < count; l++) {
            float rate = l == 0 ? inputRate : hiddenRate;
            sizes[l] = layers.get(l).inputSize();
            thresholds[l] = Math.round(rate * 65536);
            keepScales[l] = 1f / (1f - rate);
            masks[l] = new float[0];
            dropped[l] = new Matrix(0, sizes[l]);
        }
    }

    /** The generator state of the masks of training step {@code step} of a run seeded {@code seed}. */
    public static long stateFor(long seed, long step) {
        long z = seed ^ 0xD1B54A32D192ED03L ^ step * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Makes room for batches of up to {@code maxRows} samples. */
    public void prepare(int maxRows) {
        for (int l = 0; l < sizes.length; l++) {
            if (thresholds[l] > 0 && dropped[l].capacityRows() < maxRows) {
                masks[l] = new float[Math.multiplyExact(maxRows, sizes[l])];
                dropped[l] = new Matrix(maxRows, sizes[l]);
            }
        }
    }

    /** Draws the masks of a batch of {@code rows} samples from generator state {@code state}. */
    public void draw(long state, int rows) {
        rng.setState(state);
        for (int l = 0; l < sizes.length; l++) {
            if (thresholds[l] == 0) {
                continue;
            }
            int n = rows * sizes[l];
            if (n > masks[l].length) {
                throw new IllegalArgumentException("a batch of " + rows + " rows, but dropout is prepared for "
                        + masks[l].length / sizes[l] + "; call prepare(" + rows + ") first");
            }
            float[] mask = masks[l];
            int threshold = thresholds[l];
            float keep = keepScales[l];
            for (int i = 0; i < n; i += 4) {
                long bits = rng.nextLong();
                for (int k = 0; k < 4 && i + k < n; k++) {
                    mask[i + k] = (int) (bits >>> 16 * k & 0xFFFF) < threshold ? 0f : keep;
                }
            }
        }
        drawnRows = rows;
        firstRow = 0;
    }

    /**
     * The masks from row {@code row} of the drawn batch on (a gradient check runs one sample at a time through the
     * masks of the whole batch); {@link #draw} starts again at row 0.
     */
    public void startAtRow(int row) {
        if (row < 0 || row >= Math.max(1, drawnRows)) {
            throw new IllegalArgumentException("row " + row + " of a batch of " + drawnRows);
        }
        firstRow = row;
    }

    /** The factor value {@code col} of sample {@code row} of layer {@code layer}'s input is multiplied by. */
    public float factor(int layer, int row, int col) {
        return thresholds[layer] == 0 ? 1f : masks[layer][row * sizes[layer] + col];
    }

    /** Layer {@code layer}'s input with the batch's mask applied: {@code x} itself when that layer drops nothing. */
    public Matrix apply(int layer, Matrix x) {
        if (thresholds[layer] == 0) {
            return x;
        }
        requireRows(x.rows());
        Matrix out = dropped[layer];
        out.setRows(x.rows());
        float[] in = x.data();
        float[] o = out.data();
        float[] mask = masks[layer];
        int n = x.rows() * sizes[layer];
        int m = firstRow * sizes[layer];
        for (int i = 0; i < n; i++) {
            o[i] = in[i] * mask[m + i];
        }
        return out;
    }

    /** Turns the gradient of layer {@code layer}'s masked input into that of its input, in place. */
    public void backward(int layer, Matrix grad) {
        if (thresholds[layer] == 0) {
            return;
        }
        requireRows(grad.rows());
        float[] g = grad.data();
        float[] mask = masks[layer];
        int n = grad.rows() * sizes[layer];
        int m = firstRow * sizes[layer];
        for (int i = 0; i < n; i++) {
            g[i] *= mask[m + i];
        }
    }

    private void requireRows(int rows) {
        if (firstRow + rows > drawnRows) {
            throw new IllegalArgumentException("masks were drawn for " + drawnRows + " rows, not " + (firstRow + rows)
                    + ": call draw first");
        }
    }
}
