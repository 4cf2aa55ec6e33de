package dev.nn.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recognises, by its first bytes, a file that is clearly not JSON text, so that a message can say what it is. */
final class BinaryKinds {

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
        if (starts(head, n, 0, 0) && n >= 4 && head[2] >= 8 && head[2] <= 0x0E) {
            return "an IDX data file";
        }
        return null;
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
