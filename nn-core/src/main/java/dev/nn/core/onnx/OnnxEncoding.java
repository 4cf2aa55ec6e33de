package dev.nn.core.onnx;

import dev.nn.core.onnx.OnnxMessages.Attribute;
import dev.nn.core.onnx.OnnxMessages.Graph;
import dev.nn.core.onnx.OnnxMessages.Model;
import dev.nn.core.onnx.OnnxMessages.Node;
import dev.nn.core.onnx.OnnxMessages.Tensor;
import dev.nn.core.onnx.OnnxMessages.ValueInfo;

import dev.nn.core.io.Untrusted;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link OnnxMessages} to and from protobuf bytes, with the field numbers of {@code onnx.proto} (IR version
 * 10). Tensors are written with {@code raw_data}; reading takes {@code raw_data}, {@code float_data} and
 * {@code int64_data} alike.
 */
final class OnnxEncoding {

    /** The symbolic name written for the batch dimension. */
    static final String BATCH = "batch";

    private OnnxEncoding() {
    }

    /** The protobuf bytes of {@code model}. */
    static byte[] write(Model model) {
        ProtoWriter out = new ProtoWriter().varint(1, model.irVersion())
                .string(2, model.producerName()).string(3, model.producerVersion());
        if (model.docString() != null) {
            out.string(6, model.docString());
        }
        out.message(7, graph(model.graph()));
        model.opsets().forEach((domain, version) ->
                out.message(8, new ProtoWriter().string(1, domain).varint(2, version)));
        model.metadata().forEach((key, value) -> out.message(14, new ProtoWriter().string(1, key).string(2, value)));
        return out.toByteArray();
    }

    private static ProtoWriter graph(Graph graph) {
        ProtoWriter out = new ProtoWriter();
        for (Node node : graph.nodes()) {
            out.message(1, node(node));
        }
        out.string(2, graph.name());
        for (Tensor t : graph.initializers()) {
            out.message(5, tensor(t));
        }
        for (ValueInfo v : graph.inputs()) {
            out.message(11, valueInfo(v));
        }
        for (ValueInfo v : graph.outputs()) {
            out.message(12, valueInfo(v));
        }
        return out;
    }

    private static ProtoWriter node(Node node) {
        ProtoWriter out = new ProtoWriter();
        node.inputs().forEach(name -> out.string(1, name));
        node.outputs().forEach(name -> out.string(2, name));
        out.string(3, node.name()).string(4, node.opType());
        for (Attribute a : node.attributes().values()) {
            ProtoWriter attribute = new ProtoWriter().string(1, a.name());
            switch (a.type()) {
                case Attribute.FLOAT -> attribute.float32(2, a.f());
                case Attribute.INT -> attribute.varint(3, a.i());
                case Attribute.STRING -> attribute.string(4, a.s());
                case Attribute.TENSOR -> attribute.message(5, tensor(a.t()));
                default -> throw new IllegalArgumentException("attribute type " + a.type());
            }
            out.message(5, attribute.varint(20, a.type()));
        }
        if (!node.domain().isEmpty()) {
            out.string(7, node.domain());
        }
        return out;
    }

    private static ProtoWriter tensor(Tensor t) {
        ProtoWriter out = new ProtoWriter().packedVarints(1, t.dims()).varint(2, t.dataType()).string(8, t.name());
        ByteBuffer raw;
        if (t.dataType() == OnnxMessages.FLOAT) {
            raw = ByteBuffer.allocate(4 * t.floats().length).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(t.floats());
        } else {
            raw = ByteBuffer.allocate(8 * t.longs().length).order(ByteOrder.LITTLE_ENDIAN);
            raw.asLongBuffer().put(t.longs());
        }
        return out.bytes(9, raw.array());
    }

    private static ProtoWriter valueInfo(ValueInfo v) {
        ProtoWriter shape = new ProtoWriter();
        for (long d : v.dims()) {
            shape.message(1, d == OnnxMessages.SYMBOLIC ? new ProtoWriter().string(2, BATCH)
                    : new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, v.elemType()).message(2, shape);
        return new ProtoWriter().string(1, v.name()).message(2, new ProtoWriter().message(1, tensorType));
    }

    /** The model in {@code bytes}; refuses malformed protobuf and tensors nn cannot hold. */
    static Model read(byte[] bytes) {
        ProtoReader in = new ProtoReader(bytes);
        long irVersion = 0;
        Map<String, Long> opsets = new LinkedHashMap<>();
        String producer = "";
        String producerVersion = "";
        String doc = null;
        Graph graph = null;
        Map<String, String> metadata = new LinkedHashMap<>();
        while (in.next()) {
            switch (in.field()) {
                case 1 -> irVersion = in.asLong();
                case 2 -> producer = in.asString();
                case 3 -> producerVersion = in.asString();
                case 6 -> doc = in.asString();
                case 7 -> graph = readGraph(in.asMessage());
                case 8 -> {
                    ProtoReader set = in.asMessage();
                    String domain = "";
                    long version = 0;
                    while (set.next()) {
                        if (set.field() == 1) {
                            domain = set.asString();
                        } else if (set.field() == 2) {
                            version = set.asLong();
                        }
                    }
                    opsets.put(domain, version);
                }
                case 14 -> {
                    ProtoReader entry = in.asMessage();
                    String key = "";
                    String value = "";
                    while (entry.next()) {
                        if (entry.field() == 1) {
                            key = entry.asString();
                        } else if (entry.field() == 2) {
                            value = entry.asString();
                        }
                    }
                    metadata.put(key, value);
                }
                default -> { }
            }
        }
        if (graph == null) {
            throw new OnnxFormatException("not an ONNX model (no graph)");
        }
        return new Model(irVersion, opsets, producer, producerVersion, doc, graph, metadata);
    }

    private static Graph readGraph(ProtoReader in) {
        List<Node> nodes = new ArrayList<>();
        List<Tensor> initializers = new ArrayList<>();
        List<ValueInfo> inputs = new ArrayList<>();
        List<ValueInfo> outputs = new ArrayList<>();
        String name = "";
        while (in.next()) {
            switch (in.field()) {
                case 1 -> nodes.add(readNode(in.asMessage()));
                case 2 -> name = in.asString();
                case 5 -> initializers.add(readTensor(in.asMessage()));
                case 11 -> inputs.add(readValueInfo(in.asMessage()));
                case 12 -> outputs.add(readValueInfo(in.asMessage()));
                case 15 -> throw new OnnxFormatException("the graph has sparse initializers, which nn does not read");
                default -> { }
            }
        }
        return new Graph(name, nodes, initializers, inputs, outputs);
    }

    private static Node readNode(ProtoReader in) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        String name = "";
        String opType = "";
        String domain = "";
        while (in.next()) {
            switch (in.field()) {
                case 1 -> inputs.add(in.asString());
                case 2 -> outputs.add(in.asString());
                case 3 -> name = in.asString();
                case 4 -> opType = in.asString();
                case 5 -> {
                    Attribute a = readAttribute(in.asMessage());
                    attributes.put(a.name(), a);
                }
                case 7 -> domain = in.asString();
                default -> { }
            }
        }
        return new Node(name, opType, domain, inputs, outputs, attributes);
    }

    private static Attribute readAttribute(ProtoReader in) {
        String name = "";
        int type = 0;
        float f = 0;
        long i = 0;
        String s = null;
        Tensor t = null;
        while (in.next()) {
            switch (in.field()) {
                case 1 -> name = in.asString();
                case 2 -> f = in.asFloat();
                case 3 -> i = in.asLong();
                case 4 -> s = in.asString();
                case 5 -> t = readTensor(in.asMessage());
                case 20 -> type = in.asInt();
                default -> { }
            }
        }
        return new Attribute(name, type, f, i, s, t);
    }

    private static Tensor readTensor(ProtoReader in) {
        List<Long> dims = new ArrayList<>();
        List<Long> longs = new ArrayList<>();
        FloatList floats = new FloatList();
        int dataType = 0;
        String name = "";
        byte[] raw = null;
        while (in.next()) {
            switch (in.field()) {
                case 1 -> in.addLongs(dims);
                case 2 -> dataType = in.asInt();
                case 4 -> in.addFloats(floats);
                case 7 -> in.addLongs(longs);
                case 8 -> name = in.asString();
                case 9 -> raw = in.asBytes();
                case 14 -> {
                    if (in.asLong() != 0) {
                        throw new OnnxFormatException("tensor '" + Untrusted.shown(name) + "' is stored in an"
                                + " external file, which nn does not read; save the model with its weights inside");
                    }
                }
                default -> { }
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long d : shape) {
            if (d < 0 || d > Integer.MAX_VALUE || (count *= d) > Integer.MAX_VALUE - 8) {
                throw new OnnxFormatException("tensor '" + Untrusted.shown(name) + "' has dimensions " + dims
                        + ", too large or negative");
            }
        }
        int n = (int) count;
        if (dataType == OnnxMessages.FLOAT) {
            float[] values;
            if (raw != null) {
                requireLength(name, raw.length, 4L * n);
                values = new float[n];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            } else {
                requireLength(name, 4L * floats.size(), 4L * n);
                values = floats.toArray();
            }
            return new Tensor(name, shape, dataType, values, null);
        }
        if (dataType == OnnxMessages.INT64) {
            long[] values;
            if (raw != null) {
                requireLength(name, raw.length, 8L * n);
                values = new long[n];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
            } else {
                requireLength(name, 8L * longs.size(), 8L * n);
                values = longs.stream().mapToLong(Long::longValue).toArray();
            }
            return new Tensor(name, shape, dataType, null, values);
        }
        return new Tensor(name, shape, dataType, null, null);
    }

    private static void requireLength(String name, long bytes, long expected) {
        if (bytes != expected) {
            throw new OnnxFormatException("tensor '" + Untrusted.shown(name) + "' holds " + bytes
                    + " bytes of data, its dimensions need " + expected);
        }
    }

    private static ValueInfo readValueInfo(ProtoReader in) {
        String name = "";
        int elemType = 0;
        List<Long> dims = new ArrayList<>();
        while (in.next()) {
            if (in.field() == 1) {
                name = in.asString();
            } else if (in.field() == 2) {
                ProtoReader type = in.asMessage();
                while (type.next()) {
                    if (type.field() != 1) {
                        continue;
                    }
                    ProtoReader tensorType = type.asMessage();
                    while (tensorType.next()) {
                        if (tensorType.field() == 1) {
                            elemType = tensorType.asInt();
                        } else if (tensorType.field() == 2) {
                            ProtoReader shape = tensorType.asMessage();
                            while (shape.next()) {
                                if (shape.field() == 1) {
                                    dims.add(dimension(shape.asMessage()));
                                }
                            }
                        }
                    }
                }
            }
        }
        return new ValueInfo(name, elemType, dims.stream().mapToLong(Long::longValue).toArray());
    }

    private static long dimension(ProtoReader in) {
        long value = OnnxMessages.SYMBOLIC;
        while (in.next()) {
            if (in.field() == 1) {
                value = in.asLong();
            }
        }
        return value;
    }
}
