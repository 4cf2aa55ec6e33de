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
 * Element-wise kernels on 1M floats (beyond the caches, so memory bound) beside {@code System.arraycopy} of the
 * same array: bytes moved per second, compared as ratios. Bytes per element: copy 8, scale 8, relu 8, axpy 12,
 * adam 28.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class ElementwiseBench {

    /** panama, panama256 or scalar. */
    @Param({"panama", "panama256", "scalar"})
    public String impl;

    /** Floats per array. */
    @Param({"1048576"})
    public int size;

    private float[] x, y, m, v, w;

    @Setup
    public void setUp() {
        Implementation.use(impl, 1);
        x = new float[size];
        y = new float[size];
        m = new float[size];
        v = new float[size];
        w = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (i % 7) - 3;
            y[i] = 1e-3f * (i % 5);
        }
    }

    @Benchmark
    public float[] copy() {
        System.arraycopy(x, 0, w, 0, size);
        return w;
    }

    @Benchmark
    public float[] scale() {
        Kernels.scale(-1f, x, 0, size); // a sign flip: the values never decay into slow subnormals
        return x;
    }

    @Benchmark
    public float[] relu() {
        Kernels.relu(x, 0, size);
        return x;
    }

    @Benchmark
    public float[] axpy() {
        Kernels.axpy(1e-6f, x, 0, y, 0, size);
        return y;
    }

    @Benchmark
    public float[] adam() {
        Kernels.adam(w, y, m, v, 0, size, 0.9f, 0.999f, 1e-6f, 1f, 1e-8f);
        return w;
    }
}
