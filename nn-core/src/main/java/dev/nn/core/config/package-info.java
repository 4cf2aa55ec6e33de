/**
 * The typed configuration of a training run: {@link dev.nn.core.config.NetworkConfig} (shape and parts),
 * {@link dev.nn.core.config.OptimizerConfig} (Adam, SGD or momentum, each with its own defaults) and
 * {@link dev.nn.core.config.FitConfig} (epochs, batches, seed, schedule), together a
 * {@link dev.nn.core.config.TrainingConfig}. Each default is defined once, in the record it belongs to; every
 * record checks its values and names the parameter that is wrong. {@link dev.nn.core.config.LegacyConfig}
 * reads the flat configuration of version-1 files.
 */
package dev.nn.core.config;
