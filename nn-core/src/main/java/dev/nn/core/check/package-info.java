/**
 * Gradient checking: {@link dev.nn.core.check.GradientCheck} compares backprop's float gradients with central
 * finite differences of a double-precision {@link dev.nn.core.check.ReferenceNetwork}.
 */
package dev.nn.core.check;
