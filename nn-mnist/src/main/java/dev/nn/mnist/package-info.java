/**
 * MNIST-format datasets: a training and a test pair of IDX files (images and labels) from a folder or from
 * the bundled copy of MNIST, checked against {@code SHA256SUMS} where one is given.
 */
package dev.nn.mnist;
