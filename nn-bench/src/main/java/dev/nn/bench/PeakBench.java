package dev.nn.bench;

import dev.nn.simd.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The machine's FMA peak in the same run: {@link Kernels#measurePeakGflops} (twelve independent FMA chains on
 * registers of the species in use) reported as GFLOP/s per call, so the products' GFLOP/s can be read as a
 * fraction of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class PeakBench {

    /** panama or panama256. */
    @Param({"panama", "panama256"})
    public String impl;

    @Setup
    public void setUp() {
        Implementation.use(impl, 1);
    }

    /** Returns the peak in GFLOP/s measured over 300 ms (the benchmark's time is that, by construction). */
    @Benchmark
    public double peakGflops() {
        double gflops = Kernels.measurePeakGflops(300);
        System.out.printf("%n%s peak: %.1f GFLOP/s%n", impl, gflops);
        return gflops;
    }
}
