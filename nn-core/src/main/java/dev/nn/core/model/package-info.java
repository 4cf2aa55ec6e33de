/**
 * Model files: a network's weights with the configuration that trained it and its provenance, as versioned
 * JSON ({@code "format": "nn-mlp"}, {@code "formatVersion": 1}), written atomically and validated on reading.
 */
package dev.nn.core.model;
