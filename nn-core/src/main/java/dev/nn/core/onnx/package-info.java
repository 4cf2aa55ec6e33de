/**
 * ONNX, the interchange format of neural networks: nn's models exported as standard ONNX files that ONNX
 * Runtime and other tools run, and multilayer perceptrons made elsewhere (PyTorch, Keras, ...) imported as nn
 * models. The protobuf wire format is read and written here directly, for the few ONNX messages an MLP needs.
 */
package dev.nn.core.onnx;
