package dev.nn.core.config;

import dev.nn.core.io.Untrusted;
import dev.nn.core.activation.Activation;
import dev.nn.core.init.Init;
import dev.nn.core.loss.LossFunction;
import dev.nn.core.optim.Schedule;

import java.util.Arrays;
import java.util.List;

/**
 * The flat, string-keyed configuration of model files and checkpoints of format version 1, read so that those
 * files keep loading: {@link #toConfig()} turns it into the typed {@link TrainingConfig} (the thread count,
 * which never changed a result, is dropped).
 *
 * @param layers sizes from input to output
 * @param activation the hidden activation, or one per hidden layer separated by commas
 * @param loss the loss's short name
 * @param init the initialiser's short name
 * @param optimizer the optimiser's short name
 * @param learningRate the base learning rate
 * @param schedule the schedule's short name
 * @param beta1 Adam's β₁
 * @param beta2 Adam's β₂
 * @param epsilon Adam's ε
 * @param momentum the momentum optimiser's μ
 * @param batchSize samples per batch
 * @param epochs passes over the data
 * @param seed the seed
 * @param threads the thread count it ran with (ignored)
 * @param inputDropout the input's dropout rate (absent in version 1: 0)
 * @param dropout the hidden layers' dropout rate (absent in version 1: 0)
 * @param weightDecay the L2 penalty's λ (absent in version 1: 0)
 * @param decoupledWeightDecay decoupled weight decay's λ (absent in version 1: 0)
 * @param maxNorm the bound on each unit's incoming weights, 0 for none (absent in version 1: 0)
 * @param validation the share of the training data held out for validation (absent in version 1: 0)
 * @param patience epochs without a better validation figure before stopping, 0 never (absent in version 1: 0)
 * @param monitor the validation figure watched, loss or accuracy (absent in version 1: loss)
 * @param rotation augmentation's largest rotation in degrees (absent in version 1: 0)
 * @param scale augmentation's largest change of size (absent in version 1: 0)
 * @param shear augmentation's largest shear (absent in version 1: 0)
 * @param shift augmentation's largest translation in pixels (absent in version 1: 0)
 * @param elasticAlpha the elastic distortion's α (absent in version 1: 0)
 * @param elasticSigma the elastic distortion's σ (absent in version 1: {@link Augmentation#SIGMA})
 * @param averageFrom the first epoch of weight averaging, 0 for none (absent in version 1: 0)
 */
public record LegacyConfig(List<Integer> layers, String activation, String loss, String init, String optimizer,
                           float learningRate, String schedule, float beta1, float beta2, float epsilon,
                           float momentum, int batchSize, int epochs, long seed, int threads, Float inputDropout,
                           Float dropout, Float weightDecay, Float decoupledWeightDecay, Float maxNorm,
                           Float validation, Integer patience, String monitor, Float rotation, Float scale,
                           Float shear, Float shift, Float elasticAlpha, Float elasticSigma,
                           Integer averageFrom) {

    /** The typed config these settings describe; an IllegalArgumentException names what is wrong. */
    public TrainingConfig toConfig() {
        Checks.present("activation", activation);
        List<Integer> sizes = Checks.present("layers", layers);
        List<Activation> named = Arrays.stream(activation.split(",", -1)).map(String::strip)
                .map(Activation::byId).toList();
        int hidden = Math.max(0, sizes.size() - 2);
        if (named.size() != 1 && named.size() != hidden) {
            throw new IllegalArgumentException("activation names " + named.size() + " activations for " + hidden
                    + " hidden layers; give one for all or one per hidden layer");
        }
        List<Activation> perLayer = named.size() == 1 ? java.util.Collections.nCopies(hidden, named.getFirst())
                : named;
        NetworkConfig network = new NetworkConfig(sizes, perLayer, Init.byId(Checks.present("init", init)),
                LossFunction.byId(Checks.present("loss", loss)));
        OptimizerConfig optim = switch (Checks.present("optimizer", optimizer)) {
            case "adam" -> new OptimizerConfig.Adam(learningRate, beta1, beta2, epsilon);
            case "sgd" -> new OptimizerConfig.Sgd(learningRate);
            case "momentum" -> new OptimizerConfig.Momentum(learningRate, momentum);
            default -> throw new IllegalArgumentException("unknown optimizer '" + Untrusted.shown(optimizer) + "' (known: "
                    + OptimizerConfig.ids() + ")");
        };
        FitConfig fit = new FitConfig(epochs, batchSize, seed, Schedule.byId(Checks.present("schedule", schedule)),
                averageFrom == null ? 0 : averageFrom);
        Regularization regularization = new Regularization(orZero(inputDropout), orZero(dropout),
                orZero(weightDecay), orZero(decoupledWeightDecay), orZero(maxNorm));
        Validation held = new Validation(orZero(validation), patience == null ? 0 : patience,
                monitor == null ? null : Validation.Monitor.byId(monitor));
        Augmentation augmentation = new Augmentation(orZero(rotation), orZero(scale), orZero(shear), orZero(shift),
                orZero(elasticAlpha), elasticSigma == null ? Augmentation.SIGMA : elasticSigma);
        return new TrainingConfig(network, optim, fit, regularization, held, augmentation);
    }

    private static float orZero(Float value) {
        return value == null ? 0f : value;
    }
}
