package dev.nn.core.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Features handed over in memory as {@code float[][]} with {@code int[]} labels: checked, each failure one
 * sentence naming the argument ({@code x[1] has 3 values, but the network takes 2}), laid end to end, and
 * fingerprinted for a model's provenance.
 */
public final class FloatRows {

    private FloatRows() {
    }

    /** The rows of {@code x} (called {@code name}) end to end, each checked to hold {@code width} values. */
    public static float[] of(float[][] x, String name, int width) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(name + " has no rows");
        }
        float[] rows = new float[Math.multiplyExact(x.length, width)];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != width) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + (x[i] == null ? "no" : x[i].length)
                        + " values, but the network takes " + width);
            }
            System.arraycopy(x[i], 0, rows, i * width, width);
        }
        return rows;
    }

    /** Checks that {@code y} (called {@code name}) has one class in 0..classes−1 per row of {@code of}. */
    public static void requireLabels(int[] y, int rows, int classes, String name, String of) {
        if (y == null || y.length != rows) {
            throw new IllegalArgumentException(name + " has " + (y == null ? "no" : y.length) + " labels, but " + of
                    + " has " + rows + " rows");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + y[i] + ", outside the classes 0.."
                        + (classes - 1));
            }
        }
    }

    /** The SHA-256 of the rows and labels, as a model's provenance records data. */
    public static String sha256(float[] rows, int[] y) {
        try {
            ByteBuffer bytes = ByteBuffer.allocate(4 * (rows.length + y.length));
            bytes.asFloatBuffer().put(rows);
            bytes.position(4 * rows.length);
            bytes.asIntBuffer().put(y);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
