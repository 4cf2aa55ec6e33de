package dev.nn.bench;

import dev.nn.simd.Kernels;
import org.apache.lucene.util.VectorUtil;
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

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * dot, axpy and sum, nn-simd beside Lucene's {@code VectorUtil} (its Panama provider, on the widest vectors) and a
 * plain loop, at n = 16 (a short row), 784 (an MNIST image) and 65536. Lucene has no axpy and no float sum: beside
 * axpy stands {@code VectorUtil.add} (y += x, the same loads and stores with one multiply fewer), beside sum
 * {@code dotProduct(x, ones)}, the way to sum with it.
 *
 * <p>Where an array starts against a 64-byte cache line decides whether each 512-bit load reads one line or two,
 * and by default that changes from fork to fork (a float array's elements start 16 bytes past an object aligned
 * to 8 bytes): one side's lucky fork made it look up to 20% faster. The forks therefore align objects to 64
 * bytes, which puts every array 16 bytes past a line: each 512-bit load reads two lines, as it does for 7 in 8
 * placements by default, the same for every side.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64"})
public class VectorBench {

    /** Elements. */
    @Param({"16", "784", "65536"})
    public int n;

    /** panama, panama256, panama128, scalar, lucene or loop. */
    @Param({"panama", "panama256", "lucene", "loop"})
    public String impl;

    private float[] x, y, ones;
    private boolean nn;

    @Setup
    public void setUp() {
        nn = Implementation.use(impl);
        x = new float[n];
        y = new float[n];
        ones = new float[n];
        Arrays.fill(ones, 1f);
        for (int i = 0; i < n; i++) {
            x[i] = ((i % 7) - 3) * 1e-3f;
            y[i] = ((i % 5) - 2) * 1e-3f;
        }
    }

    @Benchmark
    public float dot() {
        if (nn) {
            return Kernels.dot(x, 0, y, 0, n);
        }
        if (impl.equals("lucene")) {
            return VectorUtil.dotProduct(x, y);
        }
        float sum = 0;
        for (int i = 0; i < n; i++) {
            sum = Math.fma(x[i], y[i], sum);
        }
        return sum;
    }

    @Benchmark
    public float[] axpy() {
        if (nn) {
            Kernels.axpy(-1f, x, 0, y, 0, n); // x is added with alternating signs below: y stays small
            Kernels.axpy(1f, x, 0, y, 0, n);
        } else if (impl.equals("lucene")) {
            VectorUtil.add(y, x);
            VectorUtil.add(y, ones);
        } else {
            for (int i = 0; i < n; i++) {
                y[i] = Math.fma(-1f, x[i], y[i]);
            }
            for (int i = 0; i < n; i++) {
                y[i] = Math.fma(1f, x[i], y[i]);
            }
        }
        return y;
    }

    @Benchmark
    public float sum() {
        if (nn) {
            return Kernels.sum(x, 0, n);
        }
        if (impl.equals("lucene")) {
            return VectorUtil.dotProduct(x, ones);
        }
        float sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
        }
        return sum;
    }
}
