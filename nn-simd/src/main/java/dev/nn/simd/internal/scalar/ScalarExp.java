package dev.nn.simd.internal.scalar;

/**
 * eˣ within 4 ulp by the textbook method: n = round(x·log₂e), r = x − n·ln2, eˣ = 2ⁿ·eʳ with eʳ from its Taylor
 * polynomial. Only additions, multiplications and bit moves, so the vector version gives the same bits;
 * {@link Math#exp} and the Vector API's EXP do not promise that. The constants are shared with that version.
 */
public final class ScalarExp {

    /** exp gives 0 below EXP_MIN (where eˣ is no longer a normal float) and clamps arguments above EXP_MAX. */
    public static final float EXP_MIN = -87.33f;
    /** The largest argument; larger ones give e^EXP_MAX. */
    public static final float EXP_MAX = 88.37f;
    /** log₂e. */
    public static final float LOG2_E = 1.44269504f;
    /** ln 2 split in two: LN2_HI has few enough bits that n·LN2_HI is exact for |n| ≤ 128. */
    public static final float LN2_HI = 0.693145751953125f;
    /** The rest of ln 2. */
    public static final float LN2_LO = 1.42860677e-6f;
    /** 1.5·2²³: adding it rounds a float below 2²² to an integer, which then sits in the low mantissa bits. */
    public static final float ROUNDER = 12582912f;
    /** The bits of {@link #ROUNDER}. */
    public static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    /** Taylor coefficients 1/k! of eʳ for k = 7 down to 2; |r| ≤ ln2/2 keeps the truncation below 5e-9. */
    public static final float C7 = 1f / 5040, C6 = 1f / 720, C5 = 1f / 120, C4 = 1f / 24, C3 = 1f / 6, C2 = 0.5f;

    private final ScalarFma fma;

    /** eˣ with this multiply-add. */
    public ScalarExp(ScalarFma fma) {
        this.fma = fma;
    }

    /** eˣ. */
    public float exp(float x) {
        float clamped = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float t = fma.fma(clamped, LOG2_E, ROUNDER);
        float n = t - ROUNDER;
        float r = fma.fma(n, -LN2_HI, clamped);
        r = fma.fma(n, -LN2_LO, r);
        float p = fma.fma(C7, r, C6);
        p = fma.fma(p, r, C5);
        p = fma.fma(p, r, C4);
        p = fma.fma(p, r, C3);
        p = fma.fma(p, r, C2);
        p = fma.fma(p, r, 1f);
        p = fma.fma(p, r, 1f);
        float result = p * Float.intBitsToFloat((Float.floatToRawIntBits(t) - ROUNDER_BITS + 127) << 23);
        return x < EXP_MIN ? 0f : result;
    }
}
