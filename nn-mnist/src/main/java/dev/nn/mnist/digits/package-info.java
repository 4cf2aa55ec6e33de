/**
 * Turning a picture of a digit into an MNIST sample: {@link dev.nn.mnist.digits.ImageFiles} reads PNG, JPEG, GIF,
 * BMP and PGM files as grey levels; {@link dev.nn.mnist.digits.MnistForm} fits, centres and scales them the way
 * MNIST was made.
 */
package dev.nn.mnist.digits;
