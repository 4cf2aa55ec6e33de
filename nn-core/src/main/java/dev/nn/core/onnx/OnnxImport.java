package dev.nn.core.onnx;

import dev.nn.core.activation.Activation;
import dev.nn.core.io.Untrusted;
import dev.nn.core.layer.Dense;
import dev.nn.core.model.Model;
import dev.nn.core.model.Standardization;
import dev.nn.core.network.Network;
import dev.nn.core.onnx.OnnxMessages.Attribute;
import dev.nn.core.onnx.OnnxMessages.Graph;
import dev.nn.core.onnx.OnnxMessages.Node;
import dev.nn.core.onnx.OnnxMessages.Tensor;
import dev.nn.core.onnx.OnnxMessages.ValueInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * An ONNX graph as an nn model, when it is a multilayer perceptron nn has: one float input (optionally
 * flattened or reshaped to rows), optional input scaling, then dense layers (Gemm, or MatMul + Add) each
 * followed by at most one activation nn has (ReLU, LeakyRelu with α = 0.01, Sigmoid, Tanh), and Softmax (or
 * LogSoftmax, or nothing: nn applies softmax itself) at the end. Anything else is refused with one line naming
 * the first node nn cannot read and its op type.
 *
 * <p>Input scaling: a multiplication by 1/255 (or division by 255) makes a picture model, which nn feeds bytes
 * scaled as it always does; a subtraction then a multiplication (or division) by per-feature constants makes a
 * table model's standardization; a graph without scaling is taken to expect inputs as nn's picture models take
 * them, pixels scaled to [0, 1].
 */
final class OnnxImport {

    private static final Set<String> DEFAULT_DOMAINS = Set.of("", "ai.onnx");

    private final Graph graph;
    private final Map<String, Tensor> constants = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private final Set<String> layerConstants = new HashSet<>();
    private float[] mean;
    private float[] scale;
    private boolean pixelScale;
    private boolean pendingBias;
    private Node ended;
    private int width;

    /** A dense layer being read: weights outputs×inputs, row-major, and its activation once seen. */
    private record Layer(int inputs, int outputs, float[] weights, float[] bias, Activation[] activation) {
    }

    private OnnxImport(Graph graph) {
        this.graph = graph;
    }

    /** The model in {@code onnx}; {@code source} says where it came from (recorded in its provenance). */
    static ImportedModel of(OnnxMessages.Model onnx, String source) {
        OnnxImport reader = new OnnxImport(onnx.graph());
        Network network = reader.network();
        Model model = ImportedParts.model(network, reader.standardization(), onnx, source, reader.notes);
        return new ImportedModel(model, List.copyOf(reader.notes));
    }

    /** The table standardization the input scaling amounts to, or null for a picture model. */
    private Standardization standardization() {
        if (mean == null && scale == null) {
            return null;
        }
        if (mean == null || scale == null) {
            throw new OnnxFormatException("the graph's input scaling is half a standardization (a"
                    + " subtraction needs a multiplication or division after it)");
        }
        return new Standardization(mean, scale);
    }

    private Network network() {
        for (Tensor t : graph.initializers()) {
            constants.put(t.name(), t);
        }
        List<Node> computing = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (node.opType().equals("Constant") && DEFAULT_DOMAINS.contains(node.domain())) {
                Attribute value = node.attribute("value");
                if (value == null || value.t() == null || node.outputs().size() != 1) {
                    throw unsupported(node, "a Constant that is not one tensor");
                }
                constants.put(node.outputs().getFirst(), value.t());
            } else {
                computing.add(node);
            }
        }
        ValueInfo input = input();
        String current = input.name();
        for (Node node = consumer(computing, current); node != null; node = consumer(computing, current)) {
            if (!DEFAULT_DOMAINS.contains(node.domain())) {
                throw unsupported(node, "an operator of domain '" + Untrusted.shown(node.domain()) + "'");
            }
            requireOneDataInput(node, current);
            read(node);
            current = node.outputs().isEmpty() ? "" : node.outputs().getFirst();
        }
        if (layers.isEmpty()) {
            throw new OnnxFormatException("the graph has no dense layer (Gemm or MatMul) on its way from input '"
                    + Untrusted.shown(input.name()) + "' to its output");
        }
        String output = graph.outputs().size() == 1 ? graph.outputs().getFirst().name() : null;
        if (!current.equals(output)) {
            throw new OnnxFormatException("the graph's output is not the end of its chain of nodes (the chain ends"
                    + " at '" + Untrusted.shown(current) + "'); nn reads graphs with one input, one output and one"
                    + " chain of nodes between them");
        }
        if (ended == null) {
            notes.add("the graph ends in logits; nn applies softmax to them, as its own networks do");
        }
        if (layers.getLast().activation()[0] != null) {
            throw new OnnxFormatException("the output layer has an activation ("
                    + layers.getLast().activation()[0].id() + ") before the softmax; nn's output layer gives"
                    + " logits to the softmax directly");
        }
        List<Dense> dense = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            boolean last = i == layers.size() - 1;
            Activation activation = last || l.activation()[0] == null ? Activation.IDENTITY : l.activation()[0];
            Dense d = new Dense("layer" + (i + 1), l.inputs(), l.outputs(), activation);
            System.arraycopy(l.weights(), 0, d.weights(), 0, l.weights().length);
            System.arraycopy(l.bias(), 0, d.bias(), 0, l.bias().length);
            dense.add(d);
        }
        return new Network(dense);
    }

    private ValueInfo input() {
        List<ValueInfo> inputs = graph.inputs().stream().filter(v -> !constants.containsKey(v.name())).toList();
        if (inputs.size() != 1) {
            throw new OnnxFormatException("the graph has " + inputs.size() + " inputs; nn's networks take one");
        }
        if (graph.outputs().size() != 1) {
            throw new OnnxFormatException("the graph has " + graph.outputs().size() + " outputs; nn's networks give"
                    + " one");
        }
        ValueInfo input = inputs.getFirst();
        if (input.elemType() != OnnxMessages.FLOAT) {
            throw new OnnxFormatException("input '" + Untrusted.shown(input.name()) + "' is of ONNX element type "
                    + input.elemType() + "; nn reads float32 (type 1) models");
        }
        long features = 1;
        for (int i = 1; i < input.dims().length; i++) {
            long d = input.dims()[i];
            if (d < 1 || (features *= d) > Integer.MAX_VALUE) {
                throw new OnnxFormatException("input '" + Untrusted.shown(input.name()) + "' has a dimension of"
                        + " unknown or unusable size; nn needs a fixed number of values per sample");
            }
        }
        if (input.dims().length < 2) {
            throw new OnnxFormatException("input '" + Untrusted.shown(input.name()) + "' has " + input.dims().length
                    + " dimensions; nn needs a batch dimension and the sample's");
        }
        long weights = constants.values().stream().filter(t -> t.floats() != null).mapToLong(t -> t.floats().length)
                .sum();
        if (features > weights) {
            throw new OnnxFormatException("input '" + Untrusted.shown(input.name()) + "' has " + features
                    + " values per sample, more than the graph's weights (" + weights + ") could take in");
        }
        width = (int) features;
        return input;
    }

    private static Node consumer(List<Node> nodes, String tensor) {
        Node found = null;
        for (Node node : nodes) {
            if (node.inputs().contains(tensor)) {
                if (found != null) {
                    throw new OnnxFormatException("tensor '" + Untrusted.shown(tensor) + "' feeds two nodes ("
                            + describe(found) + " and " + describe(node) + "); nn reads one chain of nodes");
                }
                found = node;
            }
        }
        return found;
    }

    private void requireOneDataInput(Node node, String current) {
        for (int i = 0; i < node.inputs().size(); i++) {
            String in = node.inputs().get(i);
            if (!in.isEmpty() && !constants.containsKey(in) && !(i == 0 && in.equals(current))) {
                throw unsupported(node, "a node that combines two computed tensors");
            }
        }
        if (node.outputs().isEmpty()) {
            throw unsupported(node, "a node without output");
        }
    }

    private void read(Node node) {
        if (ended != null) {
            throw unsupported(node, "a node after the " + ended.opType());
        }
        switch (node.opType()) {
            case "Identity" -> { }
            case "Dropout" -> {
                if (node.inputs().size() > 2 && !node.inputs().get(2).isEmpty()) {
                    throw unsupported(node, "a Dropout with a training-mode input");
                }
            }
            case "Flatten" -> {
                requireBeforeLayers(node);
                long axis = node.attribute("axis") == null ? 1 : node.attribute("axis").i();
                if (axis != 1) {
                    throw unsupported(node, "a Flatten on axis " + axis + " (nn keeps the batch axis 0 apart)");
                }
            }
            case "Reshape" -> reshape(node);
            case "Mul", "Div", "Sub", "Add" -> arithmetic(node);
            case "Gemm" -> gemm(node);
            case "MatMul" -> matMul(node);
            case "Relu" -> activation(node, Activation.RELU);
            case "LeakyRelu" -> {
                float alpha = node.attribute("alpha") == null ? 0.01f : node.attribute("alpha").f();
                if (alpha != Activation.LEAK) {
                    throw unsupported(node, "a LeakyRelu with alpha " + alpha + " (nn's leaky ReLU has alpha "
                            + Activation.LEAK + ")");
                }
                activation(node, Activation.LEAKY_RELU);
            }
            case "Sigmoid" -> activation(node, Activation.SIGMOID);
            case "Tanh" -> activation(node, Activation.TANH);
            case "Softmax", "LogSoftmax" -> softmax(node);
            default -> throw unsupported(node, "not a node nn has");
        }
        pendingBias = node.opType().equals("MatMul");
    }

    private void requireBeforeLayers(Node node) {
        if (!layers.isEmpty()) {
            throw unsupported(node, "a " + node.opType() + " between layers");
        }
    }

    private void reshape(Node node) {
        requireBeforeLayers(node);
        Tensor shape = constants.get(node.inputs().size() > 1 ? node.inputs().get(1) : "");
        if (shape == null || shape.longs() == null || shape.longs().length != 2
                || (shape.longs()[0] != -1 && shape.longs()[0] != 0)
                || (shape.longs()[1] != -1 && shape.longs()[1] != width)) {
            throw unsupported(node, "a Reshape to anything but rows of " + width + " values");
        }
    }

    private void arithmetic(Node node) {
        Tensor operand = constantOperand(node);
        if (node.opType().equals("Add") && pendingBias) {
            float[] bias = broadcast(node, operand, layers.getLast().outputs());
            float[] into = layers.getLast().bias();
            for (int i = 0; i < into.length; i++) {
                into[i] += bias[i];
            }
            return;
        }
        requireBeforeLayers(node);
        float[] values = broadcast(node, operand, width);
        switch (node.opType()) {
            case "Sub" -> {
                if (mean != null || scale != null || pixelScale) {
                    throw unsupported(node, "input scaling nn does not have (a subtraction after scaling)");
                }
                mean = values;
            }
            case "Add" -> throw unsupported(node, "input scaling nn does not have (an addition)");
            default -> {
                if (scale != null || pixelScale) {
                    throw unsupported(node, "input scaling nn does not have (scaled twice)");
                }
                float[] factors = values.clone();
                if (node.opType().equals("Div")) {
                    for (int i = 0; i < factors.length; i++) {
                        factors[i] = 1 / factors[i];
                    }
                }
                if (mean == null && IntStream.range(0, factors.length).allMatch(i -> factors[i] == 1f / 255)) {
                    pixelScale = true;
                } else if (mean != null) {
                    scale = factors;
                } else {
                    throw unsupported(node, "input scaling by " + factors[0] + " (nn's picture models scale by"
                            + " 1/255; a table model's standardization subtracts a mean first)");
                }
            }
        }
    }

    private Tensor constantOperand(Node node) {
        if (node.inputs().size() != 2 || !constants.containsKey(node.inputs().get(1))) {
            throw unsupported(node, "an " + node.opType() + " without a constant second operand");
        }
        Tensor t = constants.get(node.inputs().get(1));
        if (t.floats() == null) {
            throw unsupported(node, "an " + node.opType() + " of a tensor that is not float32");
        }
        return t;
    }

    private float[] broadcast(Node node, Tensor t, int n) {
        if (t.size() == 1) {
            float[] all = new float[n];
            Arrays.fill(all, t.floats()[0]);
            return all;
        }
        long rows = t.dims().length == 2 ? t.dims()[0] : 1;
        if (t.size() != n || t.dims().length > 2 || rows != 1) {
            throw unsupported(node, "an " + node.opType() + " by a tensor of shape " + shape(t) + " (expected "
                    + n + " values)");
        }
        return t.floats().clone();
    }

    private void gemm(Node node) {
        if (node.inputs().size() < 2) {
            throw unsupported(node, "a Gemm without weights");
        }
        if (attribute(node, "transA", 0) != 0) {
            throw unsupported(node, "a Gemm with transA = 1");
        }
        boolean transB = attribute(node, "transB", 0) != 0;
        Tensor b = floatConstant(node, 1, "weights");
        if (b.dims().length != 2) {
            throw unsupported(node, "a Gemm whose weights have shape " + shape(b));
        }
        int outputs = (int) (transB ? b.dims()[0] : b.dims()[1]);
        float alpha = node.attribute("alpha") == null ? 1f : node.attribute("alpha").f();
        float beta = node.attribute("beta") == null ? 1f : node.attribute("beta").f();
        float[] weights = weights(node, b, transB);
        if (alpha != 1f) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= alpha;
            }
            notes.add("node '" + Untrusted.shown(node.name()) + "' (Gemm) has alpha " + alpha
                    + ", folded into its weights");
        }
        float[] bias = new float[outputs];
        if (node.inputs().size() > 2 && !node.inputs().get(2).isEmpty()) {
            bias = broadcast(node, floatConstant(node, 2, "bias"), outputs);
            for (int i = 0; i < bias.length; i++) {
                bias[i] *= beta;
            }
        }
        addLayer(outputs, weights, bias);
    }

    private void matMul(Node node) {
        Tensor b = floatConstant(node, 1, "weights");
        if (b.dims().length != 2) {
            throw unsupported(node, "a MatMul whose weights have shape " + shape(b));
        }
        addLayer((int) b.dims()[1], weights(node, b, false), new float[(int) b.dims()[1]]);
    }

    /** Weights of a product by {@code b} ({@code transB}: b is outputs×inputs), as nn stores them. */
    private float[] weights(Node node, Tensor b, boolean transB) {
        int inputs = (int) (transB ? b.dims()[1] : b.dims()[0]);
        int outputs = (int) (transB ? b.dims()[0] : b.dims()[1]);
        if (inputs != width) {
            throw unsupported(node, "a product of " + width + " values by weights of shape " + shape(b)
                    + (transB ? " (transposed)" : ""));
        }
        if (transB) {
            return b.floats().clone();
        }
        float[] w = new float[outputs * inputs];
        for (int i = 0; i < inputs; i++) {
            for (int o = 0; o < outputs; o++) {
                w[o * inputs + i] = b.floats()[i * outputs + o];
            }
        }
        return w;
    }

    private void addLayer(int outputs, float[] weights, float[] bias) {
        layers.add(new Layer(width, outputs, weights, bias, new Activation[1]));
        width = outputs;
    }

    private void activation(Node node, Activation activation) {
        if (layers.isEmpty()) {
            throw unsupported(node, "an activation before the first layer");
        }
        Activation[] slot = layers.getLast().activation();
        if (slot[0] != null) {
            throw unsupported(node, "a second activation after one layer");
        }
        slot[0] = activation;
    }

    private void softmax(Node node) {
        long axis = attribute(node, "axis", 1);
        if (axis != 1 && axis != -1) {
            throw unsupported(node, "a " + node.opType() + " on axis " + axis);
        }
        if (layers.isEmpty()) {
            throw unsupported(node, "a " + node.opType() + " before the first layer");
        }
        if (node.opType().equals("LogSoftmax")) {
            notes.add("the graph ends in LogSoftmax; nn gives the probabilities (softmax), the same classes");
        }
        ended = node;
    }

    private Tensor floatConstant(Node node, int index, String what) {
        Tensor t = node.inputs().size() > index ? constants.get(node.inputs().get(index)) : null;
        if (t == null || t.floats() == null) {
            throw unsupported(node, "a " + node.opType() + " whose " + what + " are not a float32 constant");
        }
        if (!layerConstants.add(node.inputs().get(index))) {
            throw unsupported(node, "a " + node.opType() + " whose " + what + " another layer has too (nn's layers"
                    + " have weights of their own)");
        }
        return t;
    }

    private static long attribute(Node node, String name, long fallback) {
        Attribute a = node.attribute(name);
        return a == null ? fallback : a.i();
    }

    private static String shape(Tensor t) {
        return Arrays.toString(t.dims());
    }

    private static String describe(Node node) {
        return "'" + Untrusted.shown(node.name()) + "' (" + Untrusted.shown(node.opType()) + ")";
    }

    private static OnnxFormatException unsupported(Node node, String why) {
        return new OnnxFormatException("node " + describe(node) + " is " + why + "; nn reads multilayer"
                + " perceptrons of Gemm or MatMul + Add with Relu, LeakyRelu, Sigmoid or Tanh, and Softmax");
    }
}
