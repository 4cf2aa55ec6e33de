/**
 * The public facade of nn-simd: {@link dev.nn.simd.Kernels}, static float kernels on {@code float[]} with
 * offsets, {@link dev.nn.simd.BlockOp}, work a product does on each block it computes, and
 * {@link dev.nn.simd.SimdInfo}, which says which implementation runs them.
 *
 * <p>Callers never see the Vector API: the implementation (Panama or scalar) is chosen once, at first use,
 * from {@code -Dnn.simd=auto|scalar|panama} and {@code -Dnn.simd.bits=0|128|256|512}.
 */
package dev.nn.simd;
