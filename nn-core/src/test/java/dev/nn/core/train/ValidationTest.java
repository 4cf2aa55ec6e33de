package dev.nn.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nn.core.config.FitConfig;
import dev.nn.core.config.NetworkConfig;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.config.Validation;
import dev.nn.core.data.Dataset;
import dev.nn.core.model.CheckpointIO;
import dev.nn.core.model.ModelFormatException;
import dev.nn.core.network.Network;
import dev.nn.core.optim.Optimizer;
import dev.nn.core.optim.Schedule;
import dev.nn.core.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validation split, the best epoch kept, early stopping, and their exact resume. */
class ValidationTest {

    /**
     * 30-64-3 at a constant, large rate on labels that are pure noise: it learns the training set by heart, so the
     * validation loss soon climbs and patience 2 ends the run long before its 40 epochs.
     */
    static final TrainingConfig OVERFITS = new TrainingConfig(NetworkConfig.of(List.of(30, 64, 3)),
            new OptimizerConfig.Adam(0.01f, 0.9f, 0.999f, 1e-8f), new FitConfig(40, 16, 5, Schedule.CONSTANT))
            .with(new Validation(0.3f, 2, Validation.Monitor.LOSS));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Dataset noise(int count, long seed) {
        Rng rng = new Rng(seed);
        byte[] samples = new byte[count * 30];
        byte[] labels = new byte[count];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) rng.nextInt(256);
        }
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) rng.nextInt(3);
        }
        return new Dataset("noise", samples, labels, 30, 3, Map.of("noise", "0"));
    }

    @Test
    void aSplitIsSeededDisjointAndCoversEverySample() {
        int count = 1000;
        byte[] samples = new byte[count * 2];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            samples[2 * i] = (byte) (i % 256);
            samples[2 * i + 1] = (byte) (i / 256);
        }
        Dataset all = new Dataset("numbered", samples, labels, 2, 1, Map.of());
        List<Dataset> parts = all.split(0.1, 7);
        assertEquals(900, parts.get(0).size());
        assertEquals(100, parts.get(1).size());
        Set<Integer> seen = new HashSet<>();
        List<Integer> held = numbers(parts.get(1));
        for (Dataset part : parts) {
            List<Integer> numbers = numbers(part);
            assertEquals(numbers.stream().sorted().toList(), numbers, "each part keeps the dataset's order");
            seen.addAll(numbers);
        }
        assertEquals(count, seen.size(), "every sample is in exactly one part");
        assertEquals(held, numbers(all.split(0.1, 7).get(1)), "the same seed holds out the same samples");
        assertNotEquals(held, numbers(all.split(0.1, 8).get(1)));
        assertEquals(1, all.split(1e-9, 7).get(1).size(), "at least one held out");
        assertThrows(IllegalArgumentException.class, () -> all.head(1).split(0.5, 7));
    }

    private static List<Integer> numbers(Dataset part) {
        byte[] pixels = new byte[2];
        Integer[] numbers = new Integer[part.size()];
        for (int i = 0; i < part.size(); i++) {
            part.pixels(i, pixels);
            numbers[i] = (pixels[0] & 0xFF) + 256 * (pixels[1] & 0xFF);
        }
        return Arrays.asList(numbers);
    }

    @Test
    void patienceStopsTheRunAndTheBestEpochsWeightsAreKept() {
        List<Dataset> parts = noise(400, 1).split(OVERFITS.validation().fraction(), OVERFITS.fit().seed());
        Dataset test = noise(100, 2);
        Rng rng = new Rng(OVERFITS.fit().seed());
        Network network = Network.initialized(OVERFITS.network(), rng);
        Trainer.Outcome outcome = new Trainer(OVERFITS, network, rng).fit(parts.get(0), parts.get(1), test,
                new TrainingListener() { }, Progress.start(rng.state()));

        assertTrue(outcome.stoppedEarly(), "the validation loss of noise climbs");
        BestEpoch best = outcome.best();
        List<EpochStats> history = outcome.history();
        assertEquals(best.epoch() + 2, history.size(), "two epochs without a better one, then the stop");
        for (EpochStats s : history) {
            assertTrue(s.validated() && s.validationLoss() >= best.loss(), "epoch " + s.epoch() + " beat the best");
        }
        assertEquals(history.get(best.epoch() - 1), outcome.kept());

        // at a constant rate the first k epochs of any run are the same: k epochs, nothing held back, same bits
        TrainingConfig shorter = OVERFITS.with(new FitConfig(best.epoch(), 16, 5, Schedule.CONSTANT))
                .with(Validation.NONE);
        Rng again = new Rng(shorter.fit().seed());
        Network reference = Network.initialized(shorter.network(), again);
        new Trainer(shorter, reference, again).fit(parts.get(0), test, new TrainingListener() { });
        for (int i = 0; i < network.parameters().size(); i++) {
            assertArrayEquals(reference.parameters().get(i).value(), network.parameters().get(i).value(),
                    "parameter group " + i + " is not the best epoch's");
        }
    }

    @Test
    void patienceWithoutAValidationSetIsRefused() {
        Rng rng = new Rng(1);
        Trainer trainer = new Trainer(OVERFITS, Network.initialized(OVERFITS.network(), rng), rng);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.fit(noise(50, 1), noise(50, 2), new TrainingListener() { }));
        assertTrue(e.getMessage().contains("validation set"), e.getMessage());
    }

    @Test
    void aRunStoppedAfterItsBestEpochResumesFromItsCheckpointToTheSameEnd() throws IOException {
        List<Dataset> parts = noise(400, 1).split(OVERFITS.validation().fraction(), OVERFITS.fit().seed());
        Dataset test = noise(100, 2);
        Rng rng = new Rng(OVERFITS.fit().seed());
        Network whole = Network.initialized(OVERFITS.network(), rng);
        Trainer.Outcome uninterrupted = new Trainer(OVERFITS, whole, rng).fit(parts.get(0), parts.get(1), test,
                new TrainingListener() { }, Progress.start(rng.state()));
        int stopEpoch = uninterrupted.history().size();

        Rng first = new Rng(OVERFITS.fit().seed());
        Network network = Network.initialized(OVERFITS.network(), first);
        Optimizer optimizer = OVERFITS.optimizer().create();
        Trainer trainer = new Trainer(OVERFITS, network, optimizer, first);
        int[] epoch = {0};
        Trainer.Outcome stopped = trainer.fit(parts.get(0), parts.get(1), test, new TrainingListener() {
            @Override
            public void epochStarted(int e, int epochs, int batches, int firstBatch) {
                epoch[0] = e;
            }

            @Override
            public void batchFinished(int batch, float loss) {
                if (epoch[0] == stopEpoch && batch == 3) {
                    trainer.requestStop();
                }
            }
        }, Progress.start(first.state()));
        assertTrue(stopped.stopped());
        assertTrue(stopped.progress().best() != null && stopped.progress().best().epoch() < stopEpoch);

        Path file = dir.resolve("run.checkpoint");
        CheckpointIO.save(file, network, OVERFITS, optimizer.state(), stopped.progress(), Map.of("noise", "0"), null);
        CheckpointIO.Loaded loaded = CheckpointIO.load(file);
        assertEquals(stopped.progress().best().epoch(), loaded.progress().best().epoch());
        Optimizer restored = OVERFITS.optimizer().create();
        Trainer second = new Trainer(OVERFITS, loaded.network(), restored, new Rng(0));
        restored.restore(loaded.optimizer());
        Trainer.Outcome resumed = second.fit(parts.get(0), parts.get(1), test, new TrainingListener() { },
                loaded.progress());

        assertFalse(resumed.stopped());
        assertEquals(uninterrupted.stoppedEarly(), resumed.stoppedEarly());
        assertEquals(uninterrupted.best().epoch(), resumed.best().epoch());
        assertEquals(uninterrupted.history().size(), resumed.history().size());
        for (int i = 0; i < whole.parameters().size(); i++) {
            assertArrayEquals(whole.parameters().get(i).value(), loaded.network().parameters().get(i).value(),
                    "parameter group " + i);
        }

        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) json.get("progress")).putNull("best");
        Files.writeString(file, JSON.writeValueAsString(json));
        ModelFormatException damaged = assertThrows(ModelFormatException.class, () -> CheckpointIO.load(file));
        assertTrue(damaged.getMessage().contains("best epoch"), damaged.getMessage());
    }

    @Test
    void figuresNotMeasuredAreLeftOutOfTheJsonAndReadBackAsNotANumber() throws IOException {
        EpochStats plain = new EpochStats(1, 1, 0.5, 0.8, 0.4, 0.9, 1, 100);
        String json = JSON.writeValueAsString(plain);
        assertFalse(json.contains("validation"), json);
        EpochStats read = JSON.readValue(json, EpochStats.class);
        assertFalse(read.validated());
        assertEquals(plain.testAccuracy(), read.testAccuracy());
        EpochStats validated = new EpochStats(1, 1, 0.5, 0.8, 0.4, 0.9, 1, 100, 0.45, 0.85);
        assertEquals(validated, JSON.readValue(JSON.writeValueAsString(validated), EpochStats.class));
    }
}
