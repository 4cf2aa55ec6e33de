package dev.nn.core.loss;

import dev.nn.core.tensor.Matrix;
import dev.nn.simd.Kernels;

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

    /** Turns each row into probabilities and returns Σ (log-sum-exp − z_label). */
    private static float softmaxRows(Matrix logits, int[] labels) {
        float[] z = logits.data();
        int cols = logits.cols();
        float total = 0;
        for (int r = 0; r < logits.rows(); r++) {
            int row = r * cols;
            int label = labels[r];
            if (label < 0 || label >= cols) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (cols - 1));
            }
            float target = z[row + label];
            total += Kernels.softmax(z, row, cols) - target;
        }
        return total;
    }
}
