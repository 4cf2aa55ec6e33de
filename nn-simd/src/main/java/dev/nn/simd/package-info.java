/**
 * The public API of nn-simd: {@link dev.nn.simd.Kernels}, static float kernels on {@code float[]} with offsets
 * and leading dimensions; {@link dev.nn.simd.KernelThreads}, threads the caller owns and passes to the kernels
 * that can split their work; {@link dev.nn.simd.BlockOp}, work a product does on each block it computes; and
 * {@link dev.nn.simd.SimdInfo}, which says which implementation runs them.
 *
 * <p>Callers never see the Vector API: the implementation (Panama or scalar) is chosen once, at first use, from
 * {@code -Dnn.simd=auto|scalar|panama}, {@code -Dnn.simd.bits=128|256|512} and {@code -Dnn.simd.fma}, and logged on
 * the {@code System.Logger} named {@code dev.nn.simd}.
 */
package dev.nn.simd;
