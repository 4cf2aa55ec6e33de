package dev.nn.core.model;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.optim.OptimizerState;
import dev.nn.core.train.Progress;

import java.util.List;
import java.util.Map;

/**
 * The JSON document of a checkpoint: everything a training run needs to continue exactly where it was.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion the layout version, {@link #VERSION} for files this code writes
 * @param config the run's configuration
 * @param layers the weights as they are now
 * @param optimizer the optimiser's state (step count and moments)
 * @param progress the epoch, batch, generator state and history
 * @param data the training and test files' content SHA-256, by file name, to refuse other data on resume
 * @param run where the run reads and writes, so that resuming it needs no other flag (absent before version 2)
 */
public record Checkpoint(String format, int formatVersion, TrainingConfig config, List<LayerRecord> layers,
                         OptimizerState optimizer, Progress progress, Map<String, String> data, RunFiles run) {

    /** The value of {@code format} in every nn checkpoint. */
    public static final String FORMAT = "nn-checkpoint";

    /**
     * The newest format version, the one written: version 3 holds the typed config; versions 1 (a flat config)
     * and 2 (a flat config and the run's files) still load.
     */
    public static final int VERSION = 3;
}
