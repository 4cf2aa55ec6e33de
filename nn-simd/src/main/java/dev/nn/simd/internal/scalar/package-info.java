/**
 * The scalar twin of every kernel, in plain Java: the fallback when the Vector API is absent, the tails of the
 * Panama kernels, and the oracle they are tested against. One class per concern; {@link
 * dev.nn.simd.internal.scalar.ScalarFma} is the one multiply-add, fused or not, and
 * {@link dev.nn.simd.internal.scalar.ScalarExp} the exponential both implementations compute step for step.
 */
package dev.nn.simd.internal.scalar;
