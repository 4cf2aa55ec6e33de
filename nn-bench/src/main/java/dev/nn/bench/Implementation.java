package dev.nn.bench;

import dev.nn.simd.Kernels;

/**
 * Chooses nn-simd's implementation for a fork before the kernels load: {@code panama} (the widest vectors),
 * {@code panama256} or {@code panama128} (narrower ones), or {@code scalar}. Other names (a peer's) leave the
 * kernels alone.
 */
final class Implementation {

    private Implementation() {
    }

    /** Sets the system properties for {@code name}, then loads the kernels; true when {@code name} is nn's. */
    static boolean use(String name) {
        System.setProperty("nn.simd.quiet", "true");
        switch (name) {
            case "panama" -> System.setProperty("nn.simd", "panama");
            case "panama256", "panama128" -> {
                System.setProperty("nn.simd", "panama");
                System.setProperty("nn.simd.bits", name.substring("panama".length()));
            }
            case "scalar" -> System.setProperty("nn.simd", "scalar");
            default -> {
                return false;
            }
        }
        Kernels.info();
        return true;
    }
}
