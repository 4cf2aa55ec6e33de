package dev.nn.core.layer;

import dev.nn.core.tensor.Matrix;

import java.util.List;

/**
 * One stage of a network, working on a batch at a time (one row per sample).
 *
 * <p>Lifecycle: {@link #prepare} once with the largest batch, then per batch {@link #forward} and, when
 * training, {@link #backward}. Buffers are owned by the layer and reused: nothing is allocated per batch.
 */
public interface Layer {

    /** Values per input row. */
    int inputSize();

    /** Values per output row. */
    int outputSize();

    /** Makes room for batches of up to {@code maxRows} rows (grows, never shrinks). */
    void prepare(int maxRows);

    /** Computes the output of a batch; the returned matrix is this layer's buffer, valid until the next call. */
    Matrix forward(Matrix input);

    /**
     * Back-propagates dLoss/d(output), which this method may overwrite, into the parameter gradients of
     * {@link #parameters()}, and returns dLoss/d(input), or {@code null} when {@code needInputGradient} is
     * false (the first layer's input is data, whose gradient nobody needs).
     */
    Matrix backward(Matrix gradOutput, boolean needInputGradient);

    /** The trainable parameter groups, in a fixed order. */
    List<Parameter> parameters();
}
