/**
 * Layers: {@link dev.nn.core.layer.Layer} is the contract (forward, backward, parameters), and
 * {@link dev.nn.core.layer.Dense} the fully connected layer with its activation fused in.
 */
package dev.nn.core.layer;
