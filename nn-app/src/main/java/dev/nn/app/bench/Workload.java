package dev.nn.app.bench;

import dev.nn.core.optim.Schedule;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.config.NetworkConfig;
import dev.nn.core.config.FitConfig;
import dev.nn.core.config.TrainingConfig;

import java.util.List;

/**
 * The benchmark workloads, the same as the peers' in {@code ../shared/peers}: ReLU, softmax + CCE, He init, Adam,
 * shuffled MNIST, at a constant learning rate.
 */
public enum Workload {

    /** The 3Blue1Brown network. */
    W1(List.of(784, 16, 16, 10), 32),
    /** A mid-sized network. */
    W3(List.of(784, 256, 256, 10), 128),
    /** A wide network. */
    W4(List.of(784, 1024, 1024, 10), 256);

    private final List<Integer> layers;
    private final int batch;

    Workload(List<Integer> layers, int batch) {
        this.layers = layers;
        this.batch = batch;
    }

    /** The training config of this workload. */
    public TrainingConfig config() {
        return new TrainingConfig(NetworkConfig.of(layers), OptimizerConfig.Adam.DEFAULT.withLearningRate(1e-3f),
                new FitConfig(1, batch, 1, Schedule.CONSTANT));
    }

    /** Multiply-adds ×2 of one training step: forward, weight gradients, and input gradients but the first's. */
    public double flopsPerStep() {
        double forward = 0;
        for (int i = 0; i + 1 < layers.size(); i++) {
            forward += 2.0 * batch * layers.get(i) * layers.get(i + 1);
        }
        double firstLayer = 2.0 * batch * layers.get(0) * layers.get(1);
        return 3 * forward - firstLayer;
    }

    /** Its shape and batch, e.g. {@code 784-16-16-10 b32}. */
    public String describe() {
        return config().shape() + " b" + batch;
    }
}
