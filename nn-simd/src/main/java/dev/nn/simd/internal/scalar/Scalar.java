package dev.nn.simd.internal.scalar;

import dev.nn.simd.internal.Implementation;
import dev.nn.simd.internal.Softmax;

/** The scalar implementation, assembled: every kernel in plain Java. */
public final class Scalar {

    private Scalar() {
    }

    /** The scalar kernels, multiply-adds fused or not. */
    public static Implementation implementation(boolean fused) {
        ScalarFma fma = new ScalarFma(fused);
        ScalarElementwise elementwise = new ScalarElementwise(fma);
        ScalarReductions reductions = new ScalarReductions(fma);
        ScalarActivations activations = new ScalarActivations(fma);
        return new Implementation(elementwise, reductions, activations,
                new Softmax(reductions, activations, elementwise, 1), new ScalarUpdates(fma), new ScalarConversions(),
                new ScalarProducts(fma), 0);
    }
}
