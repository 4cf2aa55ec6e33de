package dev.nn.core.loss;

import dev.nn.core.tensor.Matrix;

import java.util.Locale;

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

    /** The loss named {@code id}: {@code cce} (softmax with categorical cross-entropy). */
    static Loss byId(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case SoftmaxCrossEntropy.ID -> new SoftmaxCrossEntropy();
            default -> throw new IllegalArgumentException("unknown loss '" + id + "' (known: " + ids() + ")");
        };
    }

    /** The known names, comma-separated. */
    static String ids() {
        return SoftmaxCrossEntropy.ID;
    }
}
