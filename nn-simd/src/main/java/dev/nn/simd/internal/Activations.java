package dev.nn.simd.internal;

/** Activation functions in place and their derivatives given their outputs: one pure method each. */
public interface Activations {

    /** x = max(x, 0). */
    void relu(float[] x, int off, int n);

    /** grad[gOff+i] = 0 where out[outOff+i] &lt;= 0 (or NaN). */
    void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n);

    /** x stays where x &gt; 0, else becomes slope·x. */
    void leakyRelu(float[] x, int off, int n, float slope);

    /** grad[gOff+i] *= slope where out[outOff+i] &lt;= 0 (or NaN). */
    void leakyReluBackward(float[] out, int outOff, float[] grad, int gOff, int n, float slope);

    /** x = 1/(1 + e^(−x)). */
    void sigmoid(float[] x, int off, int n);

    /** grad[gOff+i] *= a·(1 − a), a = out[outOff+i]. */
    void sigmoidBackward(float[] out, int outOff, float[] grad, int gOff, int n);

    /** x = tanh(x). */
    void tanh(float[] x, int off, int n);

    /** grad[gOff+i] *= 1 − a², a = out[outOff+i]. */
    void tanhBackward(float[] out, int outOff, float[] grad, int gOff, int n);

    /** x = e^(scale·x + shift), by {@link dev.nn.simd.internal.scalar.ScalarExp}'s method in both implementations. */
    void exp(float[] x, int off, int n, float scale, float shift);
}
