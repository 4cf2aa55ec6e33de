package dev.nn.app;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.model.CheckpointIO;
import dev.nn.core.model.RunFiles;
import dev.nn.core.network.Network;
import dev.nn.core.optim.Optimizer;
import dev.nn.core.random.Rng;
import dev.nn.core.train.EpochStats;
import dev.nn.core.train.Progress;
import dev.nn.mnist.IdxDatasets;
import dev.nn.mnist.TrainTest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checkpoints of a 12-8-3 run on {@link SmallData}, made directly, for resume tests. */
final class Checkpoints {

    private Checkpoints() {
    }

    /** A checkpoint at {@code file} of a 2-epoch run on {@code data} saving {@code out}, standing at epoch 2. */
    static Path write(Path file, Path data, Path out, int batch) throws IOException {
        TrainingConfig config = TrainingConfig.DEFAULT.withLayers(List.of(12, 8, 3))
                .with(TrainingConfig.DEFAULT.fit().withEpochs(2));
        Rng rng = new Rng(1);
        Network network = Network.initialized(config.network(), rng);
        Optimizer optimizer = config.optimizer().create();
        optimizer.init(network.parameters());
        TrainTest loaded = IdxDatasets.load(data);
        Map<String, String> checksums = new LinkedHashMap<>(loaded.train().checksums());
        checksums.putAll(loaded.test().checksums());
        CheckpointIO.save(file, network, config, optimizer.state(), new Progress(2, batch, rng.state(), 0, 0,
                        List.of(new EpochStats(1, 2, 1, 0.5, 1, 0.5, 1, 1))), checksums,
                new RunFiles(out.toString(), data.toString(), null, null));
        return file;
    }
}
