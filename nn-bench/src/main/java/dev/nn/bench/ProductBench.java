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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The three products backprop uses, at the shapes of the networks (m×n×k: batch × outputs × inputs for A·Bᵀ, the
 * forward pass; outputs × inputs × batch for Aᵀ·B, the weight gradient; batch × inputs × outputs for A·B, the
 * input gradient). GFLOP/s = 2mnk / time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class ProductBench {

    /** A·B, Aᵀ·B or A·Bᵀ. */
    @Param({"AB", "AtB", "ABt"})
    public String op;

    /** m×n×k. */
    @Param({"64x256x784", "256x1024x784", "256x1024x1024", "1000x1024x784"})
    public String shape;

    /** panama, panama256 or scalar. */
    @Param({"panama", "panama256", "scalar"})
    public String impl;

    /** Threads for the product. */
    @Param({"1", "2"})
    public int threads;

    private int m, n, k;
    private float[] a, b, c;

    @Setup
    public void setUp() {
        Implementation.use(impl, threads);
        String[] dims = shape.split("x");
        int rows = Integer.parseInt(dims[0]), cols = Integer.parseInt(dims[1]), inner = Integer.parseInt(dims[2]);
        // the shape is given as the forward pass's; each op takes its own role of it
        switch (op) {
            case "ABt" -> { m = rows; n = cols; k = inner; }
            case "AtB" -> { m = cols; n = inner; k = rows; }
            default -> { m = rows; n = inner; k = cols; }
        }
        Random random = new Random(1);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextFloat() - 0.5f;
        }
    }

    @Benchmark
    public float[] product() {
        switch (op) {
            case "AB" -> Kernels.matmul(a, 0, b, 0, c, 0, m, n, k, 1f, 0f);
            case "AtB" -> Kernels.matmulTransA(a, 0, b, 0, c, 0, m, n, k, 1f, 0f);
            default -> Kernels.matmulTransB(a, 0, b, 0, c, 0, m, n, k, 1f, 0f);
        }
        return c;
    }
}
