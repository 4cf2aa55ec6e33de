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
 * Every kernel other than the products, on 65,536 floats (256 kB an array: in L2, so the kernel and not main
 * memory sets the pace), each implementation in its own fork. Matrix kernels see 64 rows of 1,024;
 * softmaxRows 6,553 rows of 10 (a batch of logits); the gather 83 shuffled rows of 784 bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class KernelBench {

    /** Floats per array. */
    static final int N = 1 << 16;

    /** The kernel. */
    @Param({"copy", "dot", "sum", "max", "argmax", "axpy", "scale", "add", "addRowVector", "columnSums", "relu",
            "reluBackward", "leakyRelu", "leakyReluBackward", "sigmoid", "sigmoidBackward", "tanh", "tanhBackward",
            "exp", "softmax", "softmaxRows", "adam", "momentum", "unsignedBytesToFloats", "unsignedByteRowsToFloats"})
    public String kernel;

    /** panama, panama256, panama128 or scalar. */
    @Param({"panama", "panama256", "scalar"})
    public String impl;

    private float[] x, y, w, m, v, lse, source;
    private byte[] bytes;
    private int[] rows;

    @Setup
    public void setUp() {
        Implementation.use(impl);
        Random random = new Random(1);
        x = new float[N];
        y = new float[N];
        w = new float[N];
        m = new float[N];
        v = new float[N];
        source = new float[N];
        lse = new float[N / 10];
        for (int i = 0; i < N; i++) {
            source[i] = random.nextFloat() * 8 - 4;
            y[i] = random.nextFloat() - 0.5f;
            v[i] = random.nextFloat();
        }
        System.arraycopy(source, 0, x, 0, N);
        bytes = new byte[60_000 * 784 / 16];
        random.nextBytes(bytes);
        rows = new int[N / 784];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextInt(bytes.length / 784);
        }
    }

    @Benchmark
    public Object run() {
        switch (kernel) {
            case "copy" -> System.arraycopy(source, 0, x, 0, N);
            case "dot" -> {
                return Kernels.dot(x, 0, y, 0, N);
            }
            case "sum" -> {
                return Kernels.sum(x, 0, N);
            }
            case "max" -> {
                return Kernels.max(x, 0, N);
            }
            case "argmax" -> {
                return Kernels.argmax(x, 0, N);
            }
            case "axpy" -> Kernels.axpy(1e-3f, y, 0, w, 0, N);
            case "scale" -> Kernels.scale(-1f, x, 0, N); // a sign flip: values never decay into subnormals
            case "add" -> Kernels.add(y, 0, w, 0, N);
            case "addRowVector" -> Kernels.addRowVector(y, 0, w, 0, 64, 1024);
            case "columnSums" -> Kernels.columnSums(x, 0, 64, 1024, w, 0, 0f);
            case "relu" -> {
                System.arraycopy(source, 0, x, 0, N);
                Kernels.relu(x, 0, N);
            }
            case "reluBackward" -> Kernels.reluBackward(source, 0, w, 0, N);
            case "leakyRelu" -> {
                System.arraycopy(source, 0, x, 0, N);
                Kernels.leakyRelu(x, 0, N, 0.01f);
            }
            case "leakyReluBackward" -> Kernels.leakyReluBackward(source, 0, w, 0, N, 0.01f);
            case "sigmoid" -> {
                System.arraycopy(source, 0, x, 0, N);
                Kernels.sigmoid(x, 0, N);
            }
            case "sigmoidBackward" -> Kernels.sigmoidBackward(v, 0, w, 0, N);
            case "tanh" -> {
                System.arraycopy(source, 0, x, 0, N);
                Kernels.tanh(x, 0, N);
            }
            case "tanhBackward" -> Kernels.tanhBackward(v, 0, w, 0, N);
            case "exp" -> {
                System.arraycopy(source, 0, x, 0, N);
                Kernels.exp(x, 0, N);
            }
            case "softmax" -> {
                System.arraycopy(source, 0, x, 0, N);
                return Kernels.softmax(x, 0, N);
            }
            case "softmaxRows" -> {
                System.arraycopy(source, 0, x, 0, N);
                Kernels.softmaxRows(x, 0, N / 10, 10, lse, 0);
            }
            case "adam" -> Kernels.adam(w, 0, y, 0, m, 0, v, 0, N, 0.9f, 0.999f, 1e-6f, 1f, 1e-8f);
            case "momentum" -> Kernels.momentum(w, 0, y, 0, m, 0, N, 0.9f, 1e-6f);
            case "unsignedBytesToFloats" -> Kernels.unsignedBytesToFloats(bytes, 0, x, 0, N, 1f / 255);
            case "unsignedByteRowsToFloats" -> Kernels.unsignedByteRowsToFloats(bytes, 784, rows, 0, rows.length, x, 0,
                    1f / 255);
            default -> throw new IllegalArgumentException("unknown kernel " + kernel);
        }
        return x;
    }
}
