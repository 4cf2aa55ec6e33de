package dev.nn.mnist;

import dev.nn.core.data.Dataset;

/**
 * A training set and a test set of the same shape.
 *
 * @param train the samples to train on
 * @param test the samples to measure on
 */
public record TrainTest(Dataset train, Dataset test) {
}
