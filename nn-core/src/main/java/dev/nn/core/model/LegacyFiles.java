package dev.nn.core.model;

import dev.nn.core.config.LegacyConfig;
import dev.nn.core.optim.OptimizerState;
import dev.nn.core.train.Progress;

import java.util.List;
import java.util.Map;

/** The JSON documents of earlier format versions, bound only to be turned into today's. */
final class LegacyFiles {

    private LegacyFiles() {
    }

    /**
     * A model file of format version 1: a flat config, no standardization or schema.
     *
     * @param format always {@link ModelFile#FORMAT}
     * @param formatVersion 1
     * @param config the flat config
     * @param layers the layers
     * @param provenance where it came from
     */
    record ModelV1(String format, int formatVersion, LegacyConfig config, List<LayerRecord> layers,
                   Provenance provenance) {
    }

    /**
     * A checkpoint of format version 1 or 2: a flat config; version 2 added the run's files.
     *
     * @param format always {@link Checkpoint#FORMAT}
     * @param formatVersion 1 or 2
     * @param config the flat config
     * @param layers the weights
     * @param optimizer the optimiser's state
     * @param progress the position in the run
     * @param data the data's checksums
     * @param run the run's files (version 2)
     */
    record CheckpointV2(String format, int formatVersion, LegacyConfig config, List<LayerRecord> layers,
                        OptimizerState optimizer, Progress progress, Map<String, String> data, RunFiles run) {
    }
}
