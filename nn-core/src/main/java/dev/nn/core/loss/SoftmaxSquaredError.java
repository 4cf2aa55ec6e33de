package dev.nn.core.loss;

import dev.nn.core.tensor.Matrix;
import dev.nn.simd.Kernels;

/**
 * Softmax followed by the squared error against the one-hot label, the cost of the 3Blue1Brown videos:
 * per sample L = Σⱼ (pⱼ − yⱼ)² with p = softmax(z). Its gradient needs the softmax Jacobian:
 * with g = 2(p − y), dL/dzₖ = pₖ·(gₖ − Σⱼ gⱼpⱼ). Compare {@link SoftmaxCrossEntropy}, whose gradient is p − y:
 * when p is confidently wrong, pₖ makes this one small, which is why cross-entropy learns faster.
 */
public final class SoftmaxSquaredError implements Loss {

    /** The short name. */
    public static final String ID = "mse";

    @Override
    public String id() {
        return ID;
    }

    /** {@inheritDoc} The derivation: docs/MATH.md#mean-squared-error-for-comparison. */
    @Override
    public float forwardBackward(Matrix logits, int[] labels) {
        int rows = logits.rows();
        int cols = logits.cols();
        float[] z = logits.data();
        float total = evaluate(logits, labels);
        float scale = 2f / rows;
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            float dot = 0;
            for (int j = 0; j < cols; j++) {
                float p = z[row + j];
                dot += (p - target(j, labels[r])) * p;
            }
            for (int j = 0; j < cols; j++) {
                float p = z[row + j];
                z[row + j] = scale * p * (p - target(j, labels[r]) - dot);
            }
        }
        return total / rows;
    }

    @Override
    public float evaluate(Matrix logits, int[] labels) {
        int rows = logits.rows();
        int cols = logits.cols();
        Loss.requireLabels(labels, rows, cols);
        float[] z = logits.data();
        float total = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            Kernels.softmax(z, row, cols);
            for (int j = 0; j < cols; j++) {
                float d = z[row + j] - target(j, labels[r]);
                total += d * d;
            }
        }
        return total;
    }

    @Override
    public double referenceLoss(double[] logits, int label) {
        double[] p = Loss.referenceSoftmax(logits);
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            double d = p[j] - (j == label ? 1 : 0);
            sum += d * d;
        }
        return sum;
    }

    private static float target(int column, int label) {
        return column == label ? 1f : 0f;
    }
}
