package dev.nn.core.network;

import dev.nn.core.tensor.Matrix;
import dev.nn.simd.Kernels;

import java.util.Arrays;

/**
 * One sample at a time through a trained network: pixels as unsigned bytes in, class probabilities (the softmax
 * of the logits, as both losses define them) out. Also gives every layer's activations, for pictures of the
 * network thinking. Reuses its buffers; not for use by several threads at once.
 */
public final class Predictor {

    private final Network network;
    private final Matrix input;
    private final float[] probabilities;

    /** A predictor for {@code network}. */
    public Predictor(Network network) {
        this.network = network;
        this.input = new Matrix(1, network.inputSize());
        this.probabilities = new float[network.outputSize()];
        network.prepare(1);
    }

    /** The class probabilities for one sample of {@code network.inputSize()} unsigned bytes (pixels 0–255). */
    public float[] probabilities(byte[] pixels) {
        forward(pixels);
        return probabilities.clone();
    }

    /**
     * Every layer's output for one sample: index 0 is the input scaled to [0, 1], then each hidden layer's
     * activations, and last the class probabilities.
     */
    public float[][] activations(byte[] pixels) {
        float[][] all = new float[network.layers().size() + 1][];
        all[0] = forward(pixels);
        for (int l = 0; l < network.layers().size() - 1; l++) {
            all[l + 1] = network.layers().get(l).lastOutput();
        }
        all[all.length - 1] = probabilities.clone();
        return all;
    }

    /** The most probable class of {@code probabilities} (the first, on a tie). */
    public static int best(float[] probabilities) {
        return Kernels.argmax(probabilities, 0, probabilities.length);
    }

    private float[] forward(byte[] pixels) {
        if (pixels.length != network.inputSize()) {
            throw new IllegalArgumentException("the network takes " + network.inputSize() + " values per sample, got "
                    + pixels.length);
        }
        input.setRows(1);
        Kernels.unsignedBytesToFloats(pixels, 0, input.data(), 0, pixels.length, 1f / 255);
        float[] scaled = Arrays.copyOf(input.data(), pixels.length);
        Matrix logits = network.forward(input);
        System.arraycopy(logits.data(), 0, probabilities, 0, probabilities.length);
        Kernels.softmax(probabilities, 0, probabilities.length);
        return scaled;
    }
}
