/**
 * JMH benchmarks of nn-simd: {@link dev.nn.bench.ProductBench} (the three matrix products at the networks' shapes),
 * {@link dev.nn.bench.ElementwiseBench} (against a plain array copy) and {@link dev.nn.bench.PeakBench} (the FMA
 * peak in the same run). Each implementation runs in its own fork, chosen by a parameter.
 */
package dev.nn.bench;
