package dev.nn.app.cli;

import dev.nn.core.io.Untrusted;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nn.core.config.LegacyConfig;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.io.InputFiles;
import dev.nn.core.io.StrictJson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
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
 * ({@link OptimizerConfig#defaults}); layers nobody gave follow the data. The settings are flat, one per flag
 * ({@link FlatSettings}); the typed config is made from them.
 */
public final class ConfigFile {

    private static final ObjectMapper JSON = StrictJson.MAPPER;
    /** A settings file larger than this is not a settings file. */
    private static final long MAX_SIZE = 1 << 20;
    /** The fields a config file may hold. */
    public static final List<String> FIELDS = List.copyOf(FlatSettings.FLAGS.keySet());

    private final ObjectNode settings;
    private final Path file;

    private ConfigFile(ObjectNode settings, Path file) {
        this.settings = settings;
        this.file = file;
    }

    /** No file: only defaults and flags. */
    public static ConfigFile none() {
        return new ConfigFile(JSON.createObjectNode(), null);
    }

    /** Reads {@code file}; a malformed file or an unknown field is an exception naming the file and the field. */
    public static ConfigFile read(Path file) throws IOException {
        JsonNode root;
        try {
            if (InputFiles.requireRegular(file) > MAX_SIZE) {
                throw new UserException("--config " + file + ": larger than " + (MAX_SIZE >> 20)
                        + " MB; a settings file is a few lines of JSON");
            }
            root = JSON.readTree(StrictJson.utf8(new ByteArrayInputStream(Files.readAllBytes(file))));
        } catch (FileSystemException e) {
            throw new UserException("--config " + file + ": " + (e.getReason() == null ? "cannot be read"
                    : e.getReason()));
        } catch (JacksonException e) {
            throw new UserException("--config " + file + ": not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (CharacterCodingException e) {
            throw new UserException("--config " + file + ": not UTF-8 text");
        }
        if (!(root instanceof ObjectNode object)) {
            throw new UserException("--config " + file + ": expected a JSON object of settings, e.g. "
                    + "{\"hidden\": [128], \"epochs\": 10}");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new UserException("--config " + file + ": unknown setting '" + Untrusted.shown(name) + "' (known: "
                        + String.join(", ", FIELDS) + ")");
            }
        }
        return new ConfigFile(object, file);
    }

    /** Whether the file sets {@code field}. */
    public boolean has(String field) {
        return settings.has(field);
    }

    /** The seed the file sets (call only when {@link #has} says it does). */
    public long seed() {
        return settings.get("seed").asLong();
    }

    /** A copy without the given fields (when a flag replaces them as a group, as --hidden does --layers). */
    public ConfigFile without(String... fields) {
        ObjectNode copy = settings.deepCopy();
        copy.remove(Arrays.asList(fields));
        return new ConfigFile(copy, file);
    }

    /**
     * The settings of a run: the config (which decides the result) and the thread count (which does not).
     *
     * @param config the training config
     * @param threads kernel threads, from 1 to {@link #MAX_THREADS}
     */
    public record Resolved(TrainingConfig config, int threads) {
    }

    /** The most kernel threads a run may ask for; more only adds threads that wait. */
    public static final int MAX_THREADS = 256;

    /**
     * The settings, validated: defaults, overlaid by this file, overlaid by {@code flags} (setting name to
     * value, only the flags the user gave); {@code layersFromData} turns hidden sizes into full layer sizes. A
     * bad value is reported under the flag that gave it, or under {@code --config FILE} and the setting's name.
     */
    public Resolved resolve(Map<String, Object> flags, Function<List<Integer>, List<Integer>> layersFromData) {
        String source = file == null ? "flags" : "--config " + file;
        ObjectNode merged = JSON.valueToTree(FlatSettings.defaults());
        merged.setAll(settings);
        flags.forEach((field, value) -> merged.set(field, JSON.valueToTree(value)));
        if (merged.has("layers") && merged.has("hidden")) {
            throw new UserException(source + ": give 'layers' or 'hidden', not both");
        }
        if (!merged.has("layers")) {
            List<Integer> hidden = merged.has("hidden") ? integers(merged.get("hidden"), source)
                    : FlatSettings.defaultHidden();
            merged.set("layers", JSON.valueToTree(layersFromData.apply(hidden)));
        }
        merged.remove("hidden");
        if (!merged.has("learningRate")) {
            try {
                merged.put("learningRate", OptimizerConfig.defaults(merged.path("optimizer").asText()).learningRate());
            } catch (IllegalArgumentException e) {
                throw failure(e.getMessage(), flags, source);
            }
        }
        if (!merged.has("threads")) {
            merged.put("threads", Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS));
        }
        LegacyConfig flat;
        try {
            flat = JSON.treeToValue(merged, LegacyConfig.class);
        } catch (JacksonException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().getFirst().getFieldName() : null;
            if (field == null) {
                throw new UserException(source + ": a setting has the wrong type (" + firstLine(e) + ")");
            }
            Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
            String expected = type == int.class || type == long.class || type == Integer.class ? "a whole number"
                    : type == float.class || type == double.class ? "a number"
                    : type == String.class ? "a name in quotes" : "another type";
            JsonNode given = merged.get(field);
            throw new UserException(source + ": '" + field + "' must " + (given != null && given.isArray()
                    ? "hold only " + expected.replace("a ", "") + "s" : "be " + expected) + ", got " + given);
        }
        if (flat.threads() < 1 || flat.threads() > MAX_THREADS) {
            throw failure("threads must be from 1 to " + MAX_THREADS + ", got " + flat.threads(), flags, source);
        }
        try {
            return new Resolved(flat.toConfig(), flat.threads());
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage(), flags, source);
        }
    }

    /** A library message about a setting, under the flag that gave it or under this file. */
    private RuntimeException failure(String message, Map<String, Object> flags, String source) {
        String field = FlatSettings.settingOf(message);
        boolean fromFile = file != null && field != null && !flags.containsKey(field)
                && (settings.has(field) || field.equals("layers") && settings.has("hidden"));
        if (fromFile) {
            return new UserException(source + ": '" + field + "'" + (message.startsWith(field + " ")
                    ? message.substring(field.length()) : ": " + message));
        }
        return new IllegalArgumentException(FlatSettings.flagged(message));
    }

    private static String firstLine(JacksonException e) {
        String message = e.getOriginalMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static List<Integer> integers(JsonNode node, String source) {
        if (!node.isArray()) {
            throw new UserException(source + ": 'hidden' must be a list of sizes, e.g. [128, 64]");
        }
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw new UserException(source + ": 'hidden' must hold whole numbers (sizes of layers), got " + n);
            }
            sizes.add(n.asInt());
        }
        return sizes;
    }
}
