package dev.nn.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nn.core.optim.Schedule;

/**
 * How a network is trained besides its optimiser: epochs, mini-batch size, the one seed all randomness flows
 * from (initial weights, shuffling), how the learning rate moves over the run, and whether the weights kept are
 * an average over the last epochs.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize samples per mini-batch, at least 1 (a batch larger than the data is the whole data)
 * @param seed the seed
 * @param schedule the learning-rate schedule
 * @param averageFrom 0 for none; else the first epoch whose end weights are averaged: from that epoch on, the
 *     model evaluated and kept is the mean of the weights at the ends of epochs {@code averageFrom} to the
 *     current one (stochastic weight averaging, Izmailov et al. 2018), while training goes on from the weights
 *     themselves
 */
public record FitConfig(int epochs, int batchSize, long seed, Schedule schedule,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int averageFrom) {

    /** 20 epochs of batches of 32, seed 1, cosine decay: the defaults of nn and of the MNIST network. */
    public static final FitConfig DEFAULT = new FitConfig(20, 32, 1, Schedule.COSINE);

    /** Checks every setting, naming the one that is wrong. */
    public FitConfig {
        Checks.atLeast("epochs", epochs, 1);
        Checks.atLeast("batchSize", batchSize, 1);
        Checks.present("schedule", schedule);
        Checks.atLeast("averageFrom", averageFrom, 0);
        if (averageFrom > epochs) {
            throw new IllegalArgumentException("averageFrom " + averageFrom + " is after the last epoch, "
                    + epochs + "; averaging would never start");
        }
    }

    /** Without weight averaging. */
    public FitConfig(int epochs, int batchSize, long seed, Schedule schedule) {
        this(epochs, batchSize, seed, schedule, 0);
    }

    /** Reads a fit of this version or of one before weight averaging (then none). */
    @JsonCreator
    static FitConfig read(@JsonProperty("epochs") int epochs, @JsonProperty("batchSize") int batchSize,
                          @JsonProperty("seed") long seed, @JsonProperty("schedule") Schedule schedule,
                          @JsonProperty("averageFrom") Integer averageFrom) {
        return new FitConfig(epochs, batchSize, seed, schedule, averageFrom == null ? 0 : averageFrom);
    }

    /** Whether the weights kept are an average. */
    public boolean averages() {
        return averageFrom > 0;
    }

    /** The same with other epochs (weight averaging, if on, must start by the last of them). */
    public FitConfig withEpochs(int n) {
        return new FitConfig(n, batchSize, seed, schedule, averageFrom);
    }

    /** The same with another batch size. */
    public FitConfig withBatchSize(int n) {
        return new FitConfig(epochs, n, seed, schedule, averageFrom);
    }

    /** The same with another seed. */
    public FitConfig withSeed(long s) {
        return new FitConfig(epochs, batchSize, s, schedule, averageFrom);
    }

    /** The same with another schedule. */
    public FitConfig withSchedule(Schedule s) {
        return new FitConfig(epochs, batchSize, seed, s, averageFrom);
    }

    /** The same averaging the weights of epochs {@code epoch} to the last (0: no averaging). */
    public FitConfig withAverageFrom(int epoch) {
        return new FitConfig(epochs, batchSize, seed, schedule, epoch);
    }
}
