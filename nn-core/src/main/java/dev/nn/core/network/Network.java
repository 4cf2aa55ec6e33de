package dev.nn.core.network;

import dev.nn.core.activation.Activation;
import dev.nn.core.config.NetworkConfig;
import dev.nn.core.init.Initializer;
import dev.nn.core.layer.Dense;
import dev.nn.core.layer.Dropout;
import dev.nn.core.layer.Parameter;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.KernelThreads;

import java.util.ArrayList;
import java.util.List;

/**
 * A multilayer perceptron: dense layers with the configured activations between them and raw logits out (the
 * loss applies softmax). Forward and backward passes reuse the layers' buffers; nothing is allocated per batch.
 */
public final class Network {

    private final List<Dense> layers;
    private final List<Parameter> parameters;
    private int preparedRows;
    private KernelThreads threads;

    /** A network of the given layers, each one's output size matching the next one's input size. */
    public Network(List<Dense> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i - 1).outputSize() != layers.get(i).inputSize()) {
                throw new IllegalArgumentException("layer " + i + " outputs " + layers.get(i - 1).outputSize()
                        + " values but layer " + (i + 1) + " takes " + layers.get(i).inputSize());
            }
        }
        this.layers = List.copyOf(layers);
        List<Parameter> all = new ArrayList<>();
        for (Dense layer : layers) {
            all.addAll(layer.parameters());
        }
        this.parameters = List.copyOf(all);
    }

    /** A network of the configured shape with zero weights (to be filled from a model file). */
    public static Network of(NetworkConfig config) {
        List<Integer> sizes = config.layers();
        List<Activation> hidden = config.activations();
        List<Dense> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.size(); i++) {
            boolean last = i + 2 == sizes.size();
            layers.add(new Dense("layer" + (i + 1), sizes.get(i), sizes.get(i + 1),
                    last ? Activation.IDENTITY : hidden.get(i)));
        }
        return new Network(layers);
    }

    /** A network of the configured shape, weights drawn by the configured initialiser, biases zero. */
    public static Network initialized(NetworkConfig config, Rng rng) {
        Network network = of(config);
        Initializer init = config.init().initializer();
        for (Dense layer : network.layers) {
            init.initialize(layer.weights(), layer.inputSize(), layer.outputSize(), rng);
        }
        return network;
    }

    /** The layers, input side first. */
    public List<Dense> layers() {
        return layers;
    }

    /** Every parameter group, in layer order (weights, then bias, per layer). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Values per input sample. */
    public int inputSize() {
        return layers.getFirst().inputSize();
    }

    /** Values per output sample (classes). */
    public int outputSize() {
        return layers.getLast().outputSize();
    }

    /** Number of trainable values. */
    public long parameterCount() {
        return parameters.stream().mapToLong(Parameter::size).sum();
    }

    /**
     * Splits the layers' products over {@code threads}, a team the caller owns (null: the calling thread alone).
     * The weights a run produces do not depend on it.
     */
    public void useThreads(KernelThreads threads) {
        this.threads = threads;
        for (Dense layer : layers) {
            layer.useThreads(threads);
        }
    }

    /** The team set by {@link #useThreads}, or null. */
    public KernelThreads threads() {
        return threads;
    }

    /** Makes room in every layer for batches of up to {@code maxRows} samples. */
    public void prepare(int maxRows) {
        for (Dense layer : layers) {
            layer.prepare(maxRows);
        }
        preparedRows = Math.max(preparedRows, maxRows);
    }

    /** The logits of a batch: the last layer's buffer, valid until the next forward pass. */
    public Matrix forward(Matrix input) {
        return forward(input, null);
    }

    /**
     * The logits of a training batch with {@code dropout}'s masks applied to every layer's input (null: none, as
     * in evaluation); pass the same to {@link #backward(Matrix, boolean, Dropout)}.
     * <p>The derivation: docs/MATH.md#dropout-and-weight-decay.
     */
    public Matrix forward(Matrix input, Dropout dropout) {
        if (input.rows() > preparedRows) {
            throw new IllegalArgumentException("the batch has " + input.rows() + " rows but the network is prepared"
                    + " for " + preparedRows + "; call prepare(" + input.rows() + ") first");
        }
        Matrix x = input;
        for (int i = 0; i < layers.size(); i++) { // indexed: an iterator here was allocated on every batch
            if (dropout != null) {
                x = dropout.apply(i, x);
            }
            x = layers.get(i).forward(x);
        }
        return x;
    }

    /** Back-propagates dLoss/dlogits (overwritten) into every parameter's gradient. */
    public void backward(Matrix gradLogits) {
        backward(gradLogits, false);
    }

    /**
     * Back-propagates dLoss/dlogits (overwritten) into every parameter's gradient and, when
     * {@code inputGradient} is set, returns dLoss/dinput (the first layer's buffer); otherwise returns null.
     * <p>The derivation: docs/MATH.md#backpropagation-through-a-layer.
     */
    public Matrix backward(Matrix gradLogits, boolean inputGradient) {
        return backward(gradLogits, inputGradient, null);
    }

    /** {@link #backward(Matrix, boolean)} through the masks of the forward pass's {@code dropout} (null: none). */
    public Matrix backward(Matrix gradLogits, boolean inputGradient, Dropout dropout) {
        Matrix grad = gradLogits;
        for (int i = layers.size() - 1; i >= 0; i--) {
            grad = layers.get(i).backward(grad, i > 0 || inputGradient);
            if (dropout != null && grad != null) {
                dropout.backward(i, grad);
            }
        }
        return grad;
    }

    @Override
    public String toString() {
        return "Network" + layers;
    }
}
