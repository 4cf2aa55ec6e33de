/**
 * The training loop: shuffled mini-batches, forward, loss, backward, optimiser step, per-epoch evaluation; the
 * best epoch on a validation set and the averaged weights a run may keep; how far a run has come.
 */
package dev.nn.core.train;
