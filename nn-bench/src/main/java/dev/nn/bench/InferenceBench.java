package dev.nn.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nn.app.bench.Workload;
import dev.nn.core.Mlp;
import dev.nn.core.data.Dataset;
import dev.nn.core.onnx.Onnx;
import dev.nn.core.tensor.Matrix;
import dev.nn.mnist.IdxDatasets;
import dev.nn.simd.KernelThreads;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Inference over MNIST's 10,000 test images, nn beside ONNX Runtime running the same network as nn exports it:
 * blocks of 1,000 raw images in, a class per image out. nn's side is {@code nn bench}'s inference loop (bytes
 * to floats, forward, argmax); ONNX Runtime's gets the pixels as floats (its input) and returns probabilities.
 * Images/s = 10,000 / time per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g",
        "--enable-native-access=ALL-UNNAMED"})
public class InferenceBench {

    private static final int BLOCK = 1000;

    /** {@code nn bench}'s workloads. */
    @Param({"W1", "W4"})
    public String workload;

    /** nn or onnxruntime. */
    @Param({"nn", "onnxruntime"})
    public String engine;

    /** Threads each engine may use. */
    @Param({"1", "2"})
    public int threads;

    private Dataset test;
    private Mlp mlp;
    private KernelThreads team;
    private Matrix block;
    private int[] labels;
    private int[] all;
    private float[][] rawBlocks;
    private OrtEnvironment ort;
    private OrtSession session;

    @Setup
    public void setUp() throws IOException, OrtException {
        test = IdxDatasets.bundledMnist().test();
        mlp = Mlp.of(Workload.valueOf(workload).config());
        team = KernelThreads.of(threads);
        mlp.useThreads(team);
        mlp.network().prepare(BLOCK);
        block = new Matrix(BLOCK, test.features());
        labels = new int[BLOCK];
        all = new int[test.size()];
        Arrays.setAll(all, i -> i);
        rawBlocks = new float[test.size() / BLOCK][BLOCK * test.features()];
        byte[] pixels = new byte[test.features()];
        for (int i = 0; i < test.size(); i++) {
            test.pixels(i, pixels);
            for (int j = 0; j < pixels.length; j++) {
                rawBlocks[i / BLOCK][(i % BLOCK) * pixels.length + j] = pixels[j] & 0xFF;
            }
        }
        if (engine.equals("onnxruntime")) {
            ort = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            session = ort.createSession(Onnx.bytes(mlp.toModel()), options);
        }
    }

    @TearDown
    public void tearDown() throws OrtException {
        team.close();
        if (session != null) {
            session.close();
        }
    }

    @Benchmark
    public int testSet() throws OrtException {
        return engine.equals("nn") ? nn() : onnxRuntime();
    }

    private int nn() {
        int sum = 0;
        for (int from = 0; from < test.size(); from += BLOCK) {
            int n = Math.min(BLOCK, test.size() - from);
            test.fillBatch(team, all, from, n, block, labels);
            Matrix logits = mlp.network().forward(block);
            for (int i = 0; i < n; i++) {
                sum += Kernels.argmax(logits.data(), i * logits.cols(), logits.cols());
            }
        }
        return sum;
    }

    private int onnxRuntime() throws OrtException {
        int sum = 0;
        for (float[] raw : rawBlocks) {
            try (OnnxTensor input = OnnxTensor.createTensor(ort, FloatBuffer.wrap(raw),
                    new long[] {BLOCK, test.features()});
                 OrtSession.Result result = session.run(Map.of("pixels", input))) {
                float[][] probabilities = (float[][]) result.get(0).getValue();
                for (float[] p : probabilities) {
                    sum += Kernels.argmax(p, 0, p.length);
                }
            }
        }
        return sum;
    }
}
