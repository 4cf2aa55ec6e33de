package dev.nn.core.loss;

import dev.nn.core.tensor.Matrix;
import dev.nn.simd.Kernels;

import java.util.Arrays;

/**
 * Softmax fused with categorical cross-entropy. Per sample with logits z and label y:
 * L = log Σⱼ exp(zⱼ) − z_y (computed with the maximum subtracted, so it never overflows), and
 * dL/dz = softmax(z) − onehot(y): no Jacobian is needed.
 */
public final class SoftmaxCrossEntropy implements Loss {

    /** The short name. */
    public static final String ID = "cce";

    /**
     * Each row's log-sum-exp, then each row's target logit; grown to the largest batch seen, so an instance serves
     * one thread at a time (every trainer makes its own).
     */
    private float[] rowScratch = new float[0];

    @Override
    public String id() {
        return ID;
    }

    /** {@inheritDoc} The derivation: docs/MATH.md#softmax-with-cross-entropy. */
    @Override
    public float forwardBackward(Matrix logits, int[] labels) {
        int rows = logits.rows();
        float total = softmaxRows(logits, labels);
        float[] z = logits.data();
        int cols = logits.cols();
        for (int r = 0; r < rows; r++) {
            z[r * cols + labels[r]] -= 1f;
        }
        Kernels.scale(1f / rows, z, 0, rows * cols);
        return total / rows;
    }

    @Override
    public float evaluate(Matrix logits, int[] labels) {
        return softmaxRows(logits, labels);
    }

    @Override
    public double referenceLoss(double[] logits, int label) {
        double max = Arrays.stream(logits).max().orElseThrow();
        double sum = 0;
        for (double z : logits) {
            sum += Math.exp(z - max);
        }
        return max + Math.log(sum) - logits[label];
    }

    /** Turns each row into probabilities and returns Σ (log-sum-exp − z_label). */
    private float softmaxRows(Matrix logits, int[] labels) {
        float[] z = logits.data();
        int rows = logits.rows(), cols = logits.cols();
        Loss.requireLabels(labels, rows, cols);
        if (rowScratch.length < 2 * rows) {
            rowScratch = new float[2 * rows];
        }
        for (int r = 0; r < rows; r++) {
            rowScratch[rows + r] = z[r * cols + labels[r]];
        }
        Kernels.softmaxRows(z, 0, rows, cols, rowScratch, 0);
        float total = 0;
        for (int r = 0; r < rows; r++) {
            total += rowScratch[r] - rowScratch[rows + r];
        }
        return total;
    }
}
