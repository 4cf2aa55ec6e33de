/**
 * What runs behind {@link dev.nn.simd.Kernels}: the kernel interfaces by concern (one pure method per kernel),
 * {@link dev.nn.simd.internal.Implementation} (one implementation of each), the
 * {@link dev.nn.simd.internal.KernelProvider} that chooses Panama or scalar once per JVM,
 * {@link dev.nn.simd.internal.Softmax} written once over the other kernels, and the engines that run whole
 * products and long updates ({@link dev.nn.simd.internal.ProductEngine}, {@link dev.nn.simd.internal.RunEngine})
 * over the parallel-for {@link dev.nn.simd.internal.Team}. The implementations live in {@code .scalar} and
 * {@code .panama}.
 *
 * <p>Not an API: module-info exports only the facade package.
 */
package dev.nn.simd.internal;
