package dev.nn.simd.internal.scalar;

import dev.nn.simd.internal.Activations;

/** The activations and their derivatives in plain Java; sigmoid and tanh are built on {@link ScalarExp}. */
public final class ScalarActivations implements Activations {

    private final ScalarFma fma;
    private final ScalarExp exp;

    /** Activations with this multiply-add. */
    public ScalarActivations(ScalarFma fma) {
        this.fma = fma;
        this.exp = new ScalarExp(fma);
    }

    @Override
    public void relu(float[] x, int off, int n) {
        for (int i = 0; i < n; i++) {
            x[off + i] = Math.max(x[off + i], 0f);
        }
    }

    @Override
    public void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            grad[gOff + i] = out[outOff + i] > 0 ? grad[gOff + i] : 0f;
        }
    }

    @Override
    public void leakyRelu(float[] x, int off, int n, float slope) {
        for (int i = off; i < off + n; i++) {
            x[i] = x[i] > 0 ? x[i] : slope * x[i];
        }
    }

    @Override
    public void leakyReluBackward(float[] out, int outOff, float[] grad, int gOff, int n, float slope) {
        for (int i = 0; i < n; i++) {
            grad[gOff + i] = out[outOff + i] > 0 ? grad[gOff + i] : slope * grad[gOff + i];
        }
    }

    @Override
    public void sigmoid(float[] x, int off, int n) {
        exp(x, off, n, -1f, 0f);
        for (int i = off; i < off + n; i++) {
            x[i] = 1f / (1f + x[i]);
        }
    }

    @Override
    public void sigmoidBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            float a = out[outOff + i];
            grad[gOff + i] *= a * (1f - a);
        }
    }

    @Override
    public void tanh(float[] x, int off, int n) {
        exp(x, off, n, 2f, 0f);
        for (int i = off; i < off + n; i++) {
            x[i] = 1f - 2f / (x[i] + 1f);
        }
    }

    @Override
    public void tanhBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            float a = out[outOff + i];
            grad[gOff + i] *= fma.fma(-a, a, 1f);
        }
    }

    @Override
    public void exp(float[] x, int off, int n, float scale, float shift) {
        for (int i = off; i < off + n; i++) {
            x[i] = exp.exp(x[i] * scale + shift);
        }
    }
}
