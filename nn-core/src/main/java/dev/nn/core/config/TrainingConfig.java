package dev.nn.core.config;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * Everything that determines a training run's result, in six typed parts: the network, the optimiser, the
 * fitting, the regularisation, the validation and the augmentation. Recorded in every model file and checkpoint. The same config and kernel implementation give
 * bit-identical weights at any thread count, so the thread count is a setting of the run, not of the config.
 *
 * @param network the network's shape and parts
 * @param optimizer the optimiser and its settings
 * @param fit epochs, batch size, seed and schedule
 * @param regularization dropout, weight decay and max-norm ({@link Regularization#NONE} when a file has none)
 * @param validation the held-out share of the training data, early stopping ({@link Validation#NONE} when none)
 * @param augmentation the distortions of the training images ({@link Augmentation#NONE} when none)
 */
public record TrainingConfig(NetworkConfig network, OptimizerConfig optimizer, FitConfig fit,
                             Regularization regularization, Validation validation, Augmentation augmentation) {

    /** The 3Blue1Brown network 784-16-16-10 (ReLU, softmax + CCE, He init), Adam, 20 epochs of 32. */
    public static final TrainingConfig DEFAULT = new TrainingConfig(NetworkConfig.of(List.of(784, 16, 16, 10)),
            OptimizerConfig.Adam.DEFAULT, FitConfig.DEFAULT, Regularization.NONE, Validation.NONE, Augmentation.NONE);

    /** Checks that every part is there; no regularisation, validation or augmentation (a file written
     * before them) is none. */
    public TrainingConfig {
        Checks.present("network", network);
        Checks.present("optimizer", optimizer);
        Checks.present("fit", fit);
        if (regularization == null) {
            regularization = Regularization.NONE;
        }
        if (validation == null) {
            validation = Validation.NONE;
        }
        if (augmentation == null) {
            augmentation = Augmentation.NONE;
        }
    }

    /** Network, optimiser and fitting, without regularisation. */
    public TrainingConfig(NetworkConfig network, OptimizerConfig optimizer, FitConfig fit) {
        this(network, optimizer, fit, Regularization.NONE, Validation.NONE, Augmentation.NONE);
    }

    /** Network, optimiser, fitting and regularisation, nothing held out. */
    public TrainingConfig(NetworkConfig network, OptimizerConfig optimizer, FitConfig fit,
                          Regularization regularization) {
        this(network, optimizer, fit, regularization, Validation.NONE, Augmentation.NONE);
    }

    /** The same with another network. */
    public TrainingConfig with(NetworkConfig other) {
        return new TrainingConfig(other, optimizer, fit, regularization, validation, augmentation);
    }

    /** The same with another optimiser. */
    public TrainingConfig with(OptimizerConfig other) {
        return new TrainingConfig(network, other, fit, regularization, validation, augmentation);
    }

    /** The same with other fitting settings. */
    public TrainingConfig with(FitConfig other) {
        return new TrainingConfig(network, optimizer, other, regularization, validation, augmentation);
    }

    /** The same with other regularisation. */
    public TrainingConfig with(Regularization other) {
        return new TrainingConfig(network, optimizer, fit, other, validation, augmentation);
    }

    /** The same with another validation. */
    public TrainingConfig with(Validation other) {
        return new TrainingConfig(network, optimizer, fit, regularization, other, augmentation);
    }

    /** The same with another augmentation. */
    public TrainingConfig with(Augmentation other) {
        return new TrainingConfig(network, optimizer, fit, regularization, validation, other);
    }

    /** The same with other layer sizes (see {@link NetworkConfig#withLayers}). */
    public TrainingConfig withLayers(List<Integer> layers) {
        return with(network.withLayers(layers));
    }

    /** The layer sizes as text, e.g. {@code 784-16-16-10}. */
    @JsonIgnore
    public String shape() {
        return network.shape();
    }
}
