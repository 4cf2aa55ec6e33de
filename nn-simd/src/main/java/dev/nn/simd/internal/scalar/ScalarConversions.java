package dev.nn.simd.internal.scalar;

import dev.nn.simd.internal.Conversions;

/** Bytes to floats in plain Java. */
public final class ScalarConversions implements Conversions {

    @Override
    public void unsignedBytesToFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (src[srcOff + i] & 0xFF) * scale;
        }
    }
}
