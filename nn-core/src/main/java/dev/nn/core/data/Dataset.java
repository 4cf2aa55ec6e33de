package dev.nn.core.data;

import dev.nn.core.tensor.Matrix;
import dev.nn.simd.KernelThreads;
import dev.nn.simd.Kernels;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples of {@code features} values each with a class label each: either pictures, unsigned bytes (pixels,
 * 0–255) kept as bytes — a quarter of the memory of floats — and scaled to [0, 1] floats per batch by
 * {@link #fillBatch}; or features, floats used as they are ({@link #ofFeatures}).
 */
public final class Dataset {

    private static final float PIXEL_SCALE = 1f / 255f;

    private final String name;
    private final byte[] samples;
    private final float[] values;
    private final int[] labels;
    private final int count;
    private final int features;
    private final int classes;
    private final Map<String, String> checksums;
    private final int height;

    /**
     * A dataset of {@code labels.length} samples laid end to end in {@code samples}.
     *
     * @param name what to call it in messages and provenance
     * @param samples count × features unsigned bytes
     * @param labels one unsigned byte per sample, each below {@code classes}
     * @param features values per sample
     * @param classes number of classes
     * @param checksums file name to content SHA-256, for provenance (may be empty)
     */
    public Dataset(String name, byte[] samples, byte[] labels, int features, int classes,
                   Map<String, String> checksums) {
        this(name, samples, null, unsigned(labels), features, classes, checksums, samples.length, 0);
    }

    private Dataset(String name, byte[] samples, float[] values, int[] labels, int features, int classes,
                    Map<String, String> checksums, int length, int height) {
        if (features < 1 || classes < 1) {
            throw new IllegalArgumentException(name + ": features and classes must be positive");
        }
        if ((long) labels.length * features != length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels but "
                    + length / features + " samples of " + features + " values");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of sample " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        this.name = name;
        this.samples = samples;
        this.values = values;
        this.labels = labels;
        this.count = labels.length;
        this.features = features;
        this.classes = classes;
        this.checksums = Collections.unmodifiableMap(new LinkedHashMap<>(checksums));
        this.height = height;
    }

    /**
     * A dataset of float features, used as they are (kept, not copied).
     *
     * @param name what to call it in messages and provenance
     * @param values count × features floats, row-major
     * @param labels one class per sample, each in 0..classes−1
     * @param features values per sample
     * @param classes number of classes
     * @param checksums file name to content SHA-256, for provenance (may be empty)
     */
    public static Dataset ofFeatures(String name, float[] values, int[] labels, int features, int classes,
                                     Map<String, String> checksums) {
        return new Dataset(name, null, values, labels, features, classes, checksums, values.length, 0);
    }

    /**
     * The same pictures (shared, not copied), known to be images {@code height} rows high: what augmentation, which
     * moves pixels in two dimensions, needs to know.
     */
    public Dataset withImageHeight(int height) {
        if (samples == null || height < 1 || features % height != 0) {
            throw new IllegalArgumentException(name + ": " + features + " values are not images " + height
                    + " rows high");
        }
        return new Dataset(name, samples, null, labels, features, classes, checksums, samples.length, height);
    }

    /** The images' height in pixels (width: features / height), or 0 when the samples are not known as images. */
    public int imageHeight() {
        return height;
    }

    private static int[] unsigned(byte[] labels) {
        int[] classes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            classes[i] = labels[i] & 0xFF;
        }
        return classes;
    }

    /** The dataset's name. */
    public String name() {
        return name;
    }

    /** Number of samples. */
    public int size() {
        return count;
    }

    /** Values per sample. */
    public int features() {
        return features;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** The label of sample {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Whether the samples are pictures of unsigned bytes (else float features). */
    public boolean isPictures() {
        return samples != null;
    }

    /** The raw pixels of sample {@code i}, copied into {@code into[0..features)}; for pictures only. */
    public void pixels(int i, byte[] into) {
        if (samples == null) {
            throw new IllegalStateException(name + " holds features, not pictures");
        }
        System.arraycopy(samples, i * features, into, 0, features);
    }

    /** The first {@code n} samples (all of them when n ≥ size), sharing nothing with this dataset. */
    public Dataset head(int n) {
        int kept = Math.min(n, count);
        return new Dataset(name + " (first " + kept + ")", samples == null ? null : Arrays.copyOf(samples,
                kept * features), values == null ? null : Arrays.copyOf(values, kept * features),
                Arrays.copyOf(labels, kept), features, classes, checksums, kept * features, height);
    }

    /**
     * Splits off a seeded random {@code fraction} of the samples (at least one, and one left) as a second dataset:
     * [kept, held out], each in this dataset's order and sharing nothing with it. The same seed gives the same
     * split.
     */
    public List<Dataset> split(double fraction, long seed) {
        int[] order = Split.order(name, count, fraction, seed);
        int held = Split.held(count, fraction);
        int[] heldOut = Arrays.copyOf(order, held);
        int[] kept = Arrays.copyOfRange(order, held, count);
        Arrays.sort(heldOut);
        Arrays.sort(kept);
        return List.of(pick(name + " (training part)", kept), pick(name + " (validation part)", heldOut));
    }

    private Dataset pick(String part, int[] which) {
        byte[] b = samples == null ? null : new byte[which.length * features];
        float[] v = values == null ? null : new float[which.length * features];
        int[] y = new int[which.length];
        for (int i = 0; i < which.length; i++) {
            if (b != null) {
                System.arraycopy(samples, which[i] * features, b, i * features, features);
            } else {
                System.arraycopy(values, which[i] * features, v, i * features, features);
            }
            y[i] = labels[which[i]];
        }
        return new Dataset(part, b, v, y, features, classes, checksums, which.length * features, height);
    }

    /** File name to content SHA-256 of the files this dataset came from. */
    public Map<String, String> checksums() {
        return checksums;
    }

    /**
     * Scales samples {@code order[from..from+n)} to [0, 1] into the rows of {@code x} and their labels into
     * {@code y[0..n)}; sets {@code x}'s rows to n. Consecutive samples (evaluation) are converted in one call,
     * which the kernels may split over threads; shuffled ones gathered row by row (also split when long).
     */
    public void fillBatch(int[] order, int from, int n, Matrix x, int[] y) {
        fillBatch(null, order, from, n, x, y);
    }

    /** {@link #fillBatch(int[], int, int, Matrix, int[])}, long conversions split over {@code threads} (may be null). */
    public void fillBatch(KernelThreads threads, int[] order, int from, int n, Matrix x, int[] y) {
        if (x.cols() != features) {
            throw new IllegalArgumentException(name + " has " + features + " values per sample, the batch "
                    + x.cols());
        }
        x.setRows(n);
        float[] data = x.data();
        if (values != null) {
            for (int r = 0; r < n; r++) {
                System.arraycopy(values, order[from + r] * features, data, r * features, features);
                y[r] = labels[order[from + r]];
            }
            return;
        }
        if (n > 0 && consecutive(order, from, n)) {
            Kernels.unsignedBytesToFloats(threads, samples, order[from] * features, data, 0, n * features,
                    PIXEL_SCALE);
        } else {
            Kernels.unsignedByteRowsToFloats(threads, samples, features, order, from, n, data, 0, PIXEL_SCALE);
        }
        for (int r = 0; r < n; r++) {
            y[r] = labels[order[from + r]];
        }
    }

    /** Every sample in order, scaled as {@link #fillBatch} scales them, one row each of a new matrix. */
    public Matrix samples() {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Matrix x = new Matrix(count, features);
        fillBatch(order, 0, count, x, new int[count]);
        return x;
    }

    /** Whether order[from..from+n) are consecutive samples, whose bytes lie end to end. */
    private static boolean consecutive(int[] order, int from, int n) {
        for (int r = 1; r < n; r++) {
            if (order[from + r] != order[from] + r) {
                return false;
            }
        }
        return true;
    }
}
