package dev.nn.core.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.nn.core.activation.Activation;
import dev.nn.core.init.Init;
import dev.nn.core.loss.LossFunction;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A network's shape and parts: layer sizes from input to output, the activation of each hidden layer, the
 * weight initialiser and the loss (softmax is always applied to the output's logits by the loss).
 *
 * @param layers sizes from input to output, e.g. [784, 16, 16, 10]; each at least 1
 * @param activations one per hidden layer (layers.size() − 2 of them)
 * @param init how the initial weights are drawn
 * @param loss the loss the network is trained on
 */
public record NetworkConfig(List<Integer> layers, List<Activation> activations, Init init, LossFunction loss) {

    /** The most weights one layer may have: the largest Java array. */
    public static final long MAX_WEIGHTS = Integer.MAX_VALUE - 8;

    /** Checks every part, naming the parameter that is wrong; copies the lists. */
    public NetworkConfig {
        Checks.present("layers", layers);
        if (layers.size() < 2) {
            throw new IllegalArgumentException("layers needs at least an input and an output size, got " + layers);
        }
        for (Integer size : layers) {
            if (size == null || size < 1) {
                throw new IllegalArgumentException("layers must be positive sizes, got " + layers);
            }
        }
        for (int i = 1; i < layers.size(); i++) {
            if ((long) layers.get(i - 1) * layers.get(i) > MAX_WEIGHTS) {
                throw new IllegalArgumentException("layers: layer " + i + " would have " + layers.get(i - 1) + "×"
                        + layers.get(i) + " weights, more than one array can hold (" + MAX_WEIGHTS + ")");
            }
        }
        Checks.present("activations", activations);
        if (activations.size() != layers.size() - 2 || activations.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("activations must name one activation per hidden layer ("
                    + (layers.size() - 2) + "), got " + activations);
        }
        Checks.present("init", init);
        Checks.present("loss", loss);
        layers = List.copyOf(layers);
        activations = List.copyOf(activations);
    }

    /** Layers of these sizes with ReLU in every hidden layer, He initialisation and softmax + cross-entropy. */
    public static NetworkConfig of(List<Integer> layers) {
        return new NetworkConfig(layers, Collections.nCopies(Math.max(0, layers.size() - 2), Activation.RELU),
                Init.HE, LossFunction.CROSS_ENTROPY);
    }

    /** The same network with {@code activation} in every hidden layer. */
    public NetworkConfig withActivation(Activation activation) {
        return new NetworkConfig(layers, Collections.nCopies(layers.size() - 2, activation), init, loss);
    }

    /** The same network with one activation per hidden layer. */
    public NetworkConfig withActivations(List<Activation> perHiddenLayer) {
        return new NetworkConfig(layers, perHiddenLayer, init, loss);
    }

    /** The same network with another initialiser. */
    public NetworkConfig withInit(Init other) {
        return new NetworkConfig(layers, activations, other, loss);
    }

    /** The same network with another loss. */
    public NetworkConfig withLoss(LossFunction other) {
        return new NetworkConfig(layers, activations, init, other);
    }

    /**
     * The same parts with other layer sizes: the hidden activations are kept when the hidden count is the same,
     * else the first one is used for every hidden layer (ReLU when there was none).
     */
    public NetworkConfig withLayers(List<Integer> sizes) {
        List<Activation> kept = activations.size() == sizes.size() - 2 ? activations
                : Collections.nCopies(Math.max(0, sizes.size() - 2),
                activations.isEmpty() ? Activation.RELU : activations.getFirst());
        return new NetworkConfig(sizes, kept, init, loss);
    }

    /** Values per input sample: the first layer size. */
    @JsonIgnore
    public int inputSize() {
        return layers.getFirst();
    }

    /** Classes: the last layer size. */
    @JsonIgnore
    public int outputSize() {
        return layers.getLast();
    }

    /** The layer sizes as text, e.g. {@code 784-16-16-10}. */
    @JsonIgnore
    public String shape() {
        return layers.stream().map(String::valueOf).collect(Collectors.joining("-"));
    }

    /** The hidden activations as text: one name when all are the same ({@code relu}), else {@code relu,tanh}. */
    @JsonIgnore
    public String activationText() {
        if (activations.isEmpty()) {
            return "none";
        }
        return activations.stream().distinct().count() == 1 ? activations.getFirst().id()
                : activations.stream().map(Activation::id).collect(Collectors.joining(","));
    }
}
