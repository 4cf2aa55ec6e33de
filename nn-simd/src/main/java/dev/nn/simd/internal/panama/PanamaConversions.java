package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Conversions;
import dev.nn.simd.internal.scalar.ScalarConversions;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;

/** Bytes to floats on vectors: a vector of bytes widened to ints, converted, scaled. */
final class PanamaConversions implements Conversions {

    private static final VectorSpecies<Integer> INTS = FLOATS.withLanes(int.class);
    /** Bytes with as many lanes as the floats (at least 64 bits wide). */
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, L * 8)));

    private final ScalarConversions tails = new ScalarConversions();

    @Override
    public void unsignedBytesToFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        int i = 0;
        for (; i + BYTES.length() <= n; i += L) {
            IntVector ints = (IntVector) ByteVector.fromArray(BYTES, src, srcOff + i)
                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, 0);
            ((FloatVector) ints.convert(VectorOperators.I2F, 0)).mul(scale).intoArray(dst, dstOff + i);
        }
        tails.unsignedBytesToFloats(src, srcOff + i, dst, dstOff + i, n - i, scale);
    }
}
