package dev.nn.core.config;

import dev.nn.core.optim.Schedule;

/**
 * How a network is trained besides its optimiser: epochs, mini-batch size, the one seed all randomness flows
 * from (initial weights, shuffling), and how the learning rate moves over the run.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize samples per mini-batch, at least 1 (a batch larger than the data is the whole data)
 * @param seed the seed
 * @param schedule the learning-rate schedule
 */
public record FitConfig(int epochs, int batchSize, long seed, Schedule schedule) {

    /** 20 epochs of batches of 32, seed 1, cosine decay: the defaults of nn and of the MNIST network. */
    public static final FitConfig DEFAULT = new FitConfig(20, 32, 1, Schedule.COSINE);

    /** Checks every setting, naming the one that is wrong. */
    public FitConfig {
        Checks.atLeast("epochs", epochs, 1);
        Checks.atLeast("batchSize", batchSize, 1);
        Checks.present("schedule", schedule);
    }

    /** The same with other epochs. */
    public FitConfig withEpochs(int n) {
        return new FitConfig(n, batchSize, seed, schedule);
    }

    /** The same with another batch size. */
    public FitConfig withBatchSize(int n) {
        return new FitConfig(epochs, n, seed, schedule);
    }

    /** The same with another seed. */
    public FitConfig withSeed(long s) {
        return new FitConfig(epochs, batchSize, s, schedule);
    }

    /** The same with another schedule. */
    public FitConfig withSchedule(Schedule s) {
        return new FitConfig(epochs, batchSize, seed, s);
    }
}
