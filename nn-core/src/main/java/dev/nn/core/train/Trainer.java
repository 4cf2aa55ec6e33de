package dev.nn.core.train;

import dev.nn.core.augment.Augmenter;
import dev.nn.core.config.Augmentation;
import dev.nn.core.config.Regularization;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.layer.Dropout;
import dev.nn.core.loss.Loss;
import dev.nn.core.metrics.Evaluation;
import dev.nn.core.metrics.Evaluator;
import dev.nn.core.network.Network;
import dev.nn.core.optim.Optimizer;
import dev.nn.core.optim.Schedule;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.Kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mini-batch training. Each epoch shuffles the sample order with the seeded generator, then for each batch:
 * scale bytes to floats, distort the images (with augmentation), set the scheduled learning rate, draw the
 * dropout masks (if any), forward, loss and its
 * gradient, backward, the weight penalties and the optimiser step. After each epoch the validation set (if any)
 * and the test set are evaluated, without dropout; with weight averaging, from its first epoch on, they are
 * evaluated on the mean of the weights at the ends of the epochs averaged (training goes on from the weights
 * themselves); with a validation set the weights of its best epoch are kept (copied at that epoch's end, put back
 * when training ends) and, with patience, training stops early; else the run ends with the mean, if averaging,
 * or the last weights. The per-batch work allocates nothing: every buffer is made before the first batch.
 */
public final class Trainer {

    /**
     * A batch loss this many times that of a blind guess (ln of the classes, or 1) means training has diverged:
     * no network that is learning gets there, and one that has gets further only to NaN.
     */
    static final int EXPLOSION = 1000;

    private final TrainingConfig config;
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Rng rng;
    private final Dropout dropout;
    private final Penalties penalties;
    private volatile boolean stopRequested;
    private int lastCorrect;
    /** The step of the run the next {@link #step} is: its dropout masks depend on it and the seed alone. */
    private long nextStep;

    /**
     * A trainer for {@code network}; the optimiser is initialised on the network's parameters here, and
     * {@code rng} (already used for the initial weights) goes on to shuffle.
     */
    public Trainer(TrainingConfig config, Network network, Optimizer optimizer, Rng rng) {
        this.config = config;
        this.network = network;
        this.loss = config.network().loss().create();
        this.optimizer = optimizer;
        this.rng = rng;
        Regularization regularization = config.regularization();
        this.dropout = regularization.drops()
                ? new Dropout(network.layers(), regularization.inputDropout(), regularization.dropout()) : null;
        this.penalties = new Penalties(network, regularization);
        optimizer.init(network.parameters());
    }

    /** A trainer with a new optimiser of the configured kind. */
    public Trainer(TrainingConfig config, Network network, Rng rng) {
        this(config, network, config.optimizer().create(), rng);
    }

    /** The generator's state now: where a run that starts here begins its shuffling. */
    public long rngState() {
        return rng.state();
    }

    /** The optimiser, for its state. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** Asks a running {@link #fit} to stop after the batch in progress; safe to call from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Trains for the configured epochs from the start. */
    public Outcome fit(Dataset train, Dataset test, TrainingListener listener) {
        return fit(train, test, listener, Progress.start(rng.state()));
    }

    /** Trains from {@code from} without a validation set (see the next method). */
    public Outcome fit(Dataset train, Dataset test, TrainingListener listener, Progress from) {
        return fit(train, null, test, listener, from);
    }

    /**
     * Trains from {@code from} to the end of the configured epochs, until {@link #requestStop()}, or, measured on
     * {@code validation} (null: none), until the configured patience runs out; with a validation set the network
     * ends with the weights of its best epoch, else with weight averaging with the mean of the epochs averaged.
     *
     * @throws DivergenceException when a batch's loss or, after an epoch, a weight is not a finite number
     */
    public Outcome fit(Dataset train, Dataset validation, Dataset test, TrainingListener listener, Progress from) {
        requireShape(train);
        requireShape(test);
        if (validation != null) {
            requireShape(validation);
        } else if (config.validation().patience() > 0) {
            throw new IllegalArgumentException("patience " + config.validation().patience()
                    + " needs a validation set to watch, and none was given");
        }
        int batchSize = config.fit().batchSize();
        int epochs = config.fit().epochs();
        int batches = (int) ((train.size() + (long) batchSize - 1) / batchSize);
        if (from.batch() > batches || from.epoch() < 1) {
            throw new IllegalArgumentException("the progress to continue from (epoch " + from.epoch() + ", batch "
                    + from.batch() + ") does not fit " + train.name() + ", whose epochs have " + batches + " batches");
        }
        int rows = rowsPerBatch(config, train.size());
        Matrix input = new Matrix(rows, network.inputSize());
        int[] labels = new int[rows];
        int[] order = new int[train.size()];
        Evaluator evaluator = new Evaluator(network, loss);
        network.prepare(Math.max(rows, Evaluator.BATCH));
        if (dropout != null) {
            dropout.prepare(rows);
        }
        Augmenter augmenter = augmenterFor(train);
        Schedule schedule = config.fit().schedule();
        float baseRate = config.optimizer().learningRate();
        double explodedLoss = EXPLOSION * Math.max(1, Math.log(network.outputSize()));
        long totalSteps = (long) batches * epochs;
        List<EpochStats> history = new ArrayList<>(from.history());
        int firstBatch = from.batch();
        double lossSum = from.lossSum();
        long correct = Math.max(0, from.correct());
        long counted = from.correct() >= 0 ? (long) from.batch() * batchSize : 0;
        rng.setState(from.epochRngState());
        BestEpoch best = from.best();
        AveragedWeights average = from.average();
        int averageFrom = config.fit().averageFrom();
        int patience = config.validation().patience();
        for (int epoch = from.epoch(); epoch <= epochs; epoch++) {
            if (patience > 0 && best != null && epoch - 1 - best.epoch() >= patience) {
                best.putInto(network);
                return new Outcome(history, new Progress(epoch, 0, rng.state(), 0, 0, history, best, average), false,
                        best,
                        true);
            }
            long epochRngState = rng.state();
            Arrays.setAll(order, i -> i);
            rng.shuffle(order);
            listener.epochStarted(epoch, epochs, batches, firstBatch);
            long start = System.nanoTime();
            int trained = 0;
            for (int b = firstBatch; b < batches; b++) {
                if (stopRequested) {
                    return new Outcome(history, new Progress(epoch, b, epochRngState, lossSum,
                            counted == (long) b * batchSize ? correct : -1, history, best, average), true, best, false);
                }
                int first = b * batchSize;
                int n = Math.min(batchSize, train.size() - first);
                train.fillBatch(network.threads(), order, first, n, input, labels);
                nextStep = (long) (epoch - 1) * batches + b;
                if (augmenter != null) {
                    augmenter.apply(input, nextStep);
                }
                optimizer.setLearningRate(schedule.rate(baseRate, nextStep, totalSteps));
                float batchLoss = step(input, labels);
                if (!Float.isFinite(batchLoss) || batchLoss > explodedLoss) {
                    throw new DivergenceException(epoch, b + 1, "the loss is " + batchLoss
                            + (Float.isFinite(batchLoss) ? ", over " + EXPLOSION + " times a blind guess's" : ""));
                }
                lossSum += (double) batchLoss * n;
                correct += lastCorrect;
                counted += n;
                trained += n;
                listener.batchFinished(b + 1, batchLoss);
            }
            requireFiniteWeights(epoch, batches);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<float[]> own = null;
            if (averageFrom > 0 && epoch >= averageFrom) {
                average = average == null ? AveragedWeights.of(network) : average.plus(network);
                own = WeightCopies.of(network);
                average.putInto(network);
            }
            Evaluation eval = evaluator.evaluate(test);
            Evaluation checked = validation == null ? null : evaluator.evaluate(validation);
            EpochStats stats = new EpochStats(epoch, epochs, lossSum / train.size(),
                    counted == 0 ? Double.NaN : (double) correct / counted, eval.meanLoss(), eval.accuracy(), seconds,
                    trained / seconds, checked == null ? Double.NaN : checked.meanLoss(),
                    checked == null ? Double.NaN : checked.accuracy());
            history.add(stats);
            if (checked != null && (best == null || config.validation().monitor().better(checked.meanLoss(),
                    checked.accuracy(), best.loss(), best.accuracy()))) {
                best = new BestEpoch(epoch, checked.meanLoss(), checked.accuracy(), WeightCopies.of(network));
            }
            if (own != null) {
                WeightCopies.putInto(own, network);
            }
            listener.epochFinished(stats);
            firstBatch = 0;
            lossSum = 0;
            correct = 0;
            counted = 0;
            listener.resumable(new Progress(epoch + 1, 0, rng.state(), 0, 0, history, best, average));
        }
        if (best != null) {
            best.putInto(network);
        } else if (average != null) {
            average.putInto(network);
        }
        return new Outcome(history, new Progress(epochs + 1, 0, rng.state(), 0, 0, history, best, average), false,
                best, false);
    }

    /**
     * How {@link #fit} ended.
     *
     * @param history the figures of every epoch finished, including those before a resume
     * @param progress where training stands
     * @param stopped true when {@link #requestStop()} ended it early
     * @param best the best epoch on the validation set, whose weights the network now holds; null without one
     *     (with weight averaging, the network then holds the mean: {@code progress().average()})
     * @param stoppedEarly true when the patience ran out before the last epoch
     */
    public record Outcome(List<EpochStats> history, Progress progress, boolean stopped, BestEpoch best,
                          boolean stoppedEarly) {

        /**
         * The epoch whose weights the network holds: the best one on the validation set, or the last (with weight
         * averaging, its figures are the mean's).
         */
        public EpochStats kept() {
            return best == null ? history.getLast() : history.get(best.epoch() - 1);
        }
    }

    /** The augmenter the config asks for, for {@code train}'s images; null when augmentation is off. */
    private Augmenter augmenterFor(Dataset train) {
        Augmentation augmentation = config.augmentation();
        if (!augmentation.on()) {
            return null;
        }
        int height = train.imageHeight();
        if (height == 0) {
            throw new IllegalArgumentException(train.name() + " is not images of a known height and width;"
                    + " augmentation distorts pictures (IDX images of samples × height × width)");
        }
        return new Augmenter(augmentation, config.fit().seed(), height, train.features() / height,
                network.threads());
    }

    private void requireFiniteWeights(int epoch, int batch) {
        for (var p : network.parameters()) {
            for (float v : p.value()) {
                if (!Float.isFinite(v)) {
                    throw new DivergenceException(epoch, batch, p.name() + " holds " + v);
                }
            }
        }
    }

    /**
     * One training step on a prepared batch; returns its mean loss (without the weight penalty). How many of the
     * batch's samples the network classified right before the step (through the dropout masks, if any) is
     * {@link #correctInLastStep()}.
     */
    public float step(Matrix input, int[] labels) {
        if (dropout != null) {
            dropout.prepare(input.rows());
            dropout.draw(Dropout.stateFor(config.fit().seed(), nextStep), input.rows());
        }
        nextStep++;
        Matrix logits = network.forward(input, dropout);
        lastCorrect = 0;
        for (int r = 0; r < logits.rows(); r++) {
            if (Kernels.argmax(logits.data(), r * logits.cols(), logits.cols()) == labels[r]) {
                lastCorrect++;
            }
        }
        float batchLoss = loss.forwardBackward(logits, labels);
        network.backward(logits, false, dropout);
        penalties.beforeStep(optimizer.learningRate());
        optimizer.step(network.threads());
        penalties.afterStep();
        return batchLoss;
    }

    /** The samples of the last {@link #step} that the network classified right before it stepped. */
    public int correctInLastStep() {
        return lastCorrect;
    }

    /**
     * The heap a run of {@code config} on {@code trainSize} samples needs, in bytes, at most: every parameter's
     * value, gradient and up to two optimiser buffers, each layer's activations and input gradients for the
     * rows of a batch or of an evaluation batch, whichever is larger, dropout's masks and masked inputs, and
     * with weight averaging three more copies of the parameters (the mean, the next mean and the weights
     * themselves while the mean is evaluated).
     */
    public static long bytesNeeded(TrainingConfig config, int trainSize) {
        List<Integer> sizes = config.network().layers();
        long rows = Math.max(rowsPerBatch(config, trainSize), Evaluator.BATCH);
        long parameters = 0;
        long activations = rows * sizes.getFirst();
        Regularization regularization = config.regularization();
        for (int i = 1; i < sizes.size(); i++) {
            parameters += (long) sizes.get(i - 1) * sizes.get(i) + sizes.get(i);
            activations += rows * ((long) sizes.get(i - 1) + sizes.get(i));
            float rate = i == 1 ? regularization.inputDropout() : regularization.dropout();
            if (rate > 0) {
                activations += 2L * rowsPerBatch(config, trainSize) * sizes.get(i - 1);
            }
        }
        long copies = 4 + (config.fit().averages() ? 3 : 0);
        return Float.BYTES * (copies * parameters + activations) + (long) Integer.BYTES * trainSize;
    }

    /** A batch's buffers hold the configured batch size, or the whole training set when that is smaller. */
    private static int rowsPerBatch(TrainingConfig config, int trainSize) {
        return Math.max(1, Math.min(config.fit().batchSize(), trainSize));
    }

    private void requireShape(Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(data.name() + " holds no samples");
        }
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
