package dev.nn.app.bench;

import dev.nn.core.Mlp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.ThreadMXBean;
import dev.nn.app.cli.HeapCheck;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.network.Network;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import dev.nn.core.train.Trainer;
import dev.nn.mnist.IdxDatasets;
import dev.nn.mnist.TrainTest;
import dev.nn.simd.KernelThreads;
import dev.nn.simd.Kernels;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Measures one workload in this JVM: training steps on shuffled MNIST batches (warm-up first, then repeats of
 * timed steps, the median kept), inference over the test set (warmed up the same way), bytes allocated per step
 * (the thread's allocation counter around each repeat; the median repeat), and the FMA peak. Run by
 * {@code nn bench} in a child JVM per configuration.
 */
public final class BenchWorker {

    private BenchWorker() {
    }

    /** Arguments: workload name, repeats, seconds per repeat, kernel threads. Prints one JSON line. */
    public static void main(String[] args) throws IOException {
        Workload workload = Workload.valueOf(args[0]);
        int repeats = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        try (KernelThreads team = KernelThreads.of(Integer.parseInt(args[3]))) {
            BenchResult result = measure(workload, IdxDatasets.bundledMnist(), repeats, seconds, team);
            System.out.println(new ObjectMapper().writeValueAsString(result));
        }
    }

    static BenchResult measure(Workload workload, TrainTest data, int repeats, double seconds, KernelThreads team) {
        TrainingConfig config = workload.config();
        Mlp mlp = Mlp.of(config).useThreads(team);
        Network network = mlp.network();
        Trainer trainer = mlp.trainer();
        Rng rng = new Rng(config.fit().seed());
        rng.setState(trainer.rngState());
        int batch = config.fit().batchSize();
        Dataset train = data.train();
        int[] order = new int[train.size()];
        Arrays.setAll(order, i -> i);
        rng.shuffle(order);
        Matrix x = new Matrix(batch, train.features());
        int[] y = new int[batch];
        network.prepare(Math.max(batch, 1000));
        int batches = train.size() / batch;
        int[] next = {0};
        Runnable step = () -> {
            train.fillBatch(team, order, (next[0] % batches) * batch, batch, x, y);
            next[0]++;
            trainer.step(x, y);
        };
        int stepsPerRepeat = warmUp(step, seconds, 20);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] stepSeconds = new double[repeats];
        double[] bytesPerStep = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long bytesBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            for (int s = 0; s < stepsPerRepeat; s++) {
                step.run();
            }
            stepSeconds[r] = (System.nanoTime() - start) / 1e9 / stepsPerRepeat;
            bytesPerStep[r] = (double) (threads.getCurrentThreadAllocatedBytes() - bytesBefore) / stepsPerRepeat;
        }
        double step50 = median(stepSeconds);

        Dataset test = data.test();
        Matrix block = new Matrix(1000, test.features());
        int[] labels = new int[1000];
        int[] all = new int[test.size()];
        Arrays.setAll(all, i -> i);
        Runnable inferTestSet = () -> {
            for (int from = 0; from < test.size(); from += 1000) {
                int n = Math.min(1000, test.size() - from);
                test.fillBatch(team, all, from, n, block, labels);
                Matrix logits = network.forward(block);
                for (int i = 0; i < n; i++) {
                    labels[i] = Kernels.argmax(logits.data(), i * logits.cols(), logits.cols());
                }
            }
        };
        warmUp(inferTestSet, seconds, 1);
        double[] inferSeconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            inferTestSet.run();
            inferSeconds[r] = (System.nanoTime() - start) / 1e9;
        }
        double peak = FmaPeak.gflops(500);
        return new BenchResult(workload.name(), workload.describe(), Kernels.info().describe(), team.count(),
                step50 * (train.size() / (double) batch) * 1000, batch / step50,
                test.size() / median(inferSeconds), median(bytesPerStep), workload.flopsPerStep() / step50 / 1e9,
                peak, HeapCheck.peakHeapBytes() >> 20, Runtime.version().toString());
    }

    /**
     * Runs steps until the JIT has settled: blocks of steps until two blocks in a row take within 5% of each
     * other, the second allocated nothing (code the JIT has not compiled yet allocates its vectors), and
     * {@code seconds} have passed (at most 30 s); each block at least {@code minBlock} steps. Returns the steps a
     * block of about {@code seconds} takes, the size of each timed repeat.
     */
    private static int warmUp(Runnable step, double seconds, int minBlock) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        int block = minBlock;
        double previous = Double.MAX_VALUE;
        while (true) {
            long bytesBefore = threads.getCurrentThreadAllocatedBytes();
            long t = System.nanoTime();
            for (int i = 0; i < block; i++) {
                step.run();
            }
            double perStep = (System.nanoTime() - t) / 1e9 / block;
            boolean quiet = threads.getCurrentThreadAllocatedBytes() == bytesBefore;
            double elapsed = (System.nanoTime() - start) / 1e9;
            boolean settled = quiet && Math.abs(perStep - previous) <= 0.05 * previous;
            if ((settled && elapsed >= seconds) || elapsed > 30) {
                return Math.max(minBlock, (int) (seconds / perStep));
            }
            previous = perStep;
            block = Math.max(minBlock, (int) (0.25 / perStep));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
