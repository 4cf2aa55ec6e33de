package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Implementation;
import dev.nn.simd.internal.Softmax;

/**
 * The Panama implementation, assembled. Created reflectively by {@link dev.nn.simd.internal.KernelProvider},
 * only once the {@code jdk.incubator.vector} module is known to be present, so that nothing else in nn-simd
 * touches the incubator API.
 */
public final class Panama {

    private Panama() {
    }

    /** The Panama kernels at the species {@link Vectors#FLOATS}. */
    public static Implementation implementation() {
        PanamaElementwise elementwise = new PanamaElementwise();
        PanamaReductions reductions = new PanamaReductions();
        PanamaActivations activations = new PanamaActivations();
        return new Implementation(elementwise, reductions, activations,
                new Softmax(reductions, activations, elementwise, Vectors.L), new PanamaUpdates(),
                new PanamaConversions(), new PanamaProducts(), Vectors.FLOATS.vectorBitSize());
    }

    /** The widest float vector this JVM compiles to, in bits (its preferred species). */
    public static int preferredBits() {
        return jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
