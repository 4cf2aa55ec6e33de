package dev.nn.core.model;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.network.Network;

/**
 * A network with the configuration that trained it and its provenance.
 *
 * @param network the network, weights loaded
 * @param config its training configuration
 * @param provenance where it came from
 */
public record Model(Network network, TrainingConfig config, Provenance provenance) {
}
