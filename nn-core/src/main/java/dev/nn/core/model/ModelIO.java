package dev.nn.core.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.nn.core.config.LegacyConfig;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.io.AtomicFiles;
import dev.nn.core.io.HeapRoom;
import dev.nn.core.io.InputFiles;
import dev.nn.core.io.StrictJson;
import dev.nn.core.io.Untrusted;
import dev.nn.core.layer.Dense;
import dev.nn.core.network.Network;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reads and writes model files (and, for {@link CheckpointIO}, the JSON both kinds of file share). Writing is
 * atomic: a temporary file beside the target, then a rename.
 */
public final class ModelIO {

    private static final ObjectMapper JSON = StrictJson.MAPPER;
    /** Heap a JSON tree takes per byte of file, at most (a number of ~10 characters becomes a ~32-byte node). */
    private static final int TREE_BYTES_PER_FILE_BYTE = 4;

    private ModelIO() {
    }

    /** Writes {@code model} to {@code file}, replacing it only when complete. */
    public static void save(Path file, Model model) throws IOException {
        write(file, new ModelFile(ModelFile.FORMAT, ModelFile.VERSION, model.config(), layerRecords(model.network()),
                model.standardization(), model.schema(), model.provenance()));
    }

    /** The network's layers as stored in files. */
    static List<LayerRecord> layerRecords(Network network) {
        List<LayerRecord> layers = new ArrayList<>();
        for (Dense layer : network.layers()) {
            layers.add(new LayerRecord("dense", layer.inputSize(), layer.outputSize(), layer.activation().id(),
                    layer.weights(), layer.bias()));
        }
        return layers;
    }

    /** Reads a model file of any format version, checking its format, version and every layer's shape. */
    public static Model load(Path file) throws IOException {
        Object document = read(file, ModelFile.FORMAT, ModelFile.VERSION,
                version -> version == 1 ? LegacyFiles.ModelV1.class : ModelFile.class);
        if (document instanceof LegacyFiles.ModelV1 v1) {
            TrainingConfig config = upgraded(file, v1.config());
            return new Model(network(file, config, v1.layers()), config, null, null, v1.provenance());
        }
        ModelFile current = (ModelFile) document;
        TrainingConfig config = requireConfig(file, current.config());
        Network network = network(file, config, current.layers());
        if (current.standardization() != null && current.standardization().features() != network.inputSize()) {
            throw new ModelFormatException(file, "the standardization has " + current.standardization().features()
                    + " features but the network takes " + network.inputSize());
        }
        if (current.schema() != null && (current.schema().features().size() != network.inputSize()
                || current.schema().classes().size() != network.outputSize())) {
            throw new ModelFormatException(file, "the schema names " + current.schema().features().size()
                    + " features and " + current.schema().classes().size() + " classes, but the network has "
                    + network.inputSize() + " inputs and " + network.outputSize() + " outputs");
        }
        return new Model(network, config, current.standardization(), current.schema(), current.provenance());
    }

    /** A version-1 flat config as today's typed one; what does not fit is named. */
    static TrainingConfig upgraded(Path file, LegacyConfig legacy) throws ModelFormatException {
        if (legacy == null) {
            throw new ModelFormatException(file, "malformed file: the config is missing");
        }
        try {
            return legacy.toConfig();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, "invalid config: " + e.getMessage());
        }
    }

    /** The config of a file, which must be there (its parts checked themselves as they were read). */
    static TrainingConfig requireConfig(Path file, TrainingConfig config) throws ModelFormatException {
        if (config == null) {
            throw new ModelFormatException(file, "malformed file: the config is missing");
        }
        return config;
    }

    /**
     * Parses {@code file} as JSON of the given format, refusing others and newer versions, and binds it to the
     * document type of its version.
     */
    static Object read(Path file, String expectedFormat, int newestVersion, IntFunction<Class<?>> typeOfVersion)
            throws IOException {
        long size = InputFiles.requireRegular(file);
        String kind = BinaryKinds.of(file);
        if (BinaryKinds.ONNX.equals(kind)) {
            throw new ModelFormatException(file, "not an nn " + what(expectedFormat) + " but an ONNX model; make one"
                    + " of it with ./nn import --onnx " + file);
        }
        if (kind != null) {
            throw new ModelFormatException(file, "not an nn " + what(expectedFormat) + " (it is " + kind + ")");
        }
        HeapRoom.require(file + " (a " + (size >> 20) + " MB " + what(expectedFormat) + ")",
                TREE_BYTES_PER_FILE_BYTE * size);
        JsonNode root;
        try (Reader text = StrictJson.utf8(Files.newInputStream(file))) {
            root = JSON.readTree(text); // UTF-8 as JSON files are (RFC 8259): no guessing of UTF-16 or UTF-32
        } catch (JacksonException e) {
            throw new ModelFormatException(file, "not an nn " + what(expectedFormat) + " (not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(file, "not an nn " + what(expectedFormat) + " (not UTF-8 text)");
        }
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(file, "not an nn " + what(expectedFormat) + " (expected a JSON object)");
        }
        String format = root.path("format").asText("");
        if (expectedFormat.equals(ModelFile.FORMAT) && format.equals(Checkpoint.FORMAT)) {
            throw new ModelFormatException(file, "a checkpoint of an unfinished run, not a model file; continue it"
                    + " with nn train --resume " + file);
        }
        if (!expectedFormat.equals(format)) {
            throw new ModelFormatException(file, "not an nn " + what(expectedFormat) + " (format is '" + Untrusted.shown(format)
                    + "', expected '" + expectedFormat + "')");
        }
        JsonNode version = root.path("formatVersion");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
            throw new ModelFormatException(file, "formatVersion must be a positive integer, got "
                    + Untrusted.shown(version.toString()));
        }
        if (version.asInt() > newestVersion) {
            throw new ModelFormatException(file, what(expectedFormat) + " format version " + version.asInt()
                    + " is newer than this nn reads (" + newestVersion + "); use a newer nn");
        }
        try {
            return JSON.treeToValue(root, typeOfVersion.apply(version.asInt()));
        } catch (JacksonException e) {
            throw new ModelFormatException(file, "malformed " + what(expectedFormat) + ": " + where(e) + problem(e));
        }
    }

    /** What was wrong: a record's own check in its words, else the first line of Jackson's. */
    private static String problem(JacksonException e) {
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException a) {
            return a.getMessage();
        }
        return e.getOriginalMessage().lines().findFirst().orElse("");
    }

    /** The field a binding error is about, e.g. {@code at config.batchSize: }, or nothing. */
    private static String where(JacksonException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return "at " + path + ": ";
    }

    /** Writes {@code document} as JSON to {@code file}, atomically. */
    static void write(Path file, Object document) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, document));
    }

    private static String what(String format) {
        return format.equals(ModelFile.FORMAT) ? "model file" : "checkpoint";
    }

    /** A network of the config's shape with the stored layers' weights, each layer's shape checked. */
    static Network network(Path file, TrainingConfig config, List<LayerRecord> layers) throws ModelFormatException {
        if (layers == null || layers.isEmpty()) {
            throw new ModelFormatException(file, "malformed file: the layers are missing");
        }
        List<Integer> sizes = config.network().layers();
        if (sizes.size() - 1 != layers.size()) {
            throw new ModelFormatException(file, "config has " + (sizes.size() - 1) + " layers but the file "
                    + layers.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            // Sizes are checked against the arrays the file really holds before anything is allocated for them.
            LayerRecord stored = layers.get(i);
            long weights = (long) sizes.get(i) * sizes.get(i + 1);
            if (stored == null || stored.weights() == null || stored.weights().length != weights
                    || stored.bias() == null || stored.bias().length != sizes.get(i + 1)) {
                throw new ModelFormatException(file, "layer " + (i + 1) + ": expected " + sizes.get(i) + "×"
                        + sizes.get(i + 1) + " weights and " + sizes.get(i + 1) + " biases, found "
                        + (stored == null || stored.weights() == null ? "none" : stored.weights().length) + " and "
                        + (stored == null || stored.bias() == null ? "none" : stored.bias().length));
            }
        }
        Network network = Network.of(config.network());
        for (int i = 0; i < network.layers().size(); i++) {
            Dense layer = network.layers().get(i);
            LayerRecord stored = layers.get(i);
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
        return network;
    }

    /** Copies stored values into place, refusing a wrong count or a value that is not finite. */
    static void copy(Path file, String what, float[] from, float[] to) throws ModelFormatException {
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
