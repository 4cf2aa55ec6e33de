package dev.nn.simd.internal;

/** Optimiser updates of parameters from their gradients: one pure method each. */
public interface Updates {

    /**
     * One Adam step on n parameters: m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g², w −= stepSize·m / (√v·vScale + ε),
     * the bias corrections folded into stepSize = lr/(1−β₁ᵗ) and vScale = 1/√(1−β₂ᵗ).
     */
    void adam(float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff, int n,
              float beta1, float beta2, float stepSize, float vScale, float epsilon);

    /** One step of SGD with momentum: v = μ·v + g, w −= lr·v (μ = 0: plain SGD). */
    void momentum(float[] w, int wOff, float[] g, int gOff, float[] v, int vOff, int n, float mu, float lr);
}
