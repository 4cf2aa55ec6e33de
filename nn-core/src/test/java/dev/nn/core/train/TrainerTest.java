package dev.nn.core.train;

import dev.nn.core.Synthetic;
import dev.nn.core.config.Augmentation;
import dev.nn.core.config.FitConfig;
import dev.nn.core.config.NetworkConfig;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.config.Regularization;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.layer.Dense;
import dev.nn.core.network.Network;
import dev.nn.core.optim.Schedule;
import dev.nn.core.optim.Adam;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.KernelThreads;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    static final TrainingConfig CONFIG = new TrainingConfig(NetworkConfig.of(List.of(30, 12, 8, 3)),
            OptimizerConfig.Adam.DEFAULT, new FitConfig(3, 16, 99, Schedule.COSINE));

    /** Every regularisation at once: dropout of the input and the hidden layers, both weight decays, max-norm. */
    static final TrainingConfig REGULARISED = CONFIG.with(new Regularization(0.2f, 0.5f, 1e-3f, 1e-2f, 2f));

    /** Every distortion at once, on the 5×6 images of {@link Synthetic#stripes} with 30 features. */
    static final TrainingConfig AUGMENTED = CONFIG.with(new Augmentation(10, 0.1f, 0.2f, 1, 3, 1.5f));

    static Network train(TrainingConfig config, Dataset train, Dataset test) {
        return train(config, train, test, null);
    }

    static Network train(TrainingConfig config, Dataset train, Dataset test, KernelThreads threads) {
        Rng rng = new Rng(config.fit().seed());
        Network network = Network.initialized(config.network(), rng);
        network.useThreads(threads);
        Trainer trainer = new Trainer(config, network, rng);
        trainer.fit(train, test, new TrainingListener() { });
        return network;
    }

    static List<float[]> weights(Network network) {
        List<float[]> all = new ArrayList<>();
        for (Dense layer : network.layers()) {
            all.add(layer.weights());
            all.add(layer.bias());
        }
        return all;
    }

    @Test
    void theSameSeedGivesBitIdenticalWeights() {
        Dataset train = Synthetic.stripes(500, 30, 3, 1);
        Dataset test = Synthetic.stripes(100, 30, 3, 2);
        List<float[]> first = weights(train(CONFIG, train, test));
        List<float[]> second = weights(train(CONFIG, train, test));
        for (int i = 0; i < first.size(); i++) {
            assertTrue(Arrays.equals(first.get(i), second.get(i)), "parameter group " + i + " differs");
        }
        TrainingConfig otherSeed = CONFIG.with(CONFIG.fit().withSeed(100));
        assertFalse(Arrays.equals(first.getFirst(), weights(train(otherSeed, train, test)).getFirst()));
    }

    @Test
    void learnsASeparableProblemAndReportsEachEpoch() {
        Dataset train = Synthetic.stripes(600, 30, 3, 3);
        Dataset test = Synthetic.stripes(200, 30, 3, 4);
        Rng rng = new Rng(5);
        Network network = Network.initialized(CONFIG.network(), rng);
        Trainer trainer = new Trainer(CONFIG, network, new Adam(1e-2f, 0.9f, 0.999f, 1e-8f), rng);
        List<Integer> batches = new ArrayList<>();
        List<EpochStats> history = trainer.fit(train, test, new TrainingListener() {
            @Override
            public void batchFinished(int batch, float loss) {
                batches.add(batch);
            }
        }).history();
        assertEquals(3, history.size());
        assertEquals(3 * 38, batches.size()); // 600 samples in batches of 16: 37 full and one of 8, per epoch
        assertTrue(history.getLast().testAccuracy() > 0.95, "accuracy " + history.getLast().testAccuracy());
        assertTrue(history.getLast().trainLoss() < history.getFirst().trainLoss());
    }

    @Test
    void stoppedMidEpochAndResumedFromItsStateEqualsAnUninterruptedRun() {
        assertResumeIsExact(CONFIG);
    }

    @Test
    void aRegularisedRunResumesExactlyToo() {
        assertResumeIsExact(REGULARISED);
    }

    @Test
    void anAugmentedRunResumesExactlyToo() {
        assertResumeIsExact(AUGMENTED);
    }

    @Test
    void anAugmentedRunIsBitIdenticalAtAnyThreadCountDiffersFromAPlainOneAndNeedsImages() {
        Dataset train = Synthetic.stripes(300, 30, 3, 1).withImageHeight(5);
        Dataset test = Synthetic.stripes(100, 30, 3, 2);
        List<float[]> alone = weights(train(AUGMENTED, train, test));
        try (KernelThreads team = KernelThreads.of(3)) {
            List<float[]> shared = weights(train(AUGMENTED, train, test, team));
            for (int i = 0; i < alone.size(); i++) {
                assertTrue(Arrays.equals(alone.get(i), shared.get(i)), "parameter group " + i);
            }
        }
        assertFalse(Arrays.equals(alone.getFirst(), weights(train(CONFIG, train, test)).getFirst()));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> train(AUGMENTED, Synthetic.stripes(300, 30, 3, 1), test));
        assertTrue(e.getMessage().contains("not images"), e.getMessage());
    }

    @Test
    void aRegularisedRunIsBitIdenticalAtAnyThreadCountAndDiffersFromAPlainOne() {
        Dataset train = Synthetic.stripes(500, 30, 3, 1);
        Dataset test = Synthetic.stripes(100, 30, 3, 2);
        TrainingConfig wide = REGULARISED.with(REGULARISED.network().withLayers(List.of(30, 200, 120, 3)));
        List<float[]> one = weights(train(wide, train, test));
        try (KernelThreads two = KernelThreads.of(2)) {
            List<float[]> split = weights(train(wide, train, test, two));
            for (int i = 0; i < one.size(); i++) {
                assertTrue(Arrays.equals(one.get(i), split.get(i)), "parameter group " + i + " differs");
            }
        }
        TrainingConfig plain = wide.with(Regularization.NONE);
        assertFalse(Arrays.equals(one.getFirst(), weights(train(plain, train, test)).getFirst()));
    }

    @Test
    void eachRegularisationChangesTheWeightsAndMaxNormBoundsEveryUnit() {
        Dataset train = Synthetic.stripes(500, 30, 3, 1);
        Dataset test = Synthetic.stripes(100, 30, 3, 2);
        float[] plain = weights(train(CONFIG, train, test)).getFirst();
        Regularization none = Regularization.NONE;
        for (Regularization one : List.of(none.withDropout(0.2f, 0), none.withDropout(0, 0.3f),
                none.withWeightDecay(1e-2f, 0), none.withWeightDecay(0, 1e-1f), none.withMaxNorm(0.5f))) {
            Network network = train(CONFIG.with(one), train, test);
            assertFalse(Arrays.equals(plain, network.layers().getFirst().weights()), one + " changed nothing");
            if (one.maxNorm() > 0) {
                for (Dense layer : network.layers()) {
                    for (int o = 0; o < layer.outputSize(); o++) {
                        double squared = 0;
                        for (int i = 0; i < layer.inputSize(); i++) {
                            float w = layer.weights()[o * layer.inputSize() + i];
                            squared += w * w;
                        }
                        assertTrue(Math.sqrt(squared) <= 0.5 * (1 + 1e-5), "unit " + o + " of " + layer
                                + " has norm " + Math.sqrt(squared));
                    }
                }
            }
        }
    }

    private static void assertResumeIsExact(TrainingConfig config) {
        Dataset train = Synthetic.stripes(500, 30, 3, 1).withImageHeight(5);
        Dataset test = Synthetic.stripes(100, 30, 3, 2).withImageHeight(5);
        List<float[]> whole = weights(train(config, train, test));

        Rng rng = new Rng(config.fit().seed());
        Network network = Network.initialized(config.network(), rng);
        Adam adam = (Adam) config.optimizer().create();
        Trainer first = new Trainer(config, network, adam, rng);
        Trainer.Outcome stopped = first.fit(train, test, new TrainingListener() {
            @Override
            public void batchFinished(int batch, float loss) {
                if (batch == 7) {
                    first.requestStop();
                }
            }
        });
        assertTrue(stopped.stopped());
        assertEquals(1, stopped.progress().epoch());
        assertEquals(7, stopped.progress().batch());

        // a new process would load exactly this: weights, optimiser state, progress
        Network copy = Network.initialized(config.network(), new Rng(12345));
        for (int i = 0; i < copy.parameters().size(); i++) {
            float[] from = network.parameters().get(i).value();
            System.arraycopy(from, 0, copy.parameters().get(i).value(), 0, from.length);
        }
        Adam restored = (Adam) config.optimizer().create();
        Trainer second = new Trainer(config, copy, restored, new Rng(0));
        restored.restore(adam.state());
        Trainer.Outcome finished = second.fit(train, test, new TrainingListener() { }, stopped.progress());
        assertFalse(finished.stopped());
        assertEquals(3, finished.history().size());
        List<float[]> resumed = weights(copy);
        for (int i = 0; i < whole.size(); i++) {
            assertTrue(Arrays.equals(whole.get(i), resumed.get(i)), "parameter group " + i + " differs");
        }
        Rng again = new Rng(config.fit().seed());
        List<EpochStats> uninterrupted = new Trainer(config, Network.initialized(config.network(), again), again)
                .fit(train, test, new TrainingListener() { }).history();
        for (int e = 0; e < uninterrupted.size(); e++) {
            assertEquals(uninterrupted.get(e).trainLoss(), finished.history().get(e).trainLoss(), "epoch " + (e + 1));
            assertEquals(uninterrupted.get(e).trainAccuracy(), finished.history().get(e).trainAccuracy(),
                    "epoch " + (e + 1) + ": the right answers before the stop are carried over");
        }
        assertTrue(uninterrupted.getFirst().trainAccuracy() > 0 && uninterrupted.getLast().trainAccuracy() <= 1);
    }

    @Test
    void aNonFiniteLossStopsTrainingNamingEpochAndBatch() {
        Dataset train = Synthetic.stripes(100, 30, 3, 1);
        Rng rng = new Rng(1);
        Network network = Network.initialized(CONFIG.network(), rng);
        network.layers().getFirst().weights()[3] = Float.NaN;
        Trainer trainer = new Trainer(CONFIG, network, new Adam(1e-3f, 0.9f, 0.999f, 1e-8f), rng);
        DivergenceException e = org.junit.jupiter.api.Assertions.assertThrows(DivergenceException.class,
                () -> trainer.fit(train, train, new TrainingListener() { }));
        assertEquals(1, e.epoch());
        assertEquals(1, e.batch());
        assertTrue(e.getMessage().startsWith("training diverged at epoch 1, batch 1: the loss is NaN"), e.getMessage());
    }

    @Test
    void aTrainingStepAfterWarmUpAllocatesNothing() {
        assertStepAllocatesNothing(CONFIG, 16, 20_000, 1000);
    }

    /** Wide layers take other kernel paths (4×4 blocks, longer vector loops) than the small net: no allocation either. */
    @Test
    void aRegularisedTrainingStepAllocatesNothing() {
        assertStepAllocatesNothing(REGULARISED, 16, 20_000, 1000);
    }

    @Test
    void aWideTrainingStepAllocatesNothingEither() {
        TrainingConfig wide = CONFIG.with(CONFIG.network().withLayers(List.of(30, 256, 256, 3)));
        assertStepAllocatesNothing(wide, 128, 3_000, 200);
    }

    private static void assertStepAllocatesNothing(TrainingConfig config, int batch, int warmUp, int roundSteps) {
        Dataset train = Synthetic.stripes(4 * batch, 30, 3, 6);
        Rng rng = new Rng(1);
        Network network = Network.initialized(config.network(), rng);
        Trainer trainer = new Trainer(config, network, new Adam(1e-3f, 0.9f, 0.999f, 1e-8f), rng);
        network.prepare(batch);
        Matrix x = new Matrix(batch, 30);
        int[] labels = new int[batch];
        int[] order = new int[4 * batch];
        Arrays.setAll(order, i -> i);
        for (int i = 0; i < warmUp; i++) { // warm-up: let the JIT compile and escape-analyse the step
            train.fillBatch(order, (i % 4) * batch, batch, x, labels);
            trainer.step(x, labels);
        }
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long allocated = Long.MAX_VALUE;
        // Until the JIT has compiled the step, vectors are real objects; on a slow machine that takes a while,
        // so measure rounds of steps until one allocates nothing (or give up after 50 rounds).
        for (int round = 0; round < 50 && allocated > 0; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < roundSteps; i++) {
                train.fillBatch(order, (i % 4) * batch, batch, x, labels);
                trainer.step(x, labels);
            }
            allocated = threads.getThreadAllocatedBytes(id) - before;
        }
        assertEquals(0, allocated, "bytes allocated by " + roundSteps + " training steps after warm-up");
    }
}
