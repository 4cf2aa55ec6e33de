package dev.nn.core.onnx;

import java.util.Arrays;

/** A growable array of floats, for tensor data that arrives a field at a time. */
final class FloatList {

    private float[] values = new float[16];
    private int size;

    /** Appends {@code v}. */
    void add(float v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(16, 2 * size));
        }
        values[size++] = v;
    }

    /** Values added so far. */
    int size() {
        return size;
    }

    /** A copy of the values. */
    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
