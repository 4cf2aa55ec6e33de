package dev.nn.core.train;

import dev.nn.core.network.Network;

import java.util.List;

/**
 * The epoch that has scored best on the validation set so far, and a copy of the weights it ended with: what a
 * run with a validation set keeps, and what a resumed run must remember to keep choosing the same.
 *
 * @param epoch the epoch, from 1
 * @param loss its mean validation loss
 * @param accuracy its validation accuracy, in [0, 1]
 * @param weights every parameter's values after that epoch, in the network's parameter order
 */
public record BestEpoch(int epoch, double loss, double accuracy, List<float[]> weights) {

    /** Keeps the list (its arrays are this record's own: {@link Trainer} copies them from the network). */
    public BestEpoch {
        weights = List.copyOf(weights);
    }

    /** Copies these weights into {@code network}, whose parameters have the shapes they were copied from. */
    public void putInto(Network network) {
        WeightCopies.putInto(weights, network);
    }
}
