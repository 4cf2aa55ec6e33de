package dev.nn.core.model;

import dev.nn.core.config.TrainingConfig;

import java.util.List;

/**
 * The JSON document of a model file, field for field.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion the layout version, {@link #VERSION} for files this code writes
 * @param config the configuration that trained the model
 * @param layers the layers, input side first
 * @param provenance where the model came from
 */
public record ModelFile(String format, int formatVersion, TrainingConfig config, List<LayerRecord> layers,
                        Provenance provenance) {

    /** The value of {@code format} in every nn model file. */
    public static final String FORMAT = "nn-mlp";

    /** The newest format version, the one written. */
    public static final int VERSION = 1;
}
