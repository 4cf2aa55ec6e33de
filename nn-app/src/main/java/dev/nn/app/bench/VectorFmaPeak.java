package dev.nn.app.bench;

import dev.nn.simd.Kernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FmaPeak}'s loop on vectors of the width the kernels use; loaded only when they run on the Vector API. The
 * species is a constant (a static final field), as the JIT needs it to be to compile vector code.
 */
final class VectorFmaPeak {

    private static final VectorSpecies<Float> SPECIES =
            VectorSpecies.of(float.class, VectorShape.forBitSize(Kernels.info().vectorBits()));

    private VectorFmaPeak() {
    }

    /** Twelve independent vector FMA chains, {@code iterations} rounds. */
    static float loop(long iterations) {
        VectorSpecies<Float> species = SPECIES;
        FloatVector m = FloatVector.broadcast(species, 0.999f), h = FloatVector.broadcast(species, 0.5f);
        FloatVector s0 = FloatVector.broadcast(species, 1f), s1 = s0.add(1f), s2 = s0.add(2f), s3 = s0.add(3f),
                s4 = s0.add(4f), s5 = s0.add(5f), s6 = s0.add(6f), s7 = s0.add(7f), s8 = s0.add(8f), s9 = s0.add(9f),
                s10 = s0.add(10f), s11 = s0.add(11f);
        for (long i = 0; i < iterations; i++) {
            s0 = s0.fma(m, h);
            s1 = s1.fma(m, h);
            s2 = s2.fma(m, h);
            s3 = s3.fma(m, h);
            s4 = s4.fma(m, h);
            s5 = s5.fma(m, h);
            s6 = s6.fma(m, h);
            s7 = s7.fma(m, h);
            s8 = s8.fma(m, h);
            s9 = s9.fma(m, h);
            s10 = s10.fma(m, h);
            s11 = s11.fma(m, h);
        }
        return s0.add(s1).add(s2).add(s3).add(s4).add(s5).add(s6).add(s7).add(s8).add(s9).add(s10).add(s11)
                .lane(0);
    }
}
