package dev.nn.core.model;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.network.Network;
import dev.nn.core.optim.OptimizerState;
import dev.nn.core.train.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Reads and writes checkpoints, atomically, with the same checks as model files. */
public final class CheckpointIO {

    private CheckpointIO() {
    }

    /** A checkpoint as read: the network with its weights, and the rest of the run's state. */
    public record Loaded(Network network, TrainingConfig config, OptimizerState optimizer, Progress progress,
                         Map<String, String> data) {
    }

    /** Writes a checkpoint of a run to {@code file}, replacing it only when complete. */
    public static void save(Path file, Network network, TrainingConfig config, OptimizerState optimizer,
                            Progress progress, Map<String, String> data) throws IOException {
        ModelIO.write(file, new Checkpoint(Checkpoint.FORMAT, Checkpoint.VERSION, config,
                ModelIO.layerRecords(network), optimizer, progress, data));
    }

    /** Reads a checkpoint, checking its format, version, shapes and that every stored number is finite. */
    public static Loaded load(Path file) throws IOException {
        Checkpoint c = ModelIO.read(file, Checkpoint.FORMAT, Checkpoint.VERSION, Checkpoint.class);
        TrainingConfig config = ModelIO.validConfig(file, c.config());
        Network network = ModelIO.network(file, config, c.layers());
        if (c.optimizer() == null || c.optimizer().buffers() == null || c.progress() == null
                || c.progress().history() == null) {
            throw new ModelFormatException(file, "malformed checkpoint: the optimiser state and progress are required");
        }
        int groups = network.parameters().size();
        if (c.optimizer().buffers().size() != 2 * groups) {
            throw new ModelFormatException(file, "the optimiser state has " + c.optimizer().buffers().size()
                    + " buffers, expected " + 2 * groups);
        }
        for (int i = 0; i < c.optimizer().buffers().size(); i++) {
            float[] expected = new float[network.parameters().get(i % groups).size()];
            ModelIO.copy(file, "optimiser buffer " + (i + 1), c.optimizer().buffers().get(i), expected);
        }
        Progress p = c.progress();
        if (p.epoch() < 1 || p.epoch() > config.epochs() + 1 || p.batch() < 0 || p.history().size() != p.epoch() - 1
                || !Double.isFinite(p.lossSum())) {
            throw new ModelFormatException(file, "the progress (epoch " + p.epoch() + ", batch " + p.batch()
                    + ") does not fit a run of " + config.epochs() + " epochs");
        }
        return new Loaded(network, config, c.optimizer(), p, c.data() == null ? Map.of() : c.data());
    }
}
