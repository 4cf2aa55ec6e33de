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
 * @param standardization how raw features become inputs, or null (images: bytes scaled by 1/255)
 * @param schema the table's columns and class names, or null (images)
 * @param provenance where the model came from
 */
public record ModelFile(String format, int formatVersion, TrainingConfig config, List<LayerRecord> layers,
                        Standardization standardization, DataSchema schema, Provenance provenance) {

    /** The value of {@code format} in every nn model file. */
    public static final String FORMAT = "nn-mlp";

    /**
     * The newest format version, the one written. Version 2 holds the typed config (network, optimizer, fit)
     * and the optional standardization and schema; version 1 files (a flat config) still load.
     */
    public static final int VERSION = 2;
}
