package dev.nn.core.config;

import dev.nn.core.activation.Activation;
import dev.nn.core.init.Initializer;
import dev.nn.core.loss.Loss;
import dev.nn.core.optim.Optimizers;
import dev.nn.core.optim.Schedule;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything that determines a training run: the network's shape and parts, the optimiser's settings, the
 * batches, the seed and the thread count. The same seed, thread count and kernel implementation give
 * bit-identical weights. Recorded in every model file.
 *
 * @param layers sizes from input to output, e.g. [784, 16, 16, 10]
 * @param activation the hidden layers' activation ({@link Activation#id()}), or one per hidden layer separated by
 *     commas, e.g. {@code relu,tanh}; the output layer's logits always go to the loss's softmax
 * @param loss the loss ({@link Loss#id()})
 * @param init the weight initialiser ({@link Initializer#id()})
 * @param optimizer the optimiser ({@link Optimizers#ids()})
 * @param learningRate step size (the base rate when a schedule moves it)
 * @param schedule how the learning rate moves over the run ({@link Schedule#id()})
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param epsilon Adam's ε
 * @param momentum the momentum optimiser's μ
 * @param batchSize samples per mini-batch
 * @param epochs passes over the training set
 * @param seed the one seed all randomness flows from (initial weights, shuffling)
 * @param threads threads for the kernels
 */
public record TrainingConfig(List<Integer> layers, String activation, String loss, String init, String optimizer,
                             float learningRate, String schedule, float beta1, float beta2, float epsilon,
                             float momentum, int batchSize, int epochs, long seed, int threads) {

    /** The defaults: the 3Blue1Brown network 784-16-16-10 with ReLU, softmax + CCE, He init and Adam. */
    public static final TrainingConfig DEFAULT = new TrainingConfig(List.of(784, 16, 16, 10), "relu", "cce", "he",
            "adam", 2e-3f, "cosine", 0.9f, 0.999f, 1e-8f, 0.9f, 32, 20, 1, 1);

    /** The most weights one layer may have: the largest Java array. */
    public static final long MAX_WEIGHTS = Integer.MAX_VALUE - 8;

    /** The most kernel threads a run may ask for; more only adds threads that wait. */
    public static final int MAX_THREADS = 256;

    /** Copies the layer list, so the record stays immutable. */
    public TrainingConfig {
        layers = layers == null ? null : List.copyOf(layers);
    }

    /**
     * Checks every field and throws an {@link IllegalArgumentException} whose message names the field and its
     * flag, e.g. {@code batchSize (--batch-size) must be at least 1, got 0}.
     */
    public TrainingConfig validate() {
        if (layers == null || layers.size() < 2) {
            throw invalid("layers", "--layers", "needs at least an input and an output size, got " + layers);
        }
        for (Integer size : layers) {
            if (size == null || size < 1) {
                throw invalid("layers", "--layers", "sizes must be positive, got " + layers);
            }
        }
        for (int i = 1; i < layers.size(); i++) {
            if ((long) layers.get(i - 1) * layers.get(i) > MAX_WEIGHTS) {
                throw invalid("layers", "--layers", "layer " + i + " would have " + layers.get(i - 1) + "×"
                        + layers.get(i) + " weights, more than one array can hold (" + MAX_WEIGHTS + ")");
            }
        }
        nameOf("activation", "--activation", this::hiddenActivations);
        nameOf("loss", "--loss", () -> Loss.byId(loss));
        nameOf("init", "--init", () -> Initializer.byId(init));
        positive("learningRate", "--lr", learningRate);
        nameOf("schedule", "--schedule", () -> Schedule.byId(schedule));
        fraction("beta1", "--beta1", beta1);
        fraction("beta2", "--beta2", beta2);
        positive("epsilon", "--epsilon", epsilon);
        fraction("momentum", "--momentum", momentum);
        atLeast("batchSize", "--batch-size", batchSize, 1);
        atLeast("epochs", "--epochs", epochs, 1);
        atLeast("threads", "--threads", threads, 1);
        if (threads > MAX_THREADS) {
            throw invalid("threads", "--threads", "must be at most " + MAX_THREADS + ", got " + threads);
        }
        nameOf("optimizer", "--optimizer", () -> Optimizers.create(this));
        return this;
    }

    /**
     * The activation of each hidden layer: {@link #activation()} once per hidden layer, or its comma-separated
     * list, which must then name one per hidden layer.
     */
    public List<Activation> hiddenActivations() {
        List<Activation> named = Arrays.stream(activation.split(",", -1)).map(String::strip).map(Activation::byId)
                .toList();
        int hidden = layers.size() - 2;
        if (named.size() == 1) {
            return Collections.nCopies(hidden, named.getFirst());
        }
        if (named.size() != hidden) {
            throw new IllegalArgumentException("names " + named.size() + " activations for " + hidden
                    + " hidden layers; give one for all or one per hidden layer");
        }
        return named;
    }

    /** The input size: the first of {@link #layers()}. */
    public int inputSize() {
        return layers.getFirst();
    }

    /** The output size (number of classes): the last of {@link #layers()}. */
    public int outputSize() {
        return layers.getLast();
    }

    /** The layer sizes as text, e.g. {@code 784-16-16-10}. */
    public String shape() {
        return String.join("-", layers.stream().map(String::valueOf).toList());
    }

    /** A copy with other layer sizes. */
    public TrainingConfig withLayers(List<Integer> newLayers) {
        return new TrainingConfig(newLayers, activation, loss, init, optimizer, learningRate, schedule,
                beta1, beta2, epsilon, momentum, batchSize, epochs, seed, threads);
    }

    private static void nameOf(String field, String flag, Supplier<?> lookup) {
        try {
            lookup.get();
        } catch (NullPointerException e) {
            throw invalid(field, flag, "is missing");
        } catch (IllegalArgumentException e) {
            throw invalid(field, flag, e.getMessage());
        }
    }

    private static void positive(String field, String flag, float value) {
        if (!(value > 0) || Float.isInfinite(value)) {
            throw invalid(field, flag, "must be a positive number, got " + value);
        }
    }

    private static void fraction(String field, String flag, float value) {
        if (!(value >= 0 && value < 1)) {
            throw invalid(field, flag, "must be in [0, 1), got " + value);
        }
    }

    private static void atLeast(String field, String flag, long value, long min) {
        if (value < min) {
            throw invalid(field, flag, "must be at least " + min + ", got " + value);
        }
    }

    private static IllegalArgumentException invalid(String field, String flag, String problem) {
        return new IllegalArgumentException(field + " (" + flag + ") " + problem);
    }
}
