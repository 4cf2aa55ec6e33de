package dev.nn.bench;

import dev.nn.simd.Kernels;

/**
 * Chooses nn-simd's implementation for a fork before the kernels load: {@code panama} (preferred width),
 * {@code panama256} (forced to 256 bits) or {@code scalar}.
 */
final class Implementation {

    private Implementation() {
    }

    /** Sets the system properties for {@code name} and the thread count, then loads the kernels. */
    static void use(String name, int threads) {
        System.setProperty("nn.simd.quiet", "true");
        switch (name) {
            case "panama" -> System.setProperty("nn.simd", "panama");
            case "panama256" -> {
                System.setProperty("nn.simd", "panama");
                System.setProperty("nn.simd.bits", "256");
            }
            case "scalar" -> System.setProperty("nn.simd", "scalar");
            default -> throw new IllegalArgumentException("unknown implementation " + name);
        }
        Kernels.setThreads(threads);
    }
}
