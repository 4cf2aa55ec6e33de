package dev.nn.app.serve;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.io.StrictJson;
import dev.nn.core.layer.Dense;
import dev.nn.core.network.Network;
import dev.nn.core.network.Predictor;
import dev.nn.core.random.Rng;
import dev.nn.mnist.digits.ImageFiles;
import dev.nn.mnist.digits.MnistForm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON endpoints. A drawing arrives as a PNG (the canvas's data URL) and goes through exactly what
 * {@code nn predict} does to a picture file — {@link ImageFiles#decode} then {@link MnistForm#of} — before the
 * network sees it. Answers are maps that Jackson writes as JSON.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA_URL = "data:image/png;base64,";

    private final Network network;
    private final TrainingConfig config;
    private final Dataset test;
    private final Rng rng;

    Api(Network network, TrainingConfig config, Dataset test, long seed) {
        this.network = network;
        this.config = config;
        this.test = test;
        this.rng = new Rng(seed);
    }

    /** GET /api/model: the network's shape. */
    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layers", config.network().layers());
        m.put("activation", config.network().activationText());
        m.put("loss", config.network().loss().id());
        m.put("testSet", test.name());
        return m;
    }

    /** POST /api/predict, body {"image": "data:image/png;base64,..."}: the drawing through the network. */
    Map<String, Object> predict(byte[] body) {
        byte[] pixels = drawing(body);
        requireDigitNetwork();
        return thinking(pixels);
    }

    /**
     * The drawing of a body {"image": "data:image/png;base64,..."} in MNIST's form (784 pixels), made exactly as
     * {@code nn predict} makes a picture file's: {@link ImageFiles#decode} then {@link MnistForm#of}.
     */
    static byte[] drawing(byte[] body) {
        JsonNode request = parse(body);
        JsonNode image = request.get("image");
        if (image == null || !image.isTextual() || !image.asText().startsWith(DATA_URL)) {
            throw new HttpError(400, "expected {\"image\": \"data:image/png;base64,...\"}");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(image.asText().substring(DATA_URL.length()));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "image: not valid base64");
        }
        try {
            return MnistForm.of(ImageFiles.decode(png, "image"));
        } catch (IOException e) {
            throw new HttpError(400, e.getMessage());
        }
    }

    /** POST /api/sample, body {"index": N}: test image N through the network, with its label. */
    Map<String, Object> sample(byte[] body) {
        JsonNode index = parse(body).get("index");
        if (index == null || !index.canConvertToInt() || index.asInt() < 0 || index.asInt() >= test.size()) {
            throw new HttpError(400, "expected {\"index\": N} with N from 0 to " + (test.size() - 1));
        }
        byte[] pixels = new byte[test.features()];
        test.pixels(index.asInt(), pixels);
        Map<String, Object> answer = thinking(pixels);
        answer.put("index", index.asInt());
        answer.put("label", test.label(index.asInt()));
        return answer;
    }

    /** GET /api/random: a random test image to guess, without its label or the network's answer. */
    Map<String, Object> random() {
        int index;
        synchronized (rng) {
            index = rng.nextInt(test.size());
        }
        byte[] pixels = new byte[test.features()];
        test.pixels(index, pixels);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("input", unsigned(pixels));
        return m;
    }

    /** GET /api/weights: the first layer's weights, one row of inputs per hidden neuron. */
    Map<String, Object> weights() {
        Dense first = network.layers().getFirst();
        List<float[]> rows = new ArrayList<>();
        for (int o = 0; o < first.outputSize(); o++) {
            float[] row = new float[first.inputSize()];
            System.arraycopy(first.weights(), o * first.inputSize(), row, 0, row.length);
            rows.add(row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputs", first.inputSize());
        m.put("neurons", rows);
        return m;
    }

    private Map<String, Object> thinking(byte[] pixels) {
        synchronized (network) { // a network's layers keep their outputs: one sample through it at a time
            return thinking(new Predictor(network), pixels);
        }
    }

    /** One sample through {@code predictor}'s network: its input, hidden activations, probabilities, answer. */
    static Map<String, Object> thinking(Predictor predictor, byte[] pixels) {
        float[][] activations = predictor.activations(pixels);
        float[] probabilities = activations[activations.length - 1];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", unsigned(pixels));
        List<float[]> hidden = new ArrayList<>();
        for (int l = 1; l < activations.length - 1; l++) {
            hidden.add(activations[l]);
        }
        m.put("hidden", hidden);
        m.put("probabilities", probabilities);
        m.put("digit", Predictor.best(probabilities));
        return m;
    }

    private void requireDigitNetwork() {
        if (network.inputSize() != MnistForm.SIDE * MnistForm.SIDE) {
            throw new HttpError(400, "this model takes " + network.inputSize()
                    + " inputs; drawings become 28×28 = 784");
        }
    }

    /** The body as a JSON object, or a 400 saying what is wrong with it. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(StrictJson.utf8(new ByteArrayInputStream(body)));
            if (node == null || !node.isObject()) {
                throw new HttpError(400, "expected a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new HttpError(400, "malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (CharacterCodingException e) {
            throw new HttpError(400, "the body is not UTF-8 text");
        } catch (IOException e) {
            throw new HttpError(400, "unreadable body");
        }
    }

    private static int[] unsigned(byte[] pixels) {
        int[] values = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = pixels[i] & 0xFF;
        }
        return values;
    }

    /** The JSON text of {@code answer}. */
    static byte[] write(Object answer) throws IOException {
        return JSON.writeValueAsBytes(answer);
    }
}
