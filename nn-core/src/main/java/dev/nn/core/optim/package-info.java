/**
 * Optimisers: {@link dev.nn.core.optim.Optimizer} is the contract and its lifecycle; {@link dev.nn.core.optim.Adam}
 * (the default), {@link dev.nn.core.optim.Sgd} and {@link dev.nn.core.optim.Momentum} implement it,
 * {@link dev.nn.core.config.OptimizerConfig} creates the one a config names, {@link dev.nn.core.optim.Schedule} moves
 * the learning rate.
 */
package dev.nn.core.optim;
