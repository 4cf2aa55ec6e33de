/** The network: a stack of layers, built from a configuration, run forward and backward over batches. */
package dev.nn.core.network;
