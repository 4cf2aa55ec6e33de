package dev.nn.core.model;

/**
 * One layer as stored in a model file.
 *
 * @param type the layer's kind; {@code dense} is the only one
 * @param inputs values in
 * @param outputs values out
 * @param activation the activation's short name
 * @param weights outputs×inputs weights, row-major (row o holds the weights into output o)
 * @param bias one bias per output
 */
public record LayerRecord(String type, int inputs, int outputs, String activation, float[] weights, float[] bias) {
}
