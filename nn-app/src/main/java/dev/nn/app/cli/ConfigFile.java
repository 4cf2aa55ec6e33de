package dev.nn.app.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nn.core.config.TrainingConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a {@link TrainingConfig} from three layers of settings: the defaults, then a JSON file given with
 * {@code --config} (any subset of the config's fields, plus {@code hidden} as a shortcut for the middle of
 * {@code layers}), then the flags given on the command line. A learning rate nobody gave follows the optimiser
 * ({@link dev.nn.core.optim.Optimizers#defaultLearningRate}); layers nobody gave follow the data.
 */
public final class ConfigFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields a config file may hold. */
    public static final List<String> FIELDS = fields();

    private final ObjectNode settings;

    private ConfigFile(ObjectNode settings) {
        this.settings = settings;
    }

    /** No file: only defaults and flags. */
    public static ConfigFile none() {
        return new ConfigFile(JSON.createObjectNode());
    }

    /** Reads {@code file}; a malformed file or an unknown field is an exception naming the file and the field. */
    public static ConfigFile read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new UserException("--config " + file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(root instanceof ObjectNode object)) {
            throw new UserException("--config " + file + ": expected a JSON object of settings, e.g. "
                    + "{\"hidden\": [128], \"epochs\": 10}");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new UserException("--config " + file + ": unknown setting '" + name + "' (known: "
                        + String.join(", ", FIELDS) + ")");
            }
        }
        return new ConfigFile(object);
    }

    /** Whether the file sets {@code field}. */
    public boolean has(String field) {
        return settings.has(field);
    }

    /** A copy without the given fields (when a flag replaces them as a group, as --hidden does --layers). */
    public ConfigFile without(String... fields) {
        ObjectNode copy = settings.deepCopy();
        copy.remove(Arrays.asList(fields));
        return new ConfigFile(copy);
    }

    /**
     * The config: defaults, overlaid by this file, overlaid by {@code flags} (field name to value, only the
     * flags the user gave); {@code layersFromData} turns hidden sizes into full layer sizes.
     */
    public TrainingConfig resolve(Map<String, Object> flags, Function<List<Integer>, List<Integer>> layersFromData,
                                  Function<String, Float> defaultRate, String source) {
        ObjectNode merged = JSON.valueToTree(TrainingConfig.DEFAULT);
        merged.remove("learningRate");
        merged.remove("layers");
        merged.setAll(settings);
        flags.forEach((field, value) -> merged.set(field, JSON.valueToTree(value)));
        if (merged.has("layers") && merged.has("hidden")) {
            throw new UserException(source + ": give 'layers' or 'hidden', not both");
        }
        if (!merged.has("layers")) {
            List<Integer> hidden = merged.has("hidden") ? integers(merged.get("hidden"), source)
                    : TrainingConfig.DEFAULT.layers().subList(1, TrainingConfig.DEFAULT.layers().size() - 1);
            merged.set("layers", JSON.valueToTree(layersFromData.apply(hidden)));
        }
        merged.remove("hidden");
        if (!merged.has("learningRate")) {
            merged.put("learningRate", defaultRate.apply(merged.path("optimizer").asText()));
        }
        try {
            return JSON.treeToValue(merged, TrainingConfig.class);
        } catch (JacksonException e) {
            throw new UserException(source + ": a setting has the wrong type (" + e.getOriginalMessage() + ")");
        }
    }

    private static List<Integer> integers(JsonNode node, String source) {
        if (!node.isArray()) {
            throw new UserException(source + ": 'hidden' must be a list of sizes, e.g. [128, 64]");
        }
        List<Integer> sizes = new ArrayList<>();
        node.forEach(n -> sizes.add(n.asInt()));
        return sizes;
    }

    private static List<String> fields() {
        List<String> names = new ArrayList<>(Arrays.stream(TrainingConfig.class.getRecordComponents())
                .map(c -> c.getName()).toList());
        names.add(1, "hidden");
        return List.copyOf(names);
    }
}
