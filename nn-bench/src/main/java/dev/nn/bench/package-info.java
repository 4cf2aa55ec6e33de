/**
 * JMH benchmarks of nn-simd, each implementation and peer in its own fork, chosen by a parameter:
 * {@link dev.nn.bench.ProductBench} (the three products beside EJML and the scalar twin),
 * {@link dev.nn.bench.VectorBench} (dot, axpy, sum beside Lucene's VectorUtil), {@link dev.nn.bench.KernelBench}
 * (every other kernel) and {@link dev.nn.bench.PeakBench} (the FMA peak in the same run).
 * {@code bin/kernel-benchmarks.sh} runs them and writes docs/KERNELS.md.
 */
package dev.nn.bench;
