package dev.nn.simd;

/**
 * Which kernel implementation runs, as chosen once per JVM.
 *
 * @param implementation {@code "panama"} or {@code "scalar"}
 * @param vectorBits the float species width in bits (0 for scalar)
 * @param lanes float lanes per vector (1 for scalar)
 * @param fma whether multiply-adds are fused
 */
public record SimdInfo(String implementation, int vectorBits, int lanes, boolean fma) {

    /** One line for people, e.g. {@code panama, 512-bit vectors (16 float lanes), FMA on}. */
    public String describe() {
        String fused = "FMA " + (fma ? "on" : "off");
        return vectorBits == 0
                ? implementation + ", " + fused
                : implementation + ", " + vectorBits + "-bit vectors (" + lanes + " float lanes), " + fused;
    }
}
