package dev.nn.core.model;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.network.Network;
import dev.nn.core.optim.Optimizer;
import dev.nn.core.config.FitConfig;
import dev.nn.core.config.NetworkConfig;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.optim.Schedule;
import dev.nn.core.random.Rng;
import dev.nn.core.train.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model files and checkpoints are read strictly: what a person's editor or a damaged disk could make of them is
 * refused with one line, never half-understood (issue 17, item 14); and every optimiser's checkpoint loads
 * (item 5).
 */
class StrictReadingTest {

    private static final RunFiles RUN = new RunFiles("/tmp/m.json", null, "mnist", null);

    @TempDir
    Path dir;

    private String model() throws IOException {
        Path file = dir.resolve("m.json");
        ModelIO.save(file, new Model(Network.initialized(ModelIOTest.CONFIG.network(), new Rng(4)), ModelIOTest.CONFIG, null, null, ModelIOTest.PROVENANCE));
        return Files.readString(file);
    }

    private Path checkpoint(String optimizer) throws IOException {
        TrainingConfig config = new TrainingConfig(NetworkConfig.of(List.of(6, 4, 3)),
                OptimizerConfig.defaults(optimizer), new FitConfig(3, 8, 1, Schedule.COSINE));
        Network network = Network.initialized(config.network(), new Rng(4));
        Optimizer o = config.optimizer().create();
        o.init(network.parameters());
        o.step();
        Path file = dir.resolve(optimizer + ".checkpoint");
        CheckpointIO.save(file, network, config, o.state(), new Progress(2, 3, 12345, 1.5, 20, List.of(
                new dev.nn.core.train.EpochStats(1, 3, 0.5, 0.85, 0.4, 0.9, 1, 100))), Map.of("train", "abc"), RUN);
        return file;
    }

    private void assertRefused(String json, String expected) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        Exception e = assertThrows(ModelFormatException.class, () -> {
            if (json.contains("nn-checkpoint")) {
                CheckpointIO.load(file);
            } else {
                ModelIO.load(file);
            }
        });
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(expected),
                "expected '" + expected + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void damagedModelFilesAreRefused() throws IOException {
        String json = model();
        assertRefused(json.replaceFirst("\"weights\" : \\[ ([-0-9.E]+),", "\"weights\" : [ null,"), "null");
        assertRefused(json.replaceFirst("\"weights\" : \\[ ([-0-9.E]+),", "\"weights\" : [ \"$1\","), "String");
        assertRefused(json.replace("\"formatVersion\" : 2", "\"formatVersion\" : 1.5"), "formatVersion");
        assertRefused(json + "\n{}", "not valid JSON");
        assertRefused(json.replace("\"format\" : \"nn-mlp\",", "\"format\" : \"nn-mlp\", \"format\" : \"nn-mlp\","),
                "Duplicate field 'format'");
        assertRefused(json.replace("\"epochs\" : 20", "\"epochs\" : 1.7"), "at config.fit.epochs");
        assertRefused(json.replace("\"layers\" : [ 6, 4, 3 ]", "\"layers\" : [ 6, 4.9, 3 ]"), "4.9");
    }

    @Test
    void everyOptimisersCheckpointLoadsAndRestores() throws IOException {
        for (String optimizer : List.of("adam", "sgd", "momentum")) {
            CheckpointIO.Loaded loaded = CheckpointIO.load(checkpoint(optimizer));
            Optimizer o = loaded.config().optimizer().create();
            o.init(loaded.network().parameters());
            o.restore(loaded.optimizer());
            assertEquals(1, o.state().steps(), optimizer);
            assertEquals(RUN, loaded.run());
        }
    }

    @Test
    void damagedCheckpointsAreRefused() throws IOException {
        String json = Files.readString(checkpoint("adam"));
        assertRefused(json.replace("\"epochRngState\" : 12345", "\"epochRngState\" : 0"), "generator state is 0");
        assertRefused(json.replaceFirst("\"data\" : \\{[^}]*}", "\"data\" : { }"), "data checksums are missing");
        assertRefused(json.replace("\"batchSize\" : 8", "\"batchSize\" : 1e9"), "at config.fit.batchSize");
        assertRefused(json.replace("\"correct\" : 20", "\"correct\" : 25"), "counts 25 right answers in 3 batches");
        String sgd = Files.readString(checkpoint("sgd"));
        assertRefused(json.replaceFirst("\"optimizer\" : \\{[^}]*}", sgd.replaceFirst("(?s).*?(\"optimizer\" : \\{[^}]*}).*", "$1")),
                "does not fit sgd");
    }

    @Test
    void checkpointsOfEarlierVersionsStillLoad() throws Exception {
        Path dir = Path.of(getClass().getResource("/dev/nn/core/model/golden/checkpoint").toURI());
        CheckpointIO.Loaded v1 = CheckpointIO.load(dir.resolve("xor-version-1.checkpoint"));
        CheckpointIO.Loaded v2 = CheckpointIO.load(dir.resolve("xor-version-2.checkpoint"));
        assertEquals(null, v1.run());
        assertEquals(-1, v2.progress().correct(), "not counted before: the resumed epoch counts from there");
        assertTrue(Double.isNaN(v2.progress().history().getFirst().trainAccuracy()));
        assertEquals("xor", v2.run().dataset());
        assertEquals(v1.config(), v2.config());
        assertEquals("2-16-16-2", v1.config().shape());
        assertArrayEquals(v1.network().layers().getFirst().weights(), v2.network().layers().getFirst().weights());
    }
}
