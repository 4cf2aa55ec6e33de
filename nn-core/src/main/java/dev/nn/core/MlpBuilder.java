package dev.nn.core;

import dev.nn.core.activation.Activation;
import dev.nn.core.config.FitConfig;
import dev.nn.core.config.NetworkConfig;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.config.Regularization;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.init.Init;
import dev.nn.core.loss.LossFunction;
import dev.nn.core.optim.Schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Builds an {@link Mlp}: every choice typed, every default stated, nothing positional. */
public final class MlpBuilder {

    private final int inputs;
    private final int classes;
    private List<Integer> hidden = List.of(16, 16);
    private List<Activation> activations = List.of();
    private Init init = Init.HE;
    private LossFunction loss = LossFunction.CROSS_ENTROPY;
    private OptimizerConfig optimizer = OptimizerConfig.Adam.DEFAULT;
    private FitConfig fit = FitConfig.DEFAULT;
    private Regularization regularization = Regularization.NONE;
    private int averageFrom;
    private boolean epochsGiven;
    private boolean standardize = true;

    MlpBuilder(int inputs, int classes) {
        this.inputs = inputs;
        this.classes = classes;
    }

    /** Hidden layer sizes, input side first (default 16, 16; none for a linear classifier). */
    public MlpBuilder hidden(int... sizes) {
        this.hidden = Arrays.stream(sizes).boxed().toList();
        return this;
    }

    /** The activation of every hidden layer (default ReLU). */
    public MlpBuilder activation(Activation activation) {
        this.activations = List.of(activation);
        return this;
    }

    /** One activation per hidden layer. */
    public MlpBuilder activations(Activation... perHiddenLayer) {
        this.activations = List.of(perHiddenLayer);
        return this;
    }

    /** The weight initialiser (default He). */
    public MlpBuilder init(Init choice) {
        this.init = choice;
        return this;
    }

    /** The loss (default softmax + cross-entropy). */
    public MlpBuilder loss(LossFunction choice) {
        this.loss = choice;
        return this;
    }

    /** The optimiser (default {@link OptimizerConfig.Adam#DEFAULT}). */
    public MlpBuilder optimizer(OptimizerConfig choice) {
        this.optimizer = choice;
        return this;
    }

    /**
     * Passes over the training data. Default: {@link FitConfig#DEFAULT}'s 20, or more on small data, so that
     * training takes at least {@link Mlp#MIN_DEFAULT_STEPS} optimiser steps.
     */
    public MlpBuilder epochs(int n) {
        this.fit = fit.withEpochs(n);
        this.epochsGiven = true;
        return this;
    }

    /** Samples per mini-batch (default 32). */
    public MlpBuilder batchSize(int n) {
        this.fit = fit.withBatchSize(n);
        return this;
    }

    /** The seed of the initial weights and the shuffling (default 1). */
    public MlpBuilder seed(long seed) {
        this.fit = fit.withSeed(seed);
        return this;
    }

    /** How the learning rate moves over the run (default cosine decay to zero). */
    public MlpBuilder schedule(Schedule schedule) {
        this.fit = fit.withSchedule(schedule);
        return this;
    }

    /**
     * Weight averaging from {@code epoch} on (default 0: none): the model evaluated and kept is the mean of the
     * weights at the ends of that epoch and the later ones; checked against the epochs when built.
     */
    public MlpBuilder averageFrom(int epoch) {
        this.averageFrom = epoch;
        return this;
    }

    /** Dropout, weight decay and max-norm (default none), e.g. {@code Regularization.NONE.withDropout(0.2f, 0.5f)}. */
    public MlpBuilder regularization(Regularization settings) {
        this.regularization = Objects.requireNonNull(settings, "regularization");
        return this;
    }

    /** Whether float features are standardised (default true); pictures are always scaled by 1/255. */
    public MlpBuilder standardize(boolean on) {
        this.standardize = on;
        return this;
    }

    /** The classifier, its weights drawn from the seed. */
    public Mlp build() {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be at least 1, got " + inputs);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        List<Integer> layers = new ArrayList<>();
        layers.add(inputs);
        layers.addAll(hidden);
        layers.add(classes);
        NetworkConfig network = NetworkConfig.of(layers).withInit(init).withLoss(loss);
        if (activations.size() == 1) {
            network = network.withActivation(activations.getFirst());
        } else if (!activations.isEmpty()) {
            network = network.withActivations(activations);
        }
        return Mlp.create(new TrainingConfig(network, optimizer, fit.withAverageFrom(averageFrom), regularization),
                !epochsGiven, standardize);
    }
}
