package dev.nn.core.config;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * Everything that determines a training run's result, in four typed parts: the network, the optimiser, the
 * fitting and the regularisation. Recorded in every model file and checkpoint. The same config and kernel implementation give
 * bit-identical weights at any thread count, so the thread count is a setting of the run, not of the config.
 *
 * @param network the network's shape and parts
 * @param optimizer the optimiser and its settings
 * @param fit epochs, batch size, seed and schedule
 * @param regularization dropout, weight decay and max-norm ({@link Regularization#NONE} when a file has none)
 */
public record TrainingConfig(NetworkConfig network, OptimizerConfig optimizer, FitConfig fit,
                             Regularization regularization) {

    /** The 3Blue1Brown network 784-16-16-10 (ReLU, softmax + CCE, He init), Adam, 20 epochs of 32. */
    public static final TrainingConfig DEFAULT = new TrainingConfig(NetworkConfig.of(List.of(784, 16, 16, 10)),
            OptimizerConfig.Adam.DEFAULT, FitConfig.DEFAULT, Regularization.NONE);

    /** Checks that every part is there; no regularisation (a file written before it existed) is none. */
    public TrainingConfig {
        Checks.present("network", network);
        Checks.present("optimizer", optimizer);
        Checks.present("fit", fit);
        if (regularization == null) {
            regularization = Regularization.NONE;
        }
    }

    /** Network, optimiser and fitting, without regularisation. */
    public TrainingConfig(NetworkConfig network, OptimizerConfig optimizer, FitConfig fit) {
        this(network, optimizer, fit, Regularization.NONE);
    }

    /** The same with another network. */
    public TrainingConfig with(NetworkConfig other) {
        return new TrainingConfig(other, optimizer, fit, regularization);
    }

    /** The same with another optimiser. */
    public TrainingConfig with(OptimizerConfig other) {
        return new TrainingConfig(network, other, fit, regularization);
    }

    /** The same with other fitting settings. */
    public TrainingConfig with(FitConfig other) {
        return new TrainingConfig(network, optimizer, other, regularization);
    }

    /** The same with other regularisation. */
    public TrainingConfig with(Regularization other) {
        return new TrainingConfig(network, optimizer, fit, other);
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
