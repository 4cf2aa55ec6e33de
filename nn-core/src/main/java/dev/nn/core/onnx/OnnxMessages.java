package dev.nn.core.onnx;

import java.util.List;
import java.util.Map;

/**
 * The parts of ONNX's {@code onnx.proto} that nn reads and writes, as plain records: a model holding one graph
 * of nodes over named tensors, with float or int64 initialisers. Fields nn has no use for are not kept.
 */
final class OnnxMessages {

    /** TensorProto.DataType FLOAT. */
    static final int FLOAT = 1;
    /** TensorProto.DataType INT64. */
    static final int INT64 = 7;
    /** A dimension whose size is a name (the batch), not a number. */
    static final long SYMBOLIC = -1;

    private OnnxMessages() {
    }

    /**
     * A model: its IR version, operator sets by domain ({@code ""} is the default one), producer, graph and
     * string metadata.
     */
    record Model(long irVersion, Map<String, Long> opsets, String producerName, String producerVersion,
                 String docString, Graph graph, Map<String, String> metadata) {
    }

    /** A graph: nodes in topological order, initialisers (constant tensors), inputs and outputs. */
    record Graph(String name, List<Node> nodes, List<Tensor> initializers, List<ValueInfo> inputs,
                 List<ValueInfo> outputs) {
    }

    /** One operation: its op type in a domain, the tensors it reads and writes by name, its attributes. */
    record Node(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                Map<String, Attribute> attributes) {

        /** The attribute {@code name}, or null. */
        Attribute attribute(String attributeName) {
            return attributes.get(attributeName);
        }
    }

    /**
     * A node's attribute: a float ({@code type} 1), an int (2), a string (3) or a tensor (4); lists are not
     * needed by any node nn reads.
     */
    record Attribute(String name, int type, float f, long i, String s, Tensor t) {

        /** AttributeProto.AttributeType FLOAT, INT, STRING, TENSOR. */
        static final int FLOAT = 1;
        static final int INT = 2;
        static final int STRING = 3;
        static final int TENSOR = 4;

        /** A float attribute. */
        static Attribute of(String name, float value) {
            return new Attribute(name, FLOAT, value, 0, null, null);
        }

        /** An int attribute. */
        static Attribute of(String name, long value) {
            return new Attribute(name, INT, 0, value, null, null);
        }
    }

    /**
     * A tensor's name, shape and values: {@code floats} for FLOAT, {@code longs} for INT64 (the other null).
     */
    record Tensor(String name, long[] dims, int dataType, float[] floats, long[] longs) {

        /** A float tensor. */
        static Tensor of(String name, long[] dims, float[] values) {
            return new Tensor(name, dims, FLOAT, values, null);
        }

        /** Its element count: the product of its dimensions (1 for a scalar). */
        long size() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    /** A graph input or output: its name, element type and dimensions ({@link #SYMBOLIC} for a named one). */
    record ValueInfo(String name, int elemType, long[] dims) {
    }
}
