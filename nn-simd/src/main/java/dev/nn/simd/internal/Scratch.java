package dev.nn.simd.internal;

/**
 * A float array that a kernel reuses from call to call, grown when a call needs more: once the shapes have been
 * seen, kernels that use one allocate nothing. Not thread-safe: each thread holds its own.
 */
public final class Scratch {

    private float[] data = new float[0];

    /** This scratch's array, at least {@code n} long; its contents are undefined. */
    public float[] atLeast(int n) {
        if (data.length < n) {
            data = new float[n];
        }
        return data;
    }
}
