package dev.nn.mnist;

import dev.nn.core.data.Dataset;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The XOR problem, the classic case a single layer cannot learn: inputs (0,0), (0,1), (1,0), (1,1), class
 * a XOR b. The training set repeats the four points {@link #REPEATS} times so that an epoch has batches to shuffle;
 * the test set is the four points once.
 */
public final class Xor {

    /** How often the training set holds each point. */
    public static final int REPEATS = 256;

    private Xor() {
    }

    /** The XOR training and test sets (inputs as bytes 0 and 255, which become 0 and 1). */
    public static TrainTest trainTest() {
        return new TrainTest(points("XOR train", REPEATS), points("XOR test", 1));
    }

    private static Dataset points(String name, int repeats) {
        byte[] samples = new byte[4 * repeats * 2];
        byte[] labels = new byte[4 * repeats];
        for (int i = 0; i < labels.length; i++) {
            int a = i & 1;
            int b = (i >> 1) & 1;
            samples[2 * i] = (byte) (a * 255);
            samples[2 * i + 1] = (byte) (b * 255);
            labels[i] = (byte) (a ^ b);
        }
        return new Dataset(name, samples, labels, 2, 2, Map.of(name, sha256(samples, labels)));
    }

    /** The content's SHA-256, so that a model or checkpoint records which data it saw, as for IDX files. */
    private static String sha256(byte[] samples, byte[] labels) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(samples);
            digest.update(labels);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
