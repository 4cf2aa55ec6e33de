package dev.nn.simd.internal.scalar;

/**
 * The one multiply-add of scalar code: fused ({@link Math#fma}, one rounding) or a multiply then an add, as the
 * implementation was chosen; Panama's vector code makes the same choice, so the two agree bit for bit.
 *
 * @param fused whether multiply-adds are fused
 */
public record ScalarFma(boolean fused) {

    /** a·b + acc, fused or not. */
    public float fma(float a, float b, float acc) {
        return fused ? Math.fma(a, b, acc) : a * b + acc;
    }
}
