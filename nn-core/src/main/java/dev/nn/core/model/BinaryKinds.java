package dev.nn.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recognises, by its first bytes, a file that is clearly not JSON text, so that a message can say what it is. */
final class BinaryKinds {

    /** What {@link #of} says of an ONNX model. */
    static final String ONNX = "an ONNX model";

    private BinaryKinds() {
    }

    /** What {@code file} is when its first bytes say it (a PNG picture, a gzip file, ...), else null. */
    static String of(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (starts(head, n, 0x89, 'P', 'N', 'G')) {
            return "a PNG picture";
        }
        if (starts(head, n, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG picture";
        }
        if (starts(head, n, 'G', 'I', 'F', '8')) {
            return "a GIF picture";
        }
        if (starts(head, n, 0x1F, 0x8B)) {
            return "a gzip file";
        }
        if (starts(head, n, 'P', 'K', 3, 4)) {
            return "a zip or jar file";
        }
        if (isOnnx(head, n)) {
            return ONNX;
        }
        if (starts(head, n, 0, 0) && n >= 4 && head[2] >= 8 && head[2] <= 0x0E) {
            return "an IDX data file";
        }
        return null;
    }

    /**
     * An ONNX model: protobuf starting with its IR version (field 1, a small number), then the producer's name
     * (field 2), its graph (field 7) or an operator set (field 8), as every ONNX writer orders them.
     */
    private static boolean isOnnx(byte[] head, int n) {
        return n >= 3 && head[0] == 0x08 && head[1] >= 1 && head[1] <= 20
                && (head[2] == 0x12 || head[2] == 0x3A || head[2] == 0x42);
    }

    private static boolean starts(byte[] head, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
