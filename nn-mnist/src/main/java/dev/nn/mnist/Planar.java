package dev.nn.mnist;

import dev.nn.core.data.Dataset;
import dev.nn.core.random.Rng;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The 2-D problems of the TensorFlow Playground, points (x, y) in about [−1, 1]² generated from a fixed seed, so
 * that every run and every machine sees the same ones: {@link #SPIRAL} three interleaved arms, {@link #CIRCLES} a
 * disc inside a ring, {@link #BLOBS} four Gaussian clusters. Each has {@link #TRAIN} training and {@link #TEST}
 * test points, classes balanced, with a little noise.
 */
public enum Planar {

    /** Three arms winding out from the centre, one class each: no straight line separates any two. */
    SPIRAL(3) {
        @Override
        void point(Rng rng, int label, float[] into) {
            double t = rng.nextDouble();
            double angle = 2 * Math.PI * (label / 3.0 + t);
            into[0] = (float) (t * Math.cos(angle) + NOISE * rng.nextGaussian());
            into[1] = (float) (t * Math.sin(angle) + NOISE * rng.nextGaussian());
        }
    },
    /** A disc of radius 0.5 (class 0) inside a ring from 0.7 to 1 (class 1): separable by distance only. */
    CIRCLES(2) {
        @Override
        void point(Rng rng, int label, float[] into) {
            double radius = label == 0 ? 0.5 * Math.sqrt(rng.nextDouble()) : 0.7 + 0.3 * rng.nextDouble();
            double angle = 2 * Math.PI * rng.nextDouble();
            into[0] = (float) (radius * Math.cos(angle) + NOISE * rng.nextGaussian());
            into[1] = (float) (radius * Math.sin(angle) + NOISE * rng.nextGaussian());
        }
    },
    /** Four Gaussian clusters around (±0.5, ±0.5), spread 0.2, one class each: nearly linearly separable. */
    BLOBS(4) {
        @Override
        void point(Rng rng, int label, float[] into) {
            into[0] = (float) ((label % 2 == 0 ? -0.5 : 0.5) + 0.2 * rng.nextGaussian());
            into[1] = (float) ((label / 2 == 0 ? -0.5 : 0.5) + 0.2 * rng.nextGaussian());
        }
    };

    /** Training points. */
    public static final int TRAIN = 1500;
    /** Test points. */
    public static final int TEST = 600;
    /** The spread of the noise added to spiral and circle points. */
    static final double NOISE = 0.02;
    private static final long SEED = 20261202L;

    private final int classes;

    Planar(int classes) {
        this.classes = classes;
    }

    /** Draws one point of class {@code label} into {@code into[0..2)}. */
    abstract void point(Rng rng, int label, float[] into);

    /** Its name as {@code --dataset} takes it, e.g. {@code spiral}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The problem named {@code id}, or null. */
    public static Planar byId(String id) {
        for (Planar p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }

    /** Its classes. */
    public int classes() {
        return classes;
    }

    /** The training and test points, the same on every call. */
    public TrainTest trainTest() {
        Rng rng = new Rng(SEED + ordinal());
        return new TrainTest(points(id() + " train", TRAIN, rng), points(id() + " test", TEST, rng));
    }

    private Dataset points(String name, int count, Rng rng) {
        float[] values = new float[2 * count];
        int[] labels = new int[count];
        float[] point = new float[2];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            point(rng, labels[i], point);
            values[2 * i] = point[0];
            values[2 * i + 1] = point[1];
        }
        return Dataset.ofFeatures(name, values, labels, 2, classes, Map.of(name, sha256(values, labels)));
    }

    /** The content's SHA-256, so that a model records which points it saw, as for IDX files. */
    private static String sha256(float[] values, int[] labels) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length + 4 * labels.length);
        bytes.asFloatBuffer().put(values);
        bytes.position(4 * values.length);
        bytes.asIntBuffer().put(labels);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
