package dev.nn.core.optim;

import dev.nn.core.config.TrainingConfig;

import java.util.Locale;

/** Creates the optimiser a {@link TrainingConfig} names, and knows each one's usual learning rate. */
public final class Optimizers {

    private Optimizers() {
    }

    /** The known names, comma-separated. */
    public static String ids() {
        return Adam.ID + ", " + Sgd.ID + ", " + Momentum.ID;
    }

    /** The optimiser the config names, with its learning rate, betas, ε or momentum. */
    public static Optimizer create(TrainingConfig config) {
        return switch (config.optimizer().toLowerCase(Locale.ROOT)) {
            case Adam.ID -> new Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon());
            case Sgd.ID -> new Sgd(config.learningRate());
            case Momentum.ID -> new Momentum(config.learningRate(), config.momentum());
            default -> throw new IllegalArgumentException("unknown optimizer '" + config.optimizer()
                    + "' (known: " + ids() + ")");
        };
    }

    /**
     * The learning rate that suits the optimiser named {@code id} on MNIST-sized problems when none is given:
     * Adam 0.002, SGD 0.1, momentum 0.01 (its steps add up to about lr/(1 − μ) = 0.1).
     */
    public static float defaultLearningRate(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case Sgd.ID -> 0.1f;
            case Momentum.ID -> 0.01f;
            default -> 2e-3f;
        };
    }

    static float checkedRate(float learningRate) {
        if (!(learningRate >= 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number >= 0, got " + learningRate);
        }
        return learningRate;
    }
}
