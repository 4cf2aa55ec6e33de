/**
 * Optimisers: {@link dev.nn.core.optim.Optimizer} is the contract and its lifecycle,
 * {@link dev.nn.core.optim.Adam} the default.
 */
package dev.nn.core.optim;
