/**
 * {@code nn bench}: {@link dev.nn.app.bench.Workload} names the benchmark networks, {@link dev.nn.app.bench.BenchWorker}
 * measures one workload in one JVM (so that each kernel implementation gets its own), and
 * {@link dev.nn.app.bench.BenchResult} carries its figures back as JSON.
 */
package dev.nn.app.bench;
