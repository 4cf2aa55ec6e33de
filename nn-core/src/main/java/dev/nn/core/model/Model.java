package dev.nn.core.model;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.network.Network;

/**
 * A network with the configuration that trained it and its provenance.
 *
 * @param network the network, weights loaded
 * @param config its training configuration
 * @param standardization how raw features become inputs, or null (images)
 * @param schema the table's columns and class names, or null (images)
 * @param provenance where it came from
 */
public record Model(Network network, TrainingConfig config, Standardization standardization, DataSchema schema,
                    Provenance provenance) {
}
