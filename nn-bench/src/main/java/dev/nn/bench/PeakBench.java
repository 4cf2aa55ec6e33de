package dev.nn.bench;

import dev.nn.app.bench.FmaPeak;
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
 * The machine's FMA peak in the same run, at each vector width: {@link FmaPeak} (twelve independent FMA chains on
 * registers) printed as GFLOP/s, so the products' GFLOP/s can be read as a fraction of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class PeakBench {

    /** panama (the widest vectors) or a narrower width. */
    @Param({"panama", "panama256", "panama128"})
    public String impl;

    @Setup
    public void setUp() {
        Implementation.use(impl);
    }

    /** Returns the peak in GFLOP/s measured over 300 ms, and prints it for the report. */
    @Benchmark
    public double peakGflops() {
        double gflops = FmaPeak.gflops(300);
        System.out.printf("%n%s peak: %.1f GFLOP/s%n", impl, gflops);
        return gflops;
    }
}
