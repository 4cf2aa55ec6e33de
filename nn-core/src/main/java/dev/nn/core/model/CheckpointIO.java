package dev.nn.core.model;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.network.Network;
import dev.nn.core.optim.Optimizer;
import dev.nn.core.optim.OptimizerState;
import dev.nn.core.train.AveragedWeights;
import dev.nn.core.train.BestEpoch;
import dev.nn.core.train.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Reads and writes checkpoints, atomically, with the same checks as model files. */
public final class CheckpointIO {

    private CheckpointIO() {
    }

    /**
     * A checkpoint as read: the network with its weights, and the rest of the run's state.
     *
     * @param network the network, weights restored
     * @param config the run's configuration
     * @param optimizer the optimiser's state, checked to fit the optimiser the config names
     * @param progress where the run stands
     * @param data the data's content checksums, never empty
     * @param run the run's files, or null for a version-1 checkpoint (which did not record them)
     */
    public record Loaded(Network network, TrainingConfig config, OptimizerState optimizer, Progress progress,
                         Map<String, String> data, RunFiles run) {
    }

    /** Writes a checkpoint of a run to {@code file}, replacing it only when complete. */
    public static void save(Path file, Network network, TrainingConfig config, OptimizerState optimizer,
                            Progress progress, Map<String, String> data, RunFiles run) throws IOException {
        ModelIO.write(file, new Checkpoint(Checkpoint.FORMAT, Checkpoint.VERSION, config,
                ModelIO.layerRecords(network), optimizer, progress, data, run));
    }

    /** Reads a checkpoint, checking its format, version, shapes and that every stored number is finite. */
    public static Loaded load(Path file) throws IOException {
        Object document = ModelIO.read(file, Checkpoint.FORMAT, Checkpoint.VERSION,
                version -> version < 3 ? LegacyFiles.CheckpointV2.class : Checkpoint.class);
        Checkpoint c = document instanceof LegacyFiles.CheckpointV2 old
                ? new Checkpoint(old.format(), old.formatVersion(), ModelIO.upgraded(file, old.config()), old.layers(),
                old.optimizer(), old.progress(), old.data(), old.run())
                : (Checkpoint) document;
        TrainingConfig config = ModelIO.requireConfig(file, c.config());
        Network network = ModelIO.network(file, config, c.layers());
        if (c.optimizer() == null || c.optimizer().buffers() == null || c.progress() == null
                || c.progress().history() == null) {
            throw new ModelFormatException(file, "malformed checkpoint: the optimiser state and progress are required");
        }
        requireOptimizerState(file, config, network, c.optimizer());
        Progress p = c.progress();
        int epochs = config.fit().epochs();
        if (p.epoch() < 1 || p.epoch() > epochs + 1 || p.batch() < 0 || p.history().size() != p.epoch() - 1
                || !Double.isFinite(p.lossSum()) || p.lossSum() < 0) {
            throw new ModelFormatException(file, "the progress (epoch " + p.epoch() + ", batch " + p.batch()
                    + ") does not fit a run of " + epochs + " epochs");
        }
        if (p.correct() < -1 || p.correct() > (long) p.batch() * config.fit().batchSize()) {
            throw new ModelFormatException(file, "the progress counts " + p.correct() + " right answers in "
                    + p.batch() + " batches of " + config.fit().batchSize() + "; the checkpoint is damaged");
        }
        if (p.epochRngState() == 0) {
            throw new ModelFormatException(file, "the generator state is 0, which no run reaches (the initial"
                    + " weights always move it); the checkpoint is damaged");
        }
        requireBest(file, config, network, p);
        requireAverage(file, config, network, p);
        if (c.data() == null || c.data().isEmpty()) {
            throw new ModelFormatException(file, "the data checksums are missing; the checkpoint is damaged");
        }
        if (c.run() != null && (c.run().out() == null || c.run().out().isBlank()
                || (c.run().dataFolder() == null) == (c.run().dataset() == null))) {
            throw new ModelFormatException(file, "the run's files are incomplete (an output file and either a data"
                    + " folder or a dataset name); the checkpoint is damaged");
        }
        return new Loaded(network, config, c.optimizer(), p, c.data(), c.run());
    }

    /**
     * A best epoch is one of the finished epochs, kept only with a validation set, with one finite value per
     * weight; a run with a validation set has one once an epoch has ended.
     */
    private static void requireBest(Path file, TrainingConfig config, Network network, Progress p)
            throws ModelFormatException {
        BestEpoch best = p.best();
        boolean expected = config.validation().holdsOut() && !p.history().isEmpty();
        if ((best != null) != expected) {
            throw new ModelFormatException(file, expected ? "the best epoch on the validation set is missing; the"
                    + " checkpoint is damaged" : "it keeps a best epoch but the run holds no validation set out");
        }
        if (best == null) {
            return;
        }
        if (best.epoch() < 1 || best.epoch() > p.history().size() || best.weights() == null
                || best.weights().size() != network.parameters().size()) {
            throw new ModelFormatException(file, "the best epoch (" + best.epoch() + ") or its weights do not fit"
                    + " the run; the checkpoint is damaged");
        }
        for (int i = 0; i < best.weights().size(); i++) {
            ModelIO.copy(file, "best epoch's weights " + (i + 1), best.weights().get(i),
                    new float[network.parameters().get(i).size()]);
        }
    }

    /**
     * Averaged weights are kept only by a run with weight averaging, once an epoch it averages has ended; they
     * hold one epoch for each finished epoch from the first averaged, and one finite value per weight.
     */
    private static void requireAverage(Path file, TrainingConfig config, Network network, Progress p)
            throws ModelFormatException {
        AveragedWeights average = p.average();
        int from = config.fit().averageFrom();
        int averaged = from == 0 ? 0 : Math.max(0, p.history().size() - from + 1);
        if ((average != null) != (averaged > 0)) {
            throw new ModelFormatException(file, averaged > 0 ? "the averaged weights are missing; the checkpoint"
                    + " is damaged" : "it keeps averaged weights but the run averages no epoch yet");
        }
        if (average == null) {
            return;
        }
        if (average.epochs() != averaged || average.mean() == null
                || average.mean().size() != network.parameters().size()) {
            throw new ModelFormatException(file, "the averaged weights (of " + average.epochs() + " epochs) do not"
                    + " fit the run, which has averaged " + averaged + "; the checkpoint is damaged");
        }
        for (int i = 0; i < average.mean().size(); i++) {
            ModelIO.copy(file, "averaged weights " + (i + 1), average.mean().get(i),
                    new float[network.parameters().get(i).size()]);
        }
    }

    /**
     * The optimiser the config names must accept the stored state: its own buffer count (Adam two per
     * parameter, momentum one, SGD none), each buffer the size of its parameter, every value finite.
     */
    private static void requireOptimizerState(Path file, TrainingConfig config, Network network,
                                              OptimizerState state) throws ModelFormatException {
        int groups = network.parameters().size();
        if (state.steps() < 0) {
            throw new ModelFormatException(file, "the optimiser's step count is negative (" + state.steps() + ")");
        }
        for (int i = 0; i < state.buffers().size(); i++) {
            float[] expected = new float[network.parameters().get(i % groups).size()];
            ModelIO.copy(file, "optimiser buffer " + (i + 1), state.buffers().get(i), expected);
        }
        Optimizer optimizer = config.optimizer().create();
        optimizer.init(network.parameters());
        try {
            optimizer.restore(state);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, "the optimiser state does not fit " + config.optimizer().id() + ": "
                    + e.getMessage());
        }
    }
}
