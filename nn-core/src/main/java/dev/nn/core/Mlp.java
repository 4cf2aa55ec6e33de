package dev.nn.core;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.data.FloatRows;
import dev.nn.core.data.Table;
import dev.nn.core.metrics.Evaluation;
import dev.nn.core.metrics.Evaluator;
import dev.nn.core.model.DataSchema;
import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import dev.nn.core.model.Provenance;
import dev.nn.core.model.Standardization;
import dev.nn.core.network.Network;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import dev.nn.core.train.EpochStats;
import dev.nn.core.train.Trainer;
import dev.nn.core.train.TrainingListener;
import dev.nn.simd.KernelThreads;
import dev.nn.simd.Kernels;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A multilayer perceptron classifier: nn-core's front door. Build one from layer sizes and typed choices, fit it
 * on float features with int labels (or on a {@link Dataset} of pictures, or a {@link Table}), then predict,
 * evaluate, save and load it:
 * <pre>{@code
 * Mlp mlp = Mlp.builder(2, 3).hidden(64, 64).build();
 * mlp.fit(x, y);                                  // float[][] x, int[] y
 * int[] classes = mlp.predict(xTest);
 * mlp.save(Path.of("spiral.json"));
 * }</pre>
 * Float features are standardised (each feature's mean and spread measured on the training data, stored with
 * the model and applied to every later input) unless the builder says otherwise. The same configuration and
 * seed give bit-identical weights at any thread count. Not for use by several threads at once.
 */
public final class Mlp {

    /** Fewest optimiser steps the default epoch count gives: on small data one epoch is a few steps. */
    public static final int MIN_DEFAULT_STEPS = 2_000;

    private TrainingConfig config;
    private final boolean defaultEpochs;
    private final boolean standardize;
    private final Network network;
    private final Rng rng;
    private Trainer trainer;
    private Standardization standardization;
    private DataSchema schema;
    private Provenance provenance;

    private Mlp(TrainingConfig config, boolean defaultEpochs, boolean standardize) {
        this.config = config;
        this.defaultEpochs = defaultEpochs;
        this.standardize = standardize;
        this.rng = new Rng(config.fit().seed());
        this.network = Network.initialized(config.network(), rng);
    }

    private Mlp(Model model, boolean standardize) {
        this.config = model.config();
        this.defaultEpochs = false;
        this.standardize = standardize;
        this.rng = new Rng(config.fit().seed());
        this.network = model.network();
        this.standardization = model.standardization();
        this.schema = model.schema();
        this.provenance = model.provenance();
    }

    /** A builder for a classifier of {@code inputs} features into {@code classes} classes. */
    public static MlpBuilder builder(int inputs, int classes) {
        return new MlpBuilder(inputs, classes);
    }

    /** What the builder makes: epochs that may grow on small data, standardisation as chosen. */
    static Mlp create(TrainingConfig config, boolean defaultEpochs, boolean standardize) {
        return new Mlp(config, defaultEpochs, standardize);
    }

    /**
     * A new, initialised network exactly as {@code config} says (the seed draws its weights); tables and float
     * features it is given are standardised.
     */
    public static Mlp of(TrainingConfig config) {
        return new Mlp(config, false, true);
    }

    /** The classifier saved in {@code file} (any format version). */
    public static Mlp load(Path file) throws IOException {
        Model model = ModelIO.load(file);
        return new Mlp(model, model.standardization() != null);
    }

    /** The classifier a loaded model holds, weights as they are. */
    public static Mlp of(Model model) {
        return new Mlp(model, model.standardization() != null);
    }

    /**
     * A network of {@code config}'s shape with the given weights, as a checkpoint holds them; a table it is given
     * is standardised, as it was when the run began.
     */
    public static Mlp of(TrainingConfig config, Network network) {
        return new Mlp(new Model(network, config, null, null, null), true);
    }

    /**
     * Trains on {@code x} (one row of features per sample) and {@code y} (a class from 0 per sample), for the
     * configured epochs; returns each epoch's figures, measured on the training data.
     */
    public List<EpochStats> fit(float[][] x, int[] y) {
        return fit(x, y, null, null, stats -> { });
    }

    /**
     * Trains on {@code x}, {@code y}, measuring each epoch on the validation data {@code xValidation},
     * {@code yValidation} (both null: on the training data) and handing its figures to {@code onEpoch}.
     * A second call trains on from the current weights, with a fresh optimiser.
     */
    public List<EpochStats> fit(float[][] x, int[] y, float[][] xValidation, int[] yValidation,
                                Consumer<EpochStats> onEpoch) {
        float[] rows = FloatRows.of(x, "x", network.inputSize());
        FloatRows.requireLabels(y, x.length, network.outputSize(), "y", "x");
        if (standardize && standardization == null) {
            standardization = Standardization.of(rows, network.inputSize());
        }
        Dataset train = features("training data", rows, y);
        Dataset validation = train;
        if (xValidation != null || yValidation != null) {
            if (xValidation == null || yValidation == null) {
                throw new IllegalArgumentException("xValidation and yValidation: give both or neither");
            }
            float[] validationRows = FloatRows.of(xValidation, "xValidation", network.inputSize());
            FloatRows.requireLabels(yValidation, xValidation.length, network.outputSize(), "yValidation",
                    "xValidation");
            validation = features("validation data", validationRows, yValidation);
        }
        return fit(train, validation, new TrainingListener() {
            @Override
            public void epochFinished(EpochStats stats) {
                onEpoch.accept(stats);
            }
        });
    }

    /**
     * Trains on a table's rows (standardised unless the builder said otherwise), measuring each epoch on
     * {@code validation} (null: on the training rows); the model remembers the columns and class names.
     */
    public List<EpochStats> fit(Table train, Table validation, TrainingListener listener) {
        if (train.classes().size() != network.outputSize() || train.features().size() != network.inputSize()) {
            throw new IllegalArgumentException("the table has " + train.features().size() + " features and "
                    + train.classes().size() + " classes, the network " + network.inputSize() + " inputs and "
                    + network.outputSize() + " outputs");
        }
        Dataset rows = prepare(train);
        return fit(rows, validation == null ? rows : prepareLike(validation), listener);
    }

    /**
     * The training table as the network's inputs: measures the standardisation on it (unless the builder said
     * otherwise) and remembers its columns and class names for the model file.
     */
    public Dataset prepare(Table train) {
        if (standardize && standardization == null) {
            standardization = Standardization.of(train.values(), network.inputSize());
        }
        schema = new DataSchema(train.features(), train.label(), train.classes());
        return prepareLike(train);
    }

    /** Another table (validation, test, new rows) as the network's inputs, standardised as in training. */
    public Dataset prepareLike(Table table) {
        if (table.features().size() != network.inputSize()) {
            throw new IllegalArgumentException(table.name() + " has " + table.features().size()
                    + " feature columns, but the network takes " + network.inputSize());
        }
        return Dataset.ofFeatures(table.name(), standardized(table.values()), table.labels(),
                table.features().size(), network.outputSize(), table.checksums());
    }

    /** The table's columns and class names, or null for a model not trained on a table. */
    public DataSchema schema() {
        return schema;
    }

    /**
     * Trains on a dataset as it is (pictures scaled by 1/255, features unchanged), measuring each epoch on
     * {@code validation}; returns every epoch's figures.
     */
    public List<EpochStats> fit(Dataset train, Dataset validation, TrainingListener listener) {
        if (defaultEpochs && trainer == null) {
            long batches = Math.max(1, (train.size() + (long) config.fit().batchSize() - 1) / config.fit().batchSize());
            int epochs = (int) Math.max(config.fit().epochs(), (MIN_DEFAULT_STEPS + batches - 1) / batches);
            config = config.with(config.fit().withEpochs(epochs));
        }
        Trainer.Outcome outcome = trainer().fit(train, validation, listener);
        trainer = null; // a later fit starts a fresh optimiser
        EpochStats last = outcome.history().getLast();
        provenance = provenance(last, checksums(train, validation), null, null);
        return outcome.history();
    }

    /**
     * The trainer bound to this network, its optimiser and its generator, made on first use: for runs that
     * checkpoint, resume or stop early (as {@code nn train} does).
     */
    public Trainer trainer() {
        if (trainer == null) {
            trainer = new Trainer(config, network, rng);
        }
        return trainer;
    }

    /** The most probable class of each row of {@code x}. */
    public int[] predict(float[][] x) {
        float[][] p = predictProbabilities(x);
        int[] classes = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            classes[i] = Kernels.argmax(p[i], 0, p[i].length);
        }
        return classes;
    }

    /** The most probable class of one sample. */
    public int predict(float[] row) {
        return predict(new float[][]{row})[0];
    }

    /** The class probabilities (the softmax of the logits) of each row of {@code x}. */
    public float[][] predictProbabilities(float[][] x) {
        float[] rows = standardized(FloatRows.of(x, "x", network.inputSize()));
        int inputs = network.inputSize();
        int classes = network.outputSize();
        float[][] out = new float[x.length][classes];
        int batch = Math.max(1, Math.min(x.length, Evaluator.BATCH));
        Matrix input = new Matrix(batch, inputs);
        network.prepare(batch);
        for (int from = 0; from < x.length; from += batch) {
            int n = Math.min(batch, x.length - from);
            input.setRows(n);
            System.arraycopy(rows, from * inputs, input.data(), 0, n * inputs);
            Matrix logits = network.forward(input);
            for (int r = 0; r < n; r++) {
                System.arraycopy(logits.data(), r * classes, out[from + r], 0, classes);
                Kernels.softmax(out[from + r], 0, classes);
            }
        }
        return out;
    }

    /** The class probabilities of one sample. */
    public float[] predictProbabilities(float[] row) {
        return predictProbabilities(new float[][]{row})[0];
    }

    /** Accuracy, mean loss and confusion matrix on {@code x}, {@code y}. */
    public Evaluation evaluate(float[][] x, int[] y) {
        float[] rows = FloatRows.of(x, "x", network.inputSize());
        FloatRows.requireLabels(y, x.length, network.outputSize(), "y", "x");
        return evaluate(features("evaluation data", rows, y));
    }

    /** Accuracy, mean loss and confusion matrix on a table's rows (standardised as in training). */
    public Evaluation evaluate(Table table) {
        return evaluate(prepareLike(table));
    }

    /** Accuracy, mean loss and confusion matrix on a dataset, as it is. */
    public Evaluation evaluate(Dataset data) {
        return evaluate(data, done -> { });
    }

    /** The same, telling {@code samplesDone} how many samples are done after each batch (for progress). */
    public Evaluation evaluate(Dataset data, IntConsumer samplesDone) {
        return new Evaluator(network, config.network().loss().create()).evaluate(data, samplesDone);
    }

    /** Saves the model (config, weights, standardisation, schema, provenance) to {@code file}, atomically. */
    public void save(Path file) throws IOException {
        ModelIO.save(file, toModel());
    }

    /** The model as a file holds it. */
    public Model toModel() {
        return new Model(network, config, standardization, schema, provenance);
    }

    /** The model with other provenance (a command that knows more of where the data came from). */
    public Model toModel(Provenance other) {
        return new Model(network, config, standardization, schema, other);
    }

    /** The class names: a table's, or the outputs' indices. */
    public List<String> classNames() {
        if (schema != null) {
            return schema.classes();
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < network.outputSize(); c++) {
            names.add(String.valueOf(c));
        }
        return names;
    }

    /** How raw features become inputs, or null when they are used as they are. */
    public Standardization standardization() {
        return standardization;
    }

    /** Where the model came from: filled by {@link #fit} and by loading; null before either. */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * The provenance of a model whose last epoch is {@code last}: nn's and Java's versions, the kernels, now,
     * the data's checksums, and where the data was ({@code dataFolder} or the built-in {@code dataset}; both null
     * for data handed over in memory).
     */
    public static Provenance provenance(EpochStats last, Map<String, String> data, String dataFolder,
                                        String dataset) {
        return new Provenance("nn " + Version.get(), Runtime.version().toString(), Kernels.info().describe(),
                Instant.now().toString(), data, last.epoch(), last.trainLoss(), last.testLoss(), last.testAccuracy(),
                dataFolder, dataset, null);
    }

    private float[] standardized(float[] rows) {
        if (standardization == null) {
            return rows;
        }
        float[] copy = rows.clone();
        standardization.apply(copy);
        return copy;
    }

    private Dataset features(String name, float[] rows, int[] y) {
        return Dataset.ofFeatures(name, standardized(rows), y, network.inputSize(), network.outputSize(),
                Map.of(name, FloatRows.sha256(rows, y)));
    }

    private static Map<String, String> checksums(Dataset train, Dataset validation) {
        Map<String, String> all = new java.util.LinkedHashMap<>(train.checksums());
        all.putAll(validation.checksums());
        return all;
    }

    /** The configuration, as it will be saved. */
    public TrainingConfig config() {
        return config;
    }

    /** The network, weights as they are now. */
    public Network network() {
        return network;
    }

    /**
     * Splits training and prediction over {@code threads}, a team the caller owns and closes (null, the default:
     * the calling thread alone). The weights do not depend on it.
     */
    public Mlp useThreads(KernelThreads threads) {
        network.useThreads(threads);
        return this;
    }
}
