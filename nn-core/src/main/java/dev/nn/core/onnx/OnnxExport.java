package dev.nn.core.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nn.core.Version;
import dev.nn.core.activation.Activation;
import dev.nn.core.io.StrictJson;
import dev.nn.core.layer.Dense;
import dev.nn.core.model.Model;
import dev.nn.core.model.Standardization;
import dev.nn.core.onnx.OnnxMessages.Attribute;
import dev.nn.core.onnx.OnnxMessages.Graph;
import dev.nn.core.onnx.OnnxMessages.Node;
import dev.nn.core.onnx.OnnxMessages.Tensor;
import dev.nn.core.onnx.OnnxMessages.ValueInfo;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An nn model as an ONNX graph: raw input in (pixels 0–255, or a table's raw features), the scaling nn applies
 * (×1/255, or −mean then ×1/σ) as nodes, then per dense layer a Gemm (weights as stored, {@code transB = 1})
 * and its activation, and a Softmax at the end. The batch dimension is symbolic. nn's config, schema and
 * provenance travel in the metadata, so that {@link OnnxImport} gives back the same model.
 */
final class OnnxExport {

    /** The IR version written (ONNX 1.15 onwards). */
    static final long IR_VERSION = 10;
    /** The default domain's operator set written. */
    static final long OPSET = 21;
    /** Metadata keys. */
    static final String CONFIG = "nn.config";
    static final String SCHEMA = "nn.schema";
    static final String PROVENANCE = "nn.provenance";
    /** The graph's input name for pictures and for tables, and its output name. */
    static final String PIXELS = "pixels";
    static final String FEATURES = "features";
    static final String PROBABILITIES = "probabilities";

    private static final ObjectMapper JSON = StrictJson.MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);
    /** nn's scale from a byte to an input, exactly as training applies it. */
    private static final float PIXEL_SCALE = 1f / 255;

    private OnnxExport() {
    }

    /** The ONNX model of {@code model}. */
    static OnnxMessages.Model of(Model model) {
        List<Node> nodes = new ArrayList<>();
        List<Tensor> initializers = new ArrayList<>();
        List<Dense> layers = model.network().layers();
        int inputs = layers.getFirst().inputSize();
        Standardization standardization = model.standardization();
        String input = standardization == null ? PIXELS : FEATURES;
        String current = input;
        if (standardization == null) {
            initializers.add(Tensor.of("pixel_scale", new long[0], new float[] {PIXEL_SCALE}));
            current = node(nodes, "Mul", "scale", List.of(current, "pixel_scale"), "inputs", Map.of());
        } else {
            initializers.add(Tensor.of("feature_mean", new long[] {inputs}, standardization.mean().clone()));
            initializers.add(Tensor.of("feature_scale", new long[] {inputs}, standardization.scale().clone()));
            current = node(nodes, "Sub", "center", List.of(current, "feature_mean"), "centered", Map.of());
            current = node(nodes, "Mul", "scale", List.of(current, "feature_scale"), "inputs", Map.of());
        }
        for (int i = 0; i < layers.size(); i++) {
            Dense layer = layers.get(i);
            String name = "dense" + (i + 1);
            initializers.add(Tensor.of(name + ".weight", new long[] {layer.outputSize(), layer.inputSize()},
                    layer.weights().clone()));
            initializers.add(Tensor.of(name + ".bias", new long[] {layer.outputSize()}, layer.bias().clone()));
            boolean last = i == layers.size() - 1;
            current = node(nodes, "Gemm", name, List.of(current, name + ".weight", name + ".bias"),
                    last ? "logits" : name + ".z", Map.of("transB", Attribute.of("transB", 1L)));
            if (!last) {
                current = activation(nodes, name, layer.activation(), current);
            }
        }
        node(nodes, "Softmax", "softmax", List.of(current), PROBABILITIES, Map.of("axis", Attribute.of("axis", 1L)));
        Graph graph = new Graph("nn " + model.config().shape(), nodes, initializers,
                List.of(new ValueInfo(input, OnnxMessages.FLOAT, new long[] {OnnxMessages.SYMBOLIC, inputs})),
                List.of(new ValueInfo(PROBABILITIES, OnnxMessages.FLOAT,
                        new long[] {OnnxMessages.SYMBOLIC, layers.getLast().outputSize()})));
        return new OnnxMessages.Model(IR_VERSION, Map.of("", OPSET), "nn", Version.get(), doc(model), graph,
                metadata(model));
    }

    private static String activation(List<Node> nodes, String layer, Activation activation, String in) {
        return switch (activation) {
            case IDENTITY -> in;
            case RELU -> node(nodes, "Relu", layer + ".relu", List.of(in), layer + ".a", Map.of());
            case LEAKY_RELU -> node(nodes, "LeakyRelu", layer + ".leaky_relu", List.of(in), layer + ".a",
                    Map.of("alpha", Attribute.of("alpha", Activation.LEAK)));
            case SIGMOID -> node(nodes, "Sigmoid", layer + ".sigmoid", List.of(in), layer + ".a", Map.of());
            case TANH -> node(nodes, "Tanh", layer + ".tanh", List.of(in), layer + ".a", Map.of());
        };
    }

    private static String node(List<Node> nodes, String op, String name, List<String> inputs, String output,
                               Map<String, Attribute> attributes) {
        nodes.add(new Node(name, op, "", inputs, List.of(output), attributes));
        return output;
    }

    private static String doc(Model model) {
        return "A " + model.config().shape() + " multilayer perceptron (" + model.config().network().activationText()
                + ") exported by nn " + Version.get() + ". Input: " + (model.standardization() == null
                ? "pixels 0-255 as float32, one row per picture" : "the table's raw features as float32")
                + "; output: class probabilities.";
    }

    private static Map<String, String> metadata(Model model) {
        Map<String, String> metadata = new LinkedHashMap<>();
        try {
            metadata.put(CONFIG, JSON.writeValueAsString(model.config()));
            if (model.schema() != null) {
                metadata.put(SCHEMA, JSON.writeValueAsString(model.schema()));
            }
            if (model.provenance() != null) {
                metadata.put(PROVENANCE, JSON.writeValueAsString(model.provenance()));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return metadata;
    }
}
