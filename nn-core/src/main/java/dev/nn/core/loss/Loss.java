package dev.nn.core.loss;

import dev.nn.core.tensor.Matrix;

import java.util.Arrays;

/**
 * A loss on the network's output logits (one row per sample) against integer class labels. Both methods work
 * in place on the logits buffer, so that training needs no extra batch-sized array.
 */
public interface Loss {

    /** The short name used in configs, flags and model files. */
    String id();

    /**
     * Replaces the logits by dLoss/dlogits of the batch's MEAN loss and returns that mean.
     */
    float forwardBackward(Matrix logits, int[] labels);

    /** Replaces the logits by the predicted class probabilities and returns the SUM of the samples' losses. */
    float evaluate(Matrix logits, int[] labels);

    /** One sample's loss for the given logits, in double precision: the reference of gradient checks. */
    double referenceLoss(double[] logits, int label);

    /** Checks that every label names an output column; an IllegalArgumentException names the first that does not. */
    static void requireLabels(int[] labels, int rows, int cols) {
        if (labels.length < rows) {
            throw new IllegalArgumentException("the batch has " + rows + " rows but only " + labels.length
                    + " labels");
        }
        for (int r = 0; r < rows; r++) {
            if (labels[r] < 0 || labels[r] >= cols) {
                throw new IllegalArgumentException("label " + labels[r] + " outside 0.." + (cols - 1));
            }
        }
    }

    /** softmax(z) in double, shifted by the maximum like the float kernel. */
    static double[] referenceSoftmax(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        double[] p = new double[z.length];
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            p[j] = Math.exp(z[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < z.length; j++) {
            p[j] /= sum;
        }
        return p;
    }
}
