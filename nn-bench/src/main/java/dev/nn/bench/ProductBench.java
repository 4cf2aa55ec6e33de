package dev.nn.bench;

import dev.nn.simd.Kernels;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
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
 * The three products, nn-simd (each vector width, and its scalar twin) beside EJML's float products, on one
 * thread, at each op's own m×n×k: square, the shapes of the networks (a batch through a layer), and narrow
 * outputs (n = 10, 16, 17, 100). GFLOP/s = 2mnk / time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class ProductBench {

    /** A·B, Aᵀ·B or A·Bᵀ. */
    @Param({"AB", "AtB", "ABt"})
    public String op;

    /** m×n×k of the op itself. */
    @Param({"512x512x512", "64x256x784", "256x1024x784", "1000x1024x784", "256x10x1024", "256x16x1024",
            "256x17x1024", "256x24x1024", "256x31x1024", "256x100x1024"})
    public String shape;

    /** panama, panama256, panama128, scalar, or ejml. */
    @Param({"panama", "panama256", "scalar", "ejml"})
    public String impl;

    private int m, n, k;
    private float[] a, b, c;
    private FMatrixRMaj ea, eb, ec;

    @Setup
    public void setUp() {
        Implementation.use(impl);
        String[] dims = shape.split("x");
        m = Integer.parseInt(dims[0]);
        n = Integer.parseInt(dims[1]);
        k = Integer.parseInt(dims[2]);
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
        // EJML's matrices hold the same numbers in the same layout: A m×k (k×m for Aᵀ·B), B k×n (n×k for A·Bᵀ)
        ea = op.equals("AtB") ? new FMatrixRMaj(k, m) : new FMatrixRMaj(m, k);
        eb = op.equals("ABt") ? new FMatrixRMaj(n, k) : new FMatrixRMaj(k, n);
        ec = new FMatrixRMaj(m, n);
        System.arraycopy(a, 0, ea.data, 0, a.length);
        System.arraycopy(b, 0, eb.data, 0, b.length);
    }

    @Benchmark
    public Object product() {
        if (impl.equals("ejml")) {
            switch (op) {
                case "AB" -> CommonOps_FDRM.mult(ea, eb, ec);
                case "AtB" -> CommonOps_FDRM.multTransA(ea, eb, ec);
                default -> CommonOps_FDRM.multTransB(ea, eb, ec);
            }
            return ec;
        }
        switch (op) {
            case "AB" -> Kernels.matmul(a, 0, b, 0, c, 0, m, n, k, 1f, 0f);
            case "AtB" -> Kernels.matmulTransA(a, 0, b, 0, c, 0, m, n, k, 1f, 0f);
            default -> Kernels.matmulTransB(a, 0, b, 0, c, 0, m, n, k, 1f, 0f);
        }
        return c;
    }
}
