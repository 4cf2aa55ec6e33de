package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.KernelProvider;
import dev.nn.simd.internal.scalar.ScalarFma;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * What every Panama kernel shares: the float species and its length, whether multiply-adds are fused, sums
 * across lanes in a fixed order, and the byte order of the native panels.
 *
 * <p>Vector code calls the Vector API directly, never through a helper of ours that takes or returns a vector:
 * a vector handed to a method that the JIT does not inline is allocated, and C2 declined to inline even tiny
 * helpers in these kernels (measured: 1.1 kB per training step). Multiply-adds are fused ({@code x.fma(y, s)}):
 * the provider chooses this implementation only where the JVM compiles them to FMA instructions. No masked loads
 * or stores: they are slow without AVX-512.
 *
 * <p>Results are bit-reproducible: lanes are summed in a fixed order, never by {@code reduceLanes(ADD)}, whose
 * order the API leaves open (the interpreter and C2 do differ), and exponentials use the scalar twin's additions
 * and multiplications, not {@code lanewise(EXP)}, whose compiled and interpreted results may differ.
 */
final class Vectors {

    /** The float species: the preferred one, or the width set with {@code -Dnn.simd.bits}. */
    static final VectorSpecies<Float> FLOATS = species(KernelProvider.requestedBits());
    /** Float lanes per vector. */
    static final int L = FLOATS.length();
    /** The byte order of native memory, in which packed panels hold their floats. */
    static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    /** A float in native order, as the vectors read it from a panel. */
    static final ValueLayout.OfFloat NATIVE_FLOAT = ValueLayout.JAVA_FLOAT.withOrder(NATIVE);
    /** The scalar twin's multiply-add for the tails: fused, as the vectors' are. */
    static final ScalarFma FUSED = new ScalarFma(true);
    /** Per-thread room for sixteen vectors' lanes, so that sums across lanes need no allocation. */
    static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[16 * L]);
    /** Lane i with lane i xor L/2, L/4, L/8, L/16: the steps of {@link DotKernels#dot}'s pairwise sum. */
    static final VectorShuffle<Float> SWAP_HALVES = swap(L / 2), SWAP_QUARTERS = swap(L / 4),
            SWAP_EIGHTHS = swap(Math.max(1, L / 8)), SWAP_SIXTEENTHS = swap(Math.max(1, L / 16));

    private Vectors() {
    }

    /** The float species for a width in bits, 0 for the preferred one. */
    static VectorSpecies<Float> species(int bits) {
        return bits == 0 ? FloatVector.SPECIES_PREFERRED : VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
    }

    private static VectorShuffle<Float> swap(int distance) {
        return VectorShuffle.fromOp(FLOATS, i -> i ^ distance);
    }

    /** The sum of lanes[from..from+L) in index order: the same in the interpreter and in compiled code. */
    static float sumLanes(float[] lanes, int from) {
        float sum = 0;
        for (int i = from; i < from + L; i++) {
            sum += lanes[i];
        }
        return sum;
    }

    /** a·b + acc on scalars, fused as the vectors are. */
    static float fma(float a, float b, float acc) {
        return Math.fma(a, b, acc);
    }
}
