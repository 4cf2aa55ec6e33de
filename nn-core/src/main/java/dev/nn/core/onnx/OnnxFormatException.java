package dev.nn.core.onnx;

/**
 * An ONNX file nn cannot read or turn into one of its networks: malformed bytes, or a graph with a node nn
 * does not have (named with its op type). The message is one line for the user.
 */
public final class OnnxFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public OnnxFormatException(String message) {
        super(message);
    }
}
