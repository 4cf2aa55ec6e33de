package dev.nn.core.train;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.loss.Loss;
import dev.nn.core.metrics.Evaluation;
import dev.nn.core.metrics.Evaluator;
import dev.nn.core.network.Network;
import dev.nn.core.optim.Optimizer;
import dev.nn.core.optim.Schedule;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Mini-batch training. Each epoch shuffles the sample order with the seeded generator, then for each batch:
 * scale bytes to floats, set the scheduled learning rate, forward, loss and its gradient, backward, optimiser
 * step. After each epoch the test
 * set is evaluated. The per-batch work allocates nothing: every buffer is made before the first batch.
 */
public final class Trainer {

    private final TrainingConfig config;
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Rng rng;

    /**
     * A trainer for {@code network}; the optimiser is initialised on the network's parameters here, and
     * {@code rng} (already used for the initial weights) goes on to shuffle.
     */
    public Trainer(TrainingConfig config, Network network, Loss loss, Optimizer optimizer, Rng rng) {
        this.config = config;
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.rng = rng;
        optimizer.init(network.parameters());
    }

    /** Trains for the configured epochs and returns each epoch's figures. */
    public List<EpochStats> fit(Dataset train, Dataset test, TrainingListener listener) {
        requireShape(train);
        requireShape(test);
        int batchSize = config.batchSize();
        Matrix input = new Matrix(batchSize, network.inputSize());
        int[] labels = new int[batchSize];
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Evaluator evaluator = new Evaluator(network, loss);
        network.prepare(Math.max(batchSize, Evaluator.BATCH));
        int batches = (train.size() + batchSize - 1) / batchSize;
        Schedule schedule = Schedule.byId(config.schedule());
        long totalSteps = (long) batches * config.epochs();
        long stepIndex = 0;
        List<EpochStats> history = new ArrayList<>();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            listener.epochStarted(epoch, config.epochs(), batches);
            long start = System.nanoTime();
            rng.shuffle(order);
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int n = Math.min(batchSize, train.size() - from);
                train.fillBatch(order, from, n, input, labels);
                optimizer.setLearningRate(schedule.rate(config.learningRate(), stepIndex++, totalSteps));
                float batchLoss = step(input, labels);
                lossSum += (double) batchLoss * n;
                listener.batchFinished(b + 1, batchLoss);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Evaluation eval = evaluator.evaluate(test);
            EpochStats stats = new EpochStats(epoch, config.epochs(), lossSum / train.size(), eval.meanLoss(),
                    eval.accuracy(), seconds, train.size() / seconds);
            history.add(stats);
            listener.epochFinished(stats);
        }
        return history;
    }

    /** One training step on a prepared batch; returns its mean loss. */
    public float step(Matrix input, int[] labels) {
        Matrix logits = network.forward(input);
        float batchLoss = loss.forwardBackward(logits, labels);
        network.backward(logits);
        optimizer.step();
        return batchLoss;
    }

    private void requireShape(Dataset data) {
        if (data.features() != network.inputSize()) {
            throw new IllegalArgumentException(data.name() + " has " + data.features()
                    + " values per sample, but the network's input layer takes " + network.inputSize());
        }
        if (data.classes() > network.outputSize()) {
            throw new IllegalArgumentException(data.name() + " has " + data.classes()
                    + " classes, but the network's output layer has " + network.outputSize());
        }
    }
}
