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
    private static float softmaxRows(Matrix logits, int[] labels) {
        float[] z = logits.data();
        int cols = logits.cols();
        Loss.requireLabels(labels, logits.rows(), cols);
        float total = 0;
        for (int r = 0; r < logits.rows(); r++) {
            int row = r * cols;
            float target = z[row + labels[r]];
            total += Kernels.softmax(z, row, cols) - target;
        }
        return total;
    }
}
