package dev.nn.app;

import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any network from flags or a --config file: every activation, loss, initialiser and optimiser trains, the model
 * file records the config, flags override the file, and mistakes in the file get one line naming it.
 */
class TrainOptionsTest {

    @TempDir
    Path dir;

    @Test
    void everyActivationLossInitAndOptimizerTrainsAndIsRecorded() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        String[][] variants = {{"relu", "cce", "he", "adam"}, {"leaky-relu", "mse", "glorot", "sgd"},
                {"sigmoid", "cce", "uniform", "momentum"}, {"tanh", "mse", "he", "momentum"}};
        for (String[] v : variants) {
            Path model = dir.resolve(v[0] + ".json");
            Run run = Run.of("train", "--no-progress", "--data", data.toString(), "--hidden", "6",
                    "--activation", v[0], "--loss", v[1], "--init", v[2], "--optimizer", v[3], "--epochs", "3",
                    "--out", model.toString());
            assertEquals(0, run.exit(), run.err());
            Model saved = ModelIO.load(model);
            var network = saved.config().network();
            assertEquals(List.of(v[0], v[1], v[2], v[3]), List.of(network.activationText(), network.loss().id(),
                    network.init().id(), saved.config().optimizer().id()));
            assertEquals(saved.config().optimizer().learningRate(),
                    OptimizerConfig.defaults(v[3]).learningRate(), "the optimiser's own default rate");
        }
    }

    @Test
    void aConfigFileSetsTheRunAndFlagsOverrideIt() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path config = dir.resolve("settings.json");
        Files.writeString(config, """
                {"hidden": [7, 5], "activation": "tanh", "optimizer": "momentum", "momentum": 0.8,
                 "learningRate": 0.05, "epochs": 4, "batchSize": 10, "seed": 3}
                """);
        Path model = dir.resolve("m.json");
        Run run = Run.of("train", "--no-progress", "--data", data.toString(), "--config", config.toString(),
                "--epochs", "2", "--out", model.toString());
        assertEquals(0, run.exit(), run.err());
        var saved = ModelIO.load(model).config();
        assertEquals(List.of(12, 7, 5, 3), saved.network().layers());
        assertEquals("tanh", saved.network().activationText());
        assertEquals(new OptimizerConfig.Momentum(0.05f, 0.8f), saved.optimizer());
        assertEquals(2, saved.fit().epochs(), "the flag wins over the file");
        assertEquals(10, saved.fit().batchSize());
    }

    @Test
    void mistakesInTheConfigFileNameTheFileAndTheSetting() throws IOException {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"hiden\": [3]}");
        Run unknown = Run.of("train", "--config", config.toString());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.errorLines().startsWith("nn train: --config " + config + ": unknown setting 'hiden'"),
                unknown.errorLines());
        Files.writeString(config, "{\"epochs\": ");
        Run broken = Run.of("train", "--config", config.toString());
        assertEquals(1, broken.exit());
        assertTrue(broken.errorLines().startsWith("nn train: --config " + config + ": not valid JSON"),
                broken.errorLines());
        assertFalse(broken.errorLines().contains("\tat "), broken.errorLines());
    }

    @Test
    void aWrongNumberOfPerLayerActivationsIsAUsageError() {
        Run run = Run.of("train", "--activation", "relu,tanh,relu");
        assertEquals(2, run.exit());
        assertTrue(run.errorLines().contains("names 3 activations for 2 hidden layers"), run.errorLines());
    }

    @Test
    void aLabelFarBeyondTheOthersIsPointedOut() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        byte[] labels = new byte[300];
        labels[7] = (byte) 200;
        dev.nn.mnist.idx.IdxWriter.write(data.resolve("train-labels-idx1-ubyte.gz"),
                dev.nn.mnist.idx.IdxArray.ofUnsignedBytes(labels, 300), true);
        Run run = Run.of("train", "--no-progress", "--data", data.toString(), "--epochs", "1", "--out",
                dir.resolve("m.json").toString());
        assertTrue(run.err().contains("warning: only 2 of the 201 classes (0..200) occur in the training labels"),
                run.err());
    }
}
