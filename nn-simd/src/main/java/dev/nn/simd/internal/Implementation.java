package dev.nn.simd.internal;

/**
 * One implementation of every kernel, by concern, and what it is; the facade calls these directly.
 *
 * @param elementwise axpy, scale, add, bias rows
 * @param reductions dot, sum, max, argmax, column sums
 * @param activations the activations, their derivatives, and exp
 * @param softmax softmax and log-sum-exp, over the kernels above
 * @param updates optimiser updates
 * @param conversions bytes to floats
 * @param products the matrix products on one thread
 * @param vectorBits the float vector width in bits, 0 for scalar code
 */
public record Implementation(Elementwise elementwise, Reductions reductions, Activations activations,
                             Softmax softmax, Updates updates, Conversions conversions, Products products,
                             int vectorBits) {
}
