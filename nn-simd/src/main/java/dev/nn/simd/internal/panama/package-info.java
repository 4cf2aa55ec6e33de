/**
 * The Panama (Vector API) implementation: {@link dev.nn.simd.internal.panama.Vectors} (the species, the FMA
 * switch, lane sums), a class per concern (element-wise, reductions, activations with the exponential, updates,
 * conversions), and the products: {@link dev.nn.simd.internal.panama.PanamaProducts} chooses the method for a
 * shape, {@link dev.nn.simd.internal.panama.BroadcastProduct}, {@link dev.nn.simd.internal.panama.TransposedProduct},
 * {@link dev.nn.simd.internal.panama.DotProduct} and {@link dev.nn.simd.internal.panama.EdgeColumns} run it,
 * {@link dev.nn.simd.internal.panama.Panels} packs, and each micro-kernel family has its file
 * ({@link dev.nn.simd.internal.panama.PackedKernels}, {@link dev.nn.simd.internal.panama.BroadcastKernels},
 * {@link dev.nn.simd.internal.panama.TransposedKernels}, {@link dev.nn.simd.internal.panama.DotKernels},
 * {@link dev.nn.simd.internal.panama.ShortRowKernels}). Loaded only when the Vector API module is present.
 */
package dev.nn.simd.internal.panama;
