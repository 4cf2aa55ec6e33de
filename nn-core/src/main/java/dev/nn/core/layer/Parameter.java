package dev.nn.core.layer;

/**
 * A group of trainable values and the gradient of the loss with respect to them, same length.
 *
 * @param name where it lives, e.g. {@code layer1.weights}
 * @param value the values an optimiser updates
 * @param grad dLoss/dvalue, written by the layer's backward pass
 */
public record Parameter(String name, float[] value, float[] grad) {

    /** Checks that value and gradient have the same length. */
    public Parameter {
        if (value.length != grad.length) {
            throw new IllegalArgumentException(name + ": value and gradient lengths differ");
        }
    }

    /** Number of values. */
    public int size() {
        return value.length;
    }
}
