/**
 * Implementations behind {@link dev.nn.simd.Kernels}: the {@link dev.nn.simd.internal.KernelSupport}
 * interface, its scalar twin and its Panama (Vector API) implementation, and the provider that picks one.
 *
 * <p>Not an API: only the facade package is meant for other projects.
 */
package dev.nn.simd.internal;
