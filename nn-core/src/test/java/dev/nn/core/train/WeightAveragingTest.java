package dev.nn.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nn.core.config.FitConfig;
import dev.nn.core.config.NetworkConfig;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.config.Regularization;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.config.Validation;
import dev.nn.core.data.Dataset;
import dev.nn.core.io.StrictJson;
import dev.nn.core.metrics.Evaluator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Weight averaging: the mean it keeps, the training it leaves alone, its figures, its exact resume. */
class WeightAveragingTest {

    /** 30-16-3 with dropout, 6 epochs of 16, the last 4 averaged. */
    static final TrainingConfig AVERAGED = new TrainingConfig(NetworkConfig.of(List.of(30, 16, 3)),
            new OptimizerConfig.Adam(0.01f, 0.9f, 0.999f, 1e-8f), new FitConfig(6, 16, 5, Schedule.COSINE, 3),
            Regularization.NONE.withDropout(0.1f, 0.2f));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A finished run: the network it ends with, and each epoch's end weights as its checkpoint would hold them. */
    private record Ended(Network network, List<List<float[]>> ends) {
    }

    private static Ended train(TrainingConfig config, Dataset train, Dataset test) {
        Rng rng = new Rng(config.fit().seed());
        Network network = Network.initialized(config.network(), rng);
        List<List<float[]>> ends = new ArrayList<>();
        new Trainer(config, network, rng).fit(train, test, new TrainingListener() {
            @Override
            public void resumable(Progress at) {
                ends.add(WeightCopies.of(network));
            }
        });
        return new Ended(network, ends);
    }

    @Test
    void theModelKeptIsTheMeanOfTheAveragedEpochsAndTrainingItselfIsUntouched() {
        Dataset train = ValidationTest.noise(200, 1);
        Dataset test = ValidationTest.noise(60, 2);
        Ended run = train(AVERAGED, train, test);
        List<List<float[]>> ends = run.ends();
        Network averaged = run.network();
        Ended plainRun = train(AVERAGED.with(AVERAGED.fit().withAverageFrom(0)), train, test);
        List<List<float[]>> plainEnds = plainRun.ends();
        Network plain = plainRun.network();

        for (int e = 0; e < ends.size(); e++) {
            for (int i = 0; i < ends.get(e).size(); i++) {
                assertArrayEquals(plainEnds.get(e).get(i), ends.get(e).get(i),
                        "epoch " + (e + 1) + ", group " + i + ": averaging changed the training");
            }
        }
        for (int i = 0; i < averaged.parameters().size(); i++) {
            float[] kept = averaged.parameters().get(i).value();
            for (int j = 0; j < kept.length; j++) {
                double mean = 0;
                for (int e = 2; e < 6; e++) {
                    mean += ends.get(e).get(i)[j] / 4.0;
                }
                assertEquals(mean, kept[j], 1e-6 * (1 + Math.abs(mean)), "group " + i + ", value " + j);
            }
            assertFalse(java.util.Arrays.equals(plain.parameters().get(i).value(), kept), "group " + i
                    + " is the last epoch's, not the mean");
        }
    }

    @Test
    void fromTheFirstAveragedEpochTheTestFiguresAreTheMeans() {
        Dataset train = ValidationTest.noise(200, 1);
        Dataset test = ValidationTest.noise(60, 2);
        Rng rng = new Rng(AVERAGED.fit().seed());
        Network network = Network.initialized(AVERAGED.network(), rng);
        Trainer.Outcome outcome = new Trainer(AVERAGED, network, rng).fit(train, test, new TrainingListener() { });
        assertEquals(4, outcome.progress().average().epochs());
        double kept = new Evaluator(network, AVERAGED.network().loss().create()).evaluate(test).meanLoss();
        assertEquals(kept, outcome.kept().testLoss(), "the last epoch's figures are the mean's");

        Rng again = new Rng(AVERAGED.fit().seed());
        Network plain = Network.initialized(AVERAGED.network(), again);
        TrainingConfig unaveraged = AVERAGED.with(AVERAGED.fit().withAverageFrom(0));
        Trainer.Outcome without = new Trainer(unaveraged, plain, again).fit(train, test, new TrainingListener() { });
        for (int e = 0; e < 6; e++) {
            EpochStats with = outcome.history().get(e);
            EpochStats base = without.history().get(e);
            assertEquals(base.trainLoss(), with.trainLoss(), "epoch " + (e + 1) + " trained alike");
            if (e < 3) {
                assertEquals(base.testLoss(), with.testLoss(), "epoch " + (e + 1) + " is before averaging, or its"
                        + " first epoch, whose mean is its weights");
            } else {
                assertNotEquals(base.testLoss(), with.testLoss(), "epoch " + (e + 1) + " is tested on the mean");
            }
        }
    }

    @Test
    void withAValidationSetTheBestEpochKeptIsTheMeanItWasValidatedOn() {
        TrainingConfig validated = AVERAGED.with(new Validation(0.3f, 0, Validation.Monitor.ACCURACY));
        List<Dataset> parts = ValidationTest.noise(300, 1).split(0.3f, validated.fit().seed());
        Dataset test = ValidationTest.noise(60, 2);
        Rng rng = new Rng(validated.fit().seed());
        Network network = Network.initialized(validated.network(), rng);
        List<List<float[]>> kept = new ArrayList<>();
        Trainer.Outcome outcome = new Trainer(validated, network, rng).fit(parts.get(0), parts.get(1), test,
                new TrainingListener() {
                    @Override
                    public void resumable(Progress at) {
                        kept.add(at.average() != null ? at.average().mean() : WeightCopies.of(network));
                    }
                }, Progress.start(rng.state()));
        int best = outcome.best().epoch();
        assertTrue(best >= 3, "the best epoch, " + best + ", must be an averaged one for this test to check a mean");
        for (int i = 0; i < network.parameters().size(); i++) {
            assertArrayEquals(kept.get(best - 1).get(i), network.parameters().get(i).value(), "epoch " + best
                    + "'s mean, group " + i);
        }
    }

    @Test
    void aRunStoppedWhileAveragingResumesFromItsCheckpointToTheSameWeights() throws IOException {
        Dataset train = ValidationTest.noise(200, 1);
        Dataset test = ValidationTest.noise(60, 2);
        Rng rng = new Rng(AVERAGED.fit().seed());
        Network whole = Network.initialized(AVERAGED.network(), rng);
        new Trainer(AVERAGED, whole, rng).fit(train, test, new TrainingListener() { });

        Rng first = new Rng(AVERAGED.fit().seed());
        Network network = Network.initialized(AVERAGED.network(), first);
        Optimizer optimizer = AVERAGED.optimizer().create();
        Trainer trainer = new Trainer(AVERAGED, network, optimizer, first);
        int[] epoch = {0};
        Trainer.Outcome stopped = trainer.fit(train, null, test, new TrainingListener() {
            @Override
            public void epochStarted(int e, int epochs, int batches, int firstBatch) {
                epoch[0] = e;
            }

            @Override
            public void batchFinished(int batch, float loss) {
                if (epoch[0] == 5 && batch == 4) {
                    trainer.requestStop();
                }
            }
        }, Progress.start(first.state()));
        assertTrue(stopped.stopped());
        assertEquals(2, stopped.progress().average().epochs(), "epochs 3 and 4 averaged");

        Path file = dir.resolve("run.checkpoint");
        CheckpointIO.save(file, network, AVERAGED, optimizer.state(), stopped.progress(), Map.of("noise", "0"), null);
        CheckpointIO.Loaded loaded = CheckpointIO.load(file);
        Optimizer restored = AVERAGED.optimizer().create();
        Trainer second = new Trainer(AVERAGED, loaded.network(), restored, new Rng(0));
        restored.restore(loaded.optimizer());
        second.fit(train, null, test, new TrainingListener() { }, loaded.progress());
        for (int i = 0; i < whole.parameters().size(); i++) {
            assertArrayEquals(whole.parameters().get(i).value(), loaded.network().parameters().get(i).value(),
                    "parameter group " + i);
        }

        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) json.get("progress")).putNull("average");
        Files.writeString(file, JSON.writeValueAsString(json));
        ModelFormatException missing = assertThrows(ModelFormatException.class, () -> CheckpointIO.load(file));
        assertTrue(missing.getMessage().contains("averaged weights are missing"), missing.getMessage());

        CheckpointIO.save(file, network, AVERAGED, optimizer.state(), stopped.progress(), Map.of("noise", "0"), null);
        json = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) json.get("progress").get("average")).put("epochs", 3);
        Files.writeString(file, JSON.writeValueAsString(json));
        ModelFormatException miscounted = assertThrows(ModelFormatException.class, () -> CheckpointIO.load(file));
        assertTrue(miscounted.getMessage().contains("of 3 epochs"), miscounted.getMessage());

        for (String damage : List.of("[null]", "null", "[[1.0]]")) {
            CheckpointIO.save(file, network, AVERAGED, optimizer.state(), stopped.progress(), Map.of("noise", "0"),
                    null);
            json = (ObjectNode) JSON.readTree(file.toFile());
            ((ObjectNode) json.get("progress").get("average")).set("mean", JSON.readTree(damage));
            Files.writeString(file, JSON.writeValueAsString(json));
            assertThrows(ModelFormatException.class, () -> CheckpointIO.load(file), "mean " + damage);
        }
    }

    @Test
    void averagingThatWouldNeverStartIsRefusedAndFilesWithoutItReadAsNone() throws IOException {
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> new FitConfig(5, 16, 1, Schedule.COSINE, 6));
        assertEquals("averageFrom 6 is after the last epoch, 5; averaging would never start", late.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FitConfig(5, 16, 1, Schedule.COSINE, -1));

        String plain = StrictJson.MAPPER.writeValueAsString(FitConfig.DEFAULT);
        assertFalse(plain.contains("averageFrom"), "a run without averaging writes the files it always wrote");
        assertEquals(FitConfig.DEFAULT, StrictJson.MAPPER.readValue(plain, FitConfig.class));
        FitConfig averaging = FitConfig.DEFAULT.withAverageFrom(11);
        assertEquals(averaging, StrictJson.MAPPER.readValue(StrictJson.MAPPER.writeValueAsString(averaging),
                FitConfig.class));
    }
}
