package dev.nn.core.model;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.io.AtomicFiles;
import dev.nn.core.layer.Dense;
import dev.nn.core.network.Network;
import dev.nn.core.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelIOTest {

    @TempDir
    Path dir;

    static final TrainingConfig CONFIG = TrainingConfig.DEFAULT.withLayers(List.of(6, 4, 3));
    static final Provenance PROVENANCE = new Provenance("nn test", "25", "scalar", "2026-01-01T00:00:00Z",
            Map.of("train-images", "abc"), 2, 0.5, 0.4, 0.9, null, "mnist", null);

    private Path saved() throws IOException {
        Network network = Network.initialized(CONFIG.network(), new Rng(4));
        network.layers().getFirst().bias()[1] = 0.25f;
        Path file = dir.resolve("m.json");
        ModelIO.save(file, new Model(network, CONFIG, null, null, PROVENANCE));
        return file;
    }

    @Test
    void roundTripsWeightsConfigAndProvenanceExactly() throws IOException {
        Network original = Network.initialized(CONFIG.network(), new Rng(4));
        original.layers().getFirst().bias()[1] = 0.25f;
        Model loaded = ModelIO.load(saved());
        for (int i = 0; i < original.layers().size(); i++) {
            Dense a = original.layers().get(i);
            Dense b = loaded.network().layers().get(i);
            assertArrayEquals(a.weights(), b.weights());
            assertArrayEquals(a.bias(), b.bias());
        }
        assertEquals(CONFIG, loaded.config());
        assertEquals(PROVENANCE, loaded.provenance());
        String json = Files.readString(dir.resolve("m.json"));
        assertTrue(json.contains("\"format\" : \"nn-mlp\"") && json.contains("\"formatVersion\" : 2"), json);
    }

    @Test
    void refusesOtherFormatsNewerVersionsAndDamagedFiles() throws IOException {
        String json = Files.readString(saved());
        assertRefused(json.replace("\"nn-mlp\"", "\"keras\""), "format is 'keras', expected 'nn-mlp'");
        assertRefused(json.replace("\"formatVersion\" : 2", "\"formatVersion\" : 3"),
                "model file format version 3 is newer than this nn reads (2)");
        assertRefused("PK\u0003\u0004 not json", "not an nn model file (it is a zip or jar file)");
        Path png = Files.write(dir.resolve("picture.json"), new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n'});
        ModelFormatException picture = assertThrows(ModelFormatException.class, () -> ModelIO.load(png));
        assertTrue(picture.getMessage().endsWith("not an nn model file (it is a PNG picture)"), picture.getMessage());
        assertRefused("{\"format\": \"nn-checkpoint\", \"formatVersion\": 3}",
                "a checkpoint of an unfinished run, not a model file; continue it with nn train --resume");
        assertRefused("[1, 2]", "expected a JSON object");
        assertRefused(json.substring(0, json.length() / 2), "not valid JSON");
        assertRefused(json.replace("\"inputs\" : 6", "\"inputs\" : 5"), "layer 1 is dense 5→4");
        assertRefused(json.replaceFirst("\"bias\" : \\[ [^]]*]", "\"bias\" : [ 1.0 ]"),
                "layer 1: expected 6×4 weights and 4 biases, found 24 and 1");
        assertRefused(json.replace("\"activations\" : [ \"relu\" ]", "\"activations\" : [ \"swish\" ]"),
                "unknown activation 'swish'");
    }

    private void assertRefused(String content, String expected) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelIO.load(dir.resolve("nope.json")));
        assertTrue(e.getFile().endsWith("nope.json"));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = saved();
        byte[] before = Files.readAllBytes(file);
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("{\"partial\":".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }
}
