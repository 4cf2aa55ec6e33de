package dev.nn.core.layer;

import dev.nn.core.activation.Activation;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.Kernels;

import java.util.Arrays;
import java.util.List;

/**
 * A fully connected layer with its activation: A = f(X·Wᵀ + b), with W stored out×in (row o holds the
 * weights into output o) and b of length out.
 *
 * <p>Not final for one reason: the gradient-check tests substitute copies with deliberate backprop bugs, to prove
 * that the check catches them.
 */
public class Dense implements Layer {

    private final int in;
    private final int out;
    private final Activation activation;
    private final float[] weights;
    private final float[] bias;
    private final Parameter weightParameter;
    private final Parameter biasParameter;

    private Matrix output = new Matrix(0, 0);
    private Matrix inputGradient = new Matrix(0, 0);
    private Matrix lastInput;

    /** A layer from {@code in} to {@code out} values with zero weights and bias; {@code name} labels its parameters. */
    public Dense(String name, int in, int out, Activation activation) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException(name + ": sizes must be positive, got " + in + "→" + out);
        }
        this.in = in;
        this.out = out;
        this.activation = activation;
        this.weights = new float[Math.multiplyExact(in, out)];
        this.bias = new float[out];
        this.weightParameter = new Parameter(name + ".weights", weights, new float[weights.length]);
        this.biasParameter = new Parameter(name + ".bias", bias, new float[out]);
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    /** The activation applied to this layer's output. */
    public Activation activation() {
        return activation;
    }

    /** The weights, out×in row-major: weight from input i to output o at {@code o*in + i}. Live, not a copy. */
    public float[] weights() {
        return weights;
    }

    /** The biases, one per output. Live, not a copy. */
    public float[] bias() {
        return bias;
    }

    /** The first row of the last forward pass's output: this layer's activations for a one-sample batch. */
    public float[] lastOutput() {
        return Arrays.copyOf(output.data(), out);
    }

    @Override
    public void prepare(int maxRows) {
        if (output.capacityRows() < maxRows) {
            output = new Matrix(maxRows, out);
            inputGradient = new Matrix(maxRows, in);
        }
    }

    /**
     * Z = X·Wᵀ + b, then A = f(Z) in place; keeps X for the backward pass. b is copied into each row of Z and the
     * product added to it, one pass over Z fewer than adding b afterwards, with the same sums bit for bit.
     *
     * <p>The derivation: docs/MATH.md#the-forward-pass-of-a-dense-layer.
     */
    @Override
    public Matrix forward(Matrix input) {
        int rows = input.rows();
        requireColumns(input, in, "input");
        output.setRows(rows);
        float[] a = output.data();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(bias, 0, a, r * out, out);
        }
        Kernels.matmulTransB(input.data(), 0, weights, 0, a, 0, rows, out, in, 1f, 1f);
        activation.forward(a, 0, rows * out);
        lastInput = input;
        return output;
    }

    /**
     * dZ = dA ⊙ f'(Z); dW = dZᵀ·X; db = Σ rows of dZ; dX = dZ·W.
     *
     * <p>The derivation: docs/MATH.md#backpropagation-through-a-layer.
     */
    @Override
    public Matrix backward(Matrix gradOutput, boolean needInputGradient) {
        int rows = gradOutput.rows();
        requireColumns(gradOutput, out, "output gradient");
        float[] dz = gradOutput.data();
        activation.backward(output.data(), 0, dz, 0, rows * out);
        Kernels.matmulTransA(dz, 0, lastInput.data(), 0, weightParameter.grad(), 0, out, in, rows, 1f, 0f);
        Kernels.columnSums(dz, 0, rows, out, biasParameter.grad(), 0, 0f);
        if (!needInputGradient) {
            return null;
        }
        inputGradient.setRows(rows);
        Kernels.matmul(dz, 0, weights, 0, inputGradient.data(), 0, rows, in, out, 1f, 0f);
        return inputGradient;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weightParameter, biasParameter);
    }

    private static void requireColumns(Matrix m, int cols, String what) {
        if (m.cols() != cols) {
            throw new IllegalArgumentException(what + " has " + m.cols() + " columns, expected " + cols);
        }
    }

    @Override
    public String toString() {
        return "Dense(" + in + "→" + out + ", " + activation.id() + ")";
    }
}
