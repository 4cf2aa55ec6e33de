package dev.nn.core.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.io.AtomicFiles;
import dev.nn.core.layer.Dense;
import dev.nn.core.network.Network;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes model files. Writing is atomic: a temporary file beside the target, then a rename. */
public final class ModelIO {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelIO() {
    }

    /** Writes {@code network} with its config and provenance to {@code file}, replacing it only when complete. */
    public static void save(Path file, Network network, TrainingConfig config, Provenance provenance)
            throws IOException {
        List<LayerRecord> layers = new ArrayList<>();
        for (Dense layer : network.layers()) {
            layers.add(new LayerRecord("dense", layer.inputSize(), layer.outputSize(), layer.activation().id(),
                    layer.weights(), layer.bias()));
        }
        ModelFile document = new ModelFile(ModelFile.FORMAT, ModelFile.VERSION, config, layers, provenance);
        AtomicFiles.write(file, out -> JSON.writeValue(out, document));
    }

    /** Reads a model file, checking its format, version and every layer's shape. */
    public static Model load(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ModelFormatException(file, "not an nn model file (not valid JSON: "
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString(), null, "no such file");
            }
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new AccessDeniedException(file.toString(), null, "cannot read it");
            }
            throw e;
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(file, "not an nn model file (expected a JSON object)");
        }
        String format = root.path("format").asText("");
        if (!ModelFile.FORMAT.equals(format)) {
            throw new ModelFormatException(file, "not an nn model file (format is '" + format + "', expected '"
                    + ModelFile.FORMAT + "')");
        }
        JsonNode version = root.path("formatVersion");
        if (!version.canConvertToInt() || version.asInt() < 1) {
            throw new ModelFormatException(file, "formatVersion must be a positive integer, got " + version);
        }
        if (version.asInt() > ModelFile.VERSION) {
            throw new ModelFormatException(file, "model format version " + version.asInt()
                    + " is newer than this nn reads (" + ModelFile.VERSION + "); use a newer nn");
        }
        ModelFile document;
        try {
            document = JSON.treeToValue(root, ModelFile.class);
        } catch (JacksonException e) {
            throw new ModelFormatException(file, "malformed model file: " + e.getOriginalMessage());
        }
        return toModel(file, document);
    }

    private static Model toModel(Path file, ModelFile document) throws ModelFormatException {
        if (document.config() == null || document.layers() == null || document.layers().isEmpty()) {
            throw new ModelFormatException(file, "malformed model file: config and layers are required");
        }
        TrainingConfig config;
        try {
            config = document.config().validate();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, "invalid config: " + e.getMessage());
        }
        Network network = Network.of(config);
        if (network.layers().size() != document.layers().size()) {
            throw new ModelFormatException(file, "config has " + network.layers().size() + " layers but the file "
                    + document.layers().size());
        }
        for (int i = 0; i < network.layers().size(); i++) {
            Dense layer = network.layers().get(i);
            LayerRecord stored = document.layers().get(i);
            String where = "layer " + (i + 1);
            if (!"dense".equals(stored.type()) || stored.inputs() != layer.inputSize()
                    || stored.outputs() != layer.outputSize()
                    || !layer.activation().id().equals(stored.activation())) {
                throw new ModelFormatException(file, where + " is " + stored.type() + " " + stored.inputs() + "→"
                        + stored.outputs() + " " + stored.activation() + ", but the config says dense "
                        + layer.inputSize() + "→" + layer.outputSize() + " " + layer.activation().id());
            }
            copy(file, where + " weights", stored.weights(), layer.weights());
            copy(file, where + " bias", stored.bias(), layer.bias());
        }
        return new Model(network, config, document.provenance());
    }

    private static void copy(Path file, String what, float[] from, float[] to) throws ModelFormatException {
        if (from == null || from.length != to.length) {
            throw new ModelFormatException(file, what + ": expected " + to.length + " values, found "
                    + (from == null ? "none" : from.length));
        }
        for (float v : from) {
            if (!Float.isFinite(v)) {
                throw new ModelFormatException(file, what + ": contains a value that is not finite (" + v + ")");
            }
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }
}
