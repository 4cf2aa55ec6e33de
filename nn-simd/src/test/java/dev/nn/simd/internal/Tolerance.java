package dev.nn.simd.internal;

/**
 * Error bounds for float sums, from the standard analysis of floating-point summation (Higham, "Accuracy and
 * Stability of Numerical Algorithms", §3.1): a sum of n products computed in float in any order differs from
 * the exact value by at most γₙ·Σ|aᵢbᵢ|, with γₙ = n·u/(1 − n·u) and u = 2⁻²⁴. Blocked and lane-wise orders
 * only make the constant smaller, so the bound holds for both implementations.
 */
final class Tolerance {

    /** The unit roundoff of float. */
    static final double U = Math.ulp(1f) / 2;

    private Tolerance() {
    }

    /** γₙ for a sum of n terms, plus one rounding for a final scale or conversion. */
    static double gamma(int n) {
        double nu = (n + 2) * U;
        return nu / (1 - nu);
    }

    /** The bound for a sum of n terms whose absolute values sum to {@code magnitude}. */
    static double sum(int n, double magnitude) {
        return gamma(n) * magnitude + Float.MIN_NORMAL;
    }
}
