package dev.nn.core.metrics;

import dev.nn.core.data.Dataset;
import dev.nn.core.loss.Loss;
import dev.nn.core.network.Network;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.Kernels;

import java.util.function.IntConsumer;

/** Runs a network over a whole dataset in fixed-size batches and collects an {@link Evaluation}. */
public final class Evaluator {

    /** Samples per inference batch. */
    public static final int BATCH = 1000;

    private final Network network;
    private final Loss loss;
    private final Matrix input;
    private final int[] labels = new int[BATCH];
    private int[] order = new int[0];

    /** An evaluator for {@code network} under {@code loss}; prepares the network's buffers for its batches. */
    public Evaluator(Network network, Loss loss) {
        this.network = network;
        this.loss = loss;
        this.input = new Matrix(BATCH, network.inputSize());
        network.prepare(BATCH);
    }

    /** Evaluates every sample of {@code data}, in order. */
    public Evaluation evaluate(Dataset data) {
        return evaluate(data, done -> { });
    }

    /** Evaluates every sample of {@code data}, in order, telling {@code samplesDone} the count after each batch. */
    public Evaluation evaluate(Dataset data, IntConsumer samplesDone) {
        if (data.features() != network.inputSize()) {
            throw new IllegalArgumentException(data.name() + " has " + data.features()
                    + " values per sample but the network takes " + network.inputSize());
        }
        int classes = network.outputSize();
        if (order.length != data.size()) {
            order = new int[data.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
        int[][] confusion = new int[classes][classes];
        double totalLoss = 0;
        for (int from = 0; from < data.size(); from += BATCH) {
            int n = Math.min(BATCH, data.size() - from);
            data.fillBatch(network.threads(), order, from, n, input, labels);
            Matrix logits = network.forward(input);
            totalLoss += loss.evaluate(logits, labels);
            float[] p = logits.data();
            for (int r = 0; r < n; r++) {
                confusion[labels[r]][Kernels.argmax(p, r * classes, classes)]++;
            }
            samplesDone.accept(from + n);
        }
        return new Evaluation(data.size(), data.size() == 0 ? 0 : totalLoss / data.size(), confusion);
    }
}
