package dev.nn.simd.internal;

/** Unsigned bytes (pixels) to scaled floats: one pure method each. */
public interface Conversions {

    /** dst[dstOff+i] = scale·(src[srcOff+i] &amp; 0xFF) for i &lt; n. */
    void unsignedBytesToFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale);

    /**
     * Row r &lt; n of the float matrix at dst[dstOff] (rows {@code length} apart) becomes scale times the unsigned
     * bytes of row {@code rows[rowsOff + r]} of {@code src}: a gather of shuffled samples.
     */
    default void unsignedByteRowsToFloats(byte[] src, int length, int[] rows, int rowsOff, int n, float[] dst,
                                          int dstOff, float scale) {
        RowGather.touch(src, length, rows, rowsOff, n);
        for (int r = 0; r < n; r++) {
            unsignedBytesToFloats(src, rows[rowsOff + r] * length, dst, dstOff + r * length, length, scale);
        }
    }
}
