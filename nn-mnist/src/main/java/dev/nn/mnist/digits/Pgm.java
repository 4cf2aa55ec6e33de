package dev.nn.mnist.digits;

import java.io.IOException;

/** The PGM (portable grey map) format: "P2" with text levels or "P5" with binary ones, any maxval up to 65535. */
final class Pgm {

    private final byte[] bytes;
    private final String name;
    private int at = 2;

    private Pgm(byte[] bytes, String name) {
        this.bytes = bytes;
        this.name = name;
    }

    static GreyImage decode(byte[] bytes, String name) throws IOException {
        return new Pgm(bytes, name).read(bytes[1] == '5');
    }

    private GreyImage read(boolean binary) throws IOException {
        int width = number("width"), height = number("height"), max = number("maximum level");
        if (width < 1 || height < 1 || max < 1 || max > 65535) {
            throw new IOException(name + ": PGM header says " + width + "×" + height + ", maxval " + max);
        }
        if ((long) width * height > ImageFiles.MAX_PIXELS) {
            throw new IOException(name + ": " + width + "×" + height + " pixels is too large");
        }
        float[] levels = new float[width * height];
        int bytesPerLevel = max < 256 ? 1 : 2;
        if (binary) {
            at++; // the single whitespace after maxval
            if ((long) bytes.length - at < (long) levels.length * bytesPerLevel) {
                throw new IOException(name + ": PGM data is truncated");
            }
        }
        for (int i = 0; i < levels.length; i++) {
            int v;
            if (!binary) {
                v = number("level");
            } else if (bytesPerLevel == 1) {
                v = bytes[at++] & 0xFF;
            } else {
                v = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
                at += 2;
            }
            levels[i] = Math.min(v, max) / (float) max;
        }
        return new GreyImage(height, width, levels);
    }

    private int number(String what) throws IOException {
        while (at < bytes.length && (Character.isWhitespace(bytes[at]) || bytes[at] == '#')) {
            if (bytes[at] == '#') {
                while (at < bytes.length && bytes[at] != '\n') {
                    at++;
                }
            } else {
                at++;
            }
        }
        long value = 0;
        int start = at;
        while (at < bytes.length && bytes[at] >= '0' && bytes[at] <= '9' && value <= Integer.MAX_VALUE) {
            value = value * 10 + (bytes[at++] - '0');
        }
        if (at == start || value > Integer.MAX_VALUE) {
            throw new IOException(name + ": PGM " + what + " is missing or not a number");
        }
        return (int) value;
    }
}
