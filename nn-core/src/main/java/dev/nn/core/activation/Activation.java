package dev.nn.core.activation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.nn.core.io.Names;
import dev.nn.core.io.Untrusted;
import dev.nn.simd.Kernels;

import java.util.Arrays;

/**
 * An element-wise activation a = f(z). Both directions work in place and need only the output a, so a layer
 * keeps a single buffer: {@link #forward} turns z into a, {@link #backward} turns dL/da into dL/dz.
 * {@link #value(double)} is the same function in double precision, the reference gradient checks use.
 */
public enum Activation {

    /** f(z) = z: the output layer's, whose logits go to a loss that applies softmax itself. */
    IDENTITY("identity") {
        @Override
        public void forward(float[] x, int off, int n) {
        }

        @Override
        public void backward(float[] out, int outOff, float[] grad, int gOff, int n) {
        }

        @Override
        public double value(double z) {
            return z;
        }
    },

    /** f(z) = max(z, 0); f'(z) = 1 for z &gt; 0, else 0 (0 is taken at the kink). */
    RELU("relu") {
        @Override
        public void forward(float[] x, int off, int n) {
            Kernels.relu(x, off, n);
        }

        @Override
        public void backward(float[] out, int outOff, float[] grad, int gOff, int n) {
            Kernels.reluBackward(out, outOff, grad, gOff, n);
        }

        @Override
        public double value(double z) {
            return Math.max(z, 0);
        }
    },

    /** f(z) = z for z &gt; 0, else 0.01·z: a ReLU whose units cannot die, since f' is never 0. */
    LEAKY_RELU("leaky-relu") {
        @Override
        public void forward(float[] x, int off, int n) {
            Kernels.leakyRelu(x, off, n, LEAK);
        }

        @Override
        public void backward(float[] out, int outOff, float[] grad, int gOff, int n) {
            Kernels.leakyReluBackward(out, outOff, grad, gOff, n, LEAK);
        }

        @Override
        public double value(double z) {
            return z > 0 ? z : LEAK * z;
        }
    },

    /** f(z) = 1/(1 + e⁻ᶻ), the logistic curve of the 3Blue1Brown videos; f'(z) = a·(1 − a). */
    SIGMOID("sigmoid") {
        @Override
        public void forward(float[] x, int off, int n) {
            Kernels.sigmoid(x, off, n);
        }

        @Override
        public void backward(float[] out, int outOff, float[] grad, int gOff, int n) {
            Kernels.sigmoidBackward(out, outOff, grad, gOff, n);
        }

        @Override
        public double value(double z) {
            return 1 / (1 + Math.exp(-z));
        }
    },

    /** f(z) = tanh z; f'(z) = 1 − a². */
    TANH("tanh") {
        @Override
        public void forward(float[] x, int off, int n) {
            Kernels.tanh(x, off, n);
        }

        @Override
        public void backward(float[] out, int outOff, float[] grad, int gOff, int n) {
            Kernels.tanhBackward(out, outOff, grad, gOff, n);
        }

        @Override
        public double value(double z) {
            return Math.tanh(z);
        }
    };

    /** Leaky ReLU's slope for z &lt;= 0. */
    public static final float LEAK = 0.01f;

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** Replaces z by f(z) in x[off..off+n). */
    public abstract void forward(float[] x, int off, int n);

    /**
     * Multiplies grad[gOff..gOff+n) by f'(z), computed from the outputs a = f(z).
     *
     * <p>The derivation: docs/MATH.md#relu-and-its-kink.
     */
    public abstract void backward(float[] out, int outOff, float[] grad, int gOff, int n);

    /** f(z) in double precision: the reference that gradient checks differentiate numerically. */
    public abstract double value(double z);

    /** Whether f has a kink at 0 (ReLU and leaky ReLU), where finite differences are not to be trusted. */
    public boolean kinked() {
        return this == RELU || this == LEAKY_RELU;
    }

    /** The short name used in configs, flags and model files. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The activation named {@code id} (case-insensitive), or an exception listing the hidden layers' choices. */
    @JsonCreator
    public static Activation byId(String id) {
        try {
            return Names.byId(values(), Activation::id, id, "activation");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + Untrusted.shown(id) + "' (known: " + ids()
                    + ")");
        }
    }

    /** The names offered for hidden layers (identity is the output layer's), comma-separated. */
    public static String ids() {
        return Names.ids(Arrays.stream(values()).filter(a -> a != IDENTITY).toArray(Activation[]::new),
                Activation::id);
    }
}
