package dev.nn.core.train;

/**
 * What one epoch did.
 *
 * @param epoch the epoch, from 1
 * @param epochs the number of epochs planned
 * @param trainLoss mean loss over the epoch's mini-batches (as they were when each was trained on)
 * @param testLoss mean loss on the test set after the epoch
 * @param testAccuracy accuracy on the test set after the epoch, in [0, 1]
 * @param seconds wall time of the training part of the epoch
 * @param samplesPerSecond training samples per second
 */
public record EpochStats(int epoch, int epochs, double trainLoss, double testLoss, double testAccuracy,
                         double seconds, double samplesPerSecond) {
}
