package dev.nn.core.onnx;

import dev.nn.core.activation.Activation;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.layer.Dense;
import dev.nn.core.model.DataSchema;
import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import dev.nn.core.model.Provenance;
import dev.nn.core.model.Standardization;
import dev.nn.core.network.Network;
import dev.nn.core.onnx.OnnxMessages.Attribute;
import dev.nn.core.onnx.OnnxMessages.Graph;
import dev.nn.core.onnx.OnnxMessages.Node;
import dev.nn.core.onnx.OnnxMessages.Tensor;
import dev.nn.core.onnx.OnnxMessages.ValueInfo;
import dev.nn.core.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ONNX export and import without ONNX Runtime (nn-app's tests run the exported files in it): import → export →
 * import is bit for bit, the graph forms other tools write (MatMul + Add, Flatten, Reshape, Div by 255, logits
 * at the end) read as the same network, and everything else is refused in one line naming the node.
 */
class OnnxTest {

    private static final Provenance PROVENANCE = new Provenance("nn test", "25", "scalar", "2026-01-01T00:00:00Z",
            Map.of("t10k-images", "abc"), 3, 0.5, 0.4, 0.9, null, "mnist", null);

    @TempDir
    Path dir;

    private static Model model(TrainingConfig config, Standardization standardization, DataSchema schema) {
        return new Model(Network.initialized(config.network(), new Rng(7)), config, standardization, schema,
                PROVENANCE);
    }

    private static Model pictures() {
        TrainingConfig config = TrainingConfig.DEFAULT.withLayers(List.of(12, 5, 4, 3));
        return model(config.with(config.network().withActivations(List.of(Activation.TANH,
                Activation.LEAKY_RELU))), null, null);
    }

    private static Model table() {
        TrainingConfig config = TrainingConfig.DEFAULT.withLayers(List.of(4, 6, 3));
        return model(config.with(config.network().withActivation(Activation.SIGMOID)),
                new Standardization(new float[] {5.8f, 3.1f, 3.7f, 1.2f}, new float[] {1.2f, 2.3f, 0.6f, 1.3f}),
                new DataSchema(List.of("a", "b", "c", "d"), "species", List.of("x", "y", "z")));
    }

    private Path exported(Model model, String folder) throws IOException {
        Path file = Files.createDirectories(dir.resolve(folder)).resolve("m.onnx");
        Onnx.export(model, file);
        return file;
    }

    private static void assertSameNetwork(Network expected, Network actual) {
        assertEquals(expected.layers().size(), actual.layers().size());
        for (int i = 0; i < expected.layers().size(); i++) {
            Dense e = expected.layers().get(i);
            Dense a = actual.layers().get(i);
            assertEquals(e.activation(), a.activation(), "layer " + i);
            assertArrayEquals(e.weights(), a.weights(), "layer " + i);
            assertArrayEquals(e.bias(), a.bias(), "layer " + i);
        }
    }

    @Test
    void importExportImportIsBitForBit() throws IOException {
        for (Model original : List.of(pictures(), table())) {
            Model first = Onnx.read(exported(original, "one")).model();
            Model second = Onnx.read(exported(first, "two")).model();
            assertSameNetwork(original.network(), first.network());
            assertEquals(original.config(), first.config());
            assertEquals(original.schema(), first.schema());
            Path a = dir.resolve("first.json");
            Path b = dir.resolve("second.json");
            ModelIO.save(a, first);
            ModelIO.save(b, second);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
            assertEquals("onnx m.onnx (nn " + dev.nn.core.Version.get() + ")", first.provenance().source());
            assertEquals(PROVENANCE.data(), first.provenance().data(), "the trained-on data travels along");
        }
        Model table = Onnx.read(exported(table(), "three")).model();
        assertArrayEquals(table().standardization().mean(), table.standardization().mean());
        assertArrayEquals(table().standardization().scale(), table.standardization().scale());
    }

    @Test
    void theExportedGraphIsTheDocumentedOne() {
        OnnxMessages.Model onnx = OnnxEncoding.read(Onnx.bytes(pictures()));
        assertEquals(10, onnx.irVersion());
        assertEquals(Map.of("", 21L), onnx.opsets());
        assertEquals(List.of("Mul", "Gemm", "Tanh", "Gemm", "LeakyRelu", "Gemm", "Softmax"),
                onnx.graph().nodes().stream().map(Node::opType).toList());
        ValueInfo input = onnx.graph().inputs().getFirst();
        assertEquals("pixels", input.name());
        assertArrayEquals(new long[] {OnnxMessages.SYMBOLIC, 12}, input.dims());
        assertEquals("probabilities", onnx.graph().outputs().getFirst().name());
        assertTrue(onnx.metadata().containsKey("nn.config") && onnx.metadata().containsKey("nn.provenance"));
        assertEquals(List.of("Sub", "Mul", "Gemm", "Sigmoid", "Gemm", "Softmax"), OnnxEncoding.read(
                Onnx.bytes(table())).graph().nodes().stream().map(Node::opType).toList());
    }

    /** A graph as other tools write one, from {@code nodes}, over input {@code x} of {@code dims}. */
    private static OnnxMessages.Model foreign(long[] dims, List<Tensor> constants, Node... nodes) {
        String output = nodes[nodes.length - 1].outputs().getFirst();
        Graph graph = new Graph("g", List.of(nodes), constants,
                List.of(new ValueInfo("x", OnnxMessages.FLOAT, dims)),
                List.of(new ValueInfo(output, OnnxMessages.FLOAT, new long[] {OnnxMessages.SYMBOLIC, 3})));
        return new OnnxMessages.Model(8, Map.of("", 13L), "elsewhere", "1.0", null, graph, Map.of());
    }

    private static Node node(String op, String in, String out, String... constants) {
        List<String> inputs = new ArrayList<>(List.of(in));
        inputs.addAll(List.of(constants));
        return new Node(op + "_" + out, op, "", inputs, List.of(out), Map.of());
    }

    private static Node node(String op, String in, String out, Map<String, Attribute> attributes,
                             String... constants) {
        Node plain = node(op, in, out, constants);
        return new Node(plain.name(), op, "", plain.inputs(), plain.outputs(), attributes);
    }

    private static Tensor tensor(String name, long[] dims, float... values) {
        return Tensor.of(name, dims, values);
    }

    private static ImportedModel read(OnnxMessages.Model onnx) {
        return OnnxImport.of(OnnxEncoding.read(OnnxEncoding.write(onnx)), "test");
    }

    @Test
    void matMulPlusAddFlattenAndDivisionReadAsTheSameNetworkAsGemm() {
        float[] w = {1, 2, 3, 4, 5, 6}; // 2 outputs × 3 inputs, nn's layout
        float[] wT = {1, 4, 2, 5, 3, 6}; // 3 × 2, MatMul's
        float[] w2 = {1, -1, 2, -2, 3, -3}; // 3 outputs × 2 inputs
        List<Tensor> gemmConstants = List.of(tensor("w", new long[] {2, 3}, w), tensor("b", new long[] {2}, 7, 8),
                tensor("w2", new long[] {3, 2}, w2), tensor("b2", new long[] {3}, 0, 1, 2),
                tensor("s", new long[0], 1f / 255));
        Map<String, Attribute> transB = Map.of("transB", Attribute.of("transB", 1L));
        Network gemm = read(foreign(new long[] {OnnxMessages.SYMBOLIC, 3}, gemmConstants,
                node("Mul", "x", "scaled", "s"), node("Gemm", "scaled", "h", transB, "w", "b"),
                node("Relu", "h", "a"), node("Gemm", "a", "z", transB, "w2", "b2"),
                node("Softmax", "z", "p"))).model().network();

        List<Tensor> matMulConstants = List.of(tensor("w", new long[] {3, 2}, wT), tensor("b", new long[] {2}, 7, 8),
                tensor("w2", new long[] {3, 2}, w2), tensor("b2", new long[] {1, 3}, 0, 1, 2),
                tensor("d", new long[0], 255), new Tensor("shape", new long[] {2}, OnnxMessages.INT64, null,
                        new long[] {-1, 3}));
        ImportedModel other = read(foreign(new long[] {OnnxMessages.SYMBOLIC, 1, 3}, matMulConstants,
                node("Flatten", "x", "flat"), node("Reshape", "flat", "rows", "shape"),
                node("Div", "rows", "scaled", "d"), node("MatMul", "scaled", "h0", "w"), node("Add", "h0", "h", "b"),
                node("Relu", "h", "a"), node("Gemm", "a", "z", transB, "w2", "b2")));
        assertSameNetwork(gemm, other.model().network());
        assertEquals(List.of("the graph ends in logits; nn applies softmax to them, as its own networks do"),
                other.notes());
        assertNull(other.model().standardization(), "a picture model");
        assertEquals("784-16-16-10", TrainingConfig.DEFAULT.shape(), "the default config stays untouched");
        assertEquals("3-2-3", other.model().config().shape());
    }

    @Test
    void everythingElseIsRefusedInOneLineNamingTheNode() {
        List<Tensor> constants = List.of(tensor("w", new long[] {3, 3}, new float[9]),
                tensor("k", new long[] {3, 3, 1, 1}, new float[9]));
        Map<String, Attribute> transB = Map.of("transB", Attribute.of("transB", 1L));
        long[] rows = {OnnxMessages.SYMBOLIC, 3};
        assertRefused("node 'Conv_c' (Conv) is not a node nn has", foreign(rows, constants,
                node("Conv", "x", "c", "k"), node("Gemm", "c", "z", transB, "w")));
        assertRefused("node 'LeakyRelu_a' (LeakyRelu) is a LeakyRelu with alpha 0.2", foreign(rows, constants,
                node("Gemm", "x", "h", transB, "w"),
                node("LeakyRelu", "h", "a", Map.of("alpha", Attribute.of("alpha", 0.2f))),
                node("Gemm", "a", "z", transB, "w")));
        assertRefused("tensor 'x' feeds two nodes ('Gemm_h' (Gemm) and 'Add_z' (Add))", foreign(rows, constants,
                node("Gemm", "x", "h", transB, "w"), node("Add", "h", "z", "x")));
        assertRefused("node 'Add_z' (Add) is a node that combines two computed tensors", foreign(rows, constants,
                node("Gemm", "x", "h", transB, "w"), node("Add", "h", "z", "h")));
        assertRefused("the graph has no dense layer", foreign(rows, constants, node("Identity", "x", "z")));
        assertRefused("is an activation before the first layer", foreign(rows, constants, node("Relu", "x", "z")));
        assertRefused("a Gemm whose weights have shape [3, 3, 1, 1]", foreign(rows, constants,
                node("Gemm", "x", "z", transB, "k")));
        assertRefused("a product of 3 values by weights of shape [2, 4] (transposed)", foreign(rows,
                List.of(tensor("w", new long[] {2, 4}, new float[8])), node("Gemm", "x", "z", transB, "w")));
        assertRefused("input scaling by 0.5", foreign(rows, List.of(tensor("h", new long[0], 0.5f),
                tensor("w", new long[] {3, 3}, new float[9])), node("Mul", "x", "s", "h"),
                node("Gemm", "s", "z", transB, "w")));
        assertRefused("the output layer has an activation (relu)", foreign(rows, constants,
                node("Gemm", "x", "h", transB, "w"), node("Relu", "h", "z")));
        assertRefused("is a node after the Softmax", foreign(rows, constants,
                node("Gemm", "x", "h", transB, "w"), node("Softmax", "h", "p"), node("Relu", "p", "z")));
    }

    private static void assertRefused(String expected, OnnxMessages.Model onnx) {
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> read(onnx));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void filesThatAreNotOnnxGetOneLineNamingTheFile() throws IOException {
        byte[] good = Onnx.bytes(pictures());
        Path truncated = Files.write(dir.resolve("cut.onnx"), Arrays.copyOf(good, good.length / 2));
        OnnxFormatException cut = assertThrows(OnnxFormatException.class, () -> Onnx.read(truncated));
        assertTrue(cut.getMessage().startsWith(truncated + ": malformed protobuf"), cut.getMessage());
        Path json = Files.writeString(dir.resolve("m.onnx"), "{\"format\": \"nn-mlp\"}");
        OnnxFormatException text = assertThrows(OnnxFormatException.class, () -> Onnx.read(json));
        assertTrue(text.getMessage().startsWith(json + ": "), text.getMessage());
    }
}
