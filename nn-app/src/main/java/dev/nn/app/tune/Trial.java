package dev.nn.app.tune;

/**
 * One training run of a search: a setting and a seed, and what came of it.
 *
 * @param setting the hyper-parameters
 * @param seed the seed
 * @param cost the mean training loss of the last epoch
 * @param testLoss the test loss after the last epoch
 * @param accuracy the test accuracy after the last epoch, in [0, 1]
 * @param seconds wall time of the run
 */
public record Trial(Setting setting, long seed, double cost, double testLoss, double accuracy, double seconds) {
}
