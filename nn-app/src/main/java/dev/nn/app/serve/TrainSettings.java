package dev.nn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nn.app.cli.ConfigFile;
import dev.nn.app.cli.ShapeCheck;
import dev.nn.app.cli.UserException;
import dev.nn.core.config.Augmentation;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Train view asks for, checked against the page's limits and then resolved exactly as {@code nn train}
 * resolves its flags ({@link ConfigFile#resolve}): the same defaults, the same checks, the same configuration, so
 * the same settings and seed give the same weights as the command.
 *
 * @param dataset the built-in dataset's name: mnist, spiral, circles, blobs or xor
 * @param config the training configuration
 * @param threads kernel threads, the command's default
 */
record TrainSettings(String dataset, TrainingConfig config, int threads) {

    /** The most hidden layers the page may ask for. */
    static final int MAX_HIDDEN_LAYERS = 4;
    /** The most units of a hidden layer. */
    static final int MAX_UNITS = 512;
    /** The largest batch. */
    static final int MAX_BATCH = 1024;
    /** The most epochs of MNIST (each 60,000 images). */
    static final int MAX_EPOCHS_MNIST = 50;
    /** The most epochs of a 2-D dataset (each 1,500 points, or 1,024 for XOR). */
    static final int MAX_EPOCHS_PLANE = 5000;
    /** The datasets the page trains on. */
    static final List<String> DATASETS = List.of("mnist", "spiral", "circles", "blobs", "xor");

    private static final Set<String> FIELDS = Set.of("dataset", "hidden", "activation", "optimizer", "learningRate",
            "batchSize", "epochs", "seed", "schedule", "inputDropout", "dropout", "weightDecay", "augment");

    /** The largest number of epochs on {@code dataset}. */
    static int maxEpochs(String dataset) {
        return dataset.equals("mnist") ? MAX_EPOCHS_MNIST : MAX_EPOCHS_PLANE;
    }

    /**
     * The settings of a request body such as {@code {"dataset": "mnist", "hidden": [16, 16], "epochs": 3}} (any
     * setting left out takes {@code nn train}'s default) for data shaped like {@code train}.
     *
     * @throws HttpError 400 naming the setting at fault
     */
    static TrainSettings of(JsonNode request, Dataset train) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new HttpError(400, "unknown setting '" + name + "' (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")");
            }
            if (!name.equals("dataset") && !name.equals("augment")) {
                given.put(name, request.get(name));
            }
        }
        String dataset = dataset(request);
        augment(request.get("augment"), dataset, given);
        JsonNode hidden = request.get("hidden");
        if (hidden != null) {
            if (!hidden.isArray() || hidden.size() > MAX_HIDDEN_LAYERS) {
                throw new HttpError(400, "hidden: give a list of at most " + MAX_HIDDEN_LAYERS + " layer sizes");
            }
            for (JsonNode size : hidden) {
                if (size.isIntegralNumber() && size.asLong() > MAX_UNITS) {
                    throw new HttpError(400, "hidden: at most " + MAX_UNITS + " units a layer here, got " + size);
                }
            }
        }
        ConfigFile.Resolved resolved;
        try {
            resolved = ConfigFile.none().resolve(given, sizes -> ShapeCheck.layersFor(train, sizes));
        } catch (IllegalArgumentException | UserException e) {
            throw new HttpError(400, e.getMessage());
        }
        TrainingConfig config = resolved.config();
        if (config.fit().batchSize() > MAX_BATCH) {
            throw new HttpError(400, "batchSize: at most " + MAX_BATCH + " here, got " + config.fit().batchSize());
        }
        if (config.fit().epochs() > maxEpochs(dataset)) {
            throw new HttpError(400, "epochs: at most " + maxEpochs(dataset) + " on " + dataset + " here, got "
                    + config.fit().epochs());
        }
        return new TrainSettings(dataset, config, resolved.threads());
    }

    /** Puts the distortions of augmentation strength {@code strength} (absent or 0: none) into {@code given}. */
    private static void augment(JsonNode strength, String dataset, Map<String, Object> given) {
        if (strength == null || strength.isNumber() && strength.asDouble() == 0) {
            return;
        }
        if (!strength.isNumber()) {
            throw new HttpError(400, "augment: a number from 0 to " + Augmentation.MAX_STRENGTH + ", got " + strength);
        }
        if (!dataset.equals("mnist")) {
            throw new HttpError(400, "augment: distortions are for pictures; " + dataset + " is points");
        }
        Augmentation preset;
        try {
            preset = Augmentation.ofStrength(strength.floatValue());
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
        given.put("rotation", preset.rotation());
        given.put("scale", preset.scale());
        given.put("shear", preset.shear());
        given.put("shift", preset.shift());
        given.put("elasticAlpha", preset.elasticAlpha());
    }

    /** The dataset a request names (mnist when it names none). */
    static String dataset(JsonNode request) {
        JsonNode dataset = request.get("dataset");
        if (dataset == null) {
            return "mnist";
        }
        if (!dataset.isTextual() || !DATASETS.contains(dataset.asText())) {
            throw new HttpError(400, "dataset: one of " + String.join(", ", DATASETS) + ", got " + dataset);
        }
        return dataset.asText();
    }

    /** The settings as the page shows them. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("layers", config.network().layers());
        m.put("activation", config.network().activationText());
        m.put("optimizer", config.optimizer().id());
        m.put("learningRate", config.optimizer().learningRate());
        m.put("batchSize", config.fit().batchSize());
        m.put("epochs", config.fit().epochs());
        m.put("seed", config.fit().seed());
        m.put("schedule", config.fit().schedule().id());
        m.put("inputDropout", config.regularization().inputDropout());
        m.put("dropout", config.regularization().dropout());
        m.put("weightDecay", config.regularization().weightDecay());
        m.put("augmentation", config.augmentation().summary());
        m.put("threads", threads);
        return m;
    }
}
