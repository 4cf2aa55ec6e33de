/** The training loop: shuffled mini-batches, forward, loss, backward, optimiser step, per-epoch evaluation. */
package dev.nn.core.train;
