package dev.nn.core.layer;

import dev.nn.core.activation.Activation;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.BlockOp;
import dev.nn.simd.KernelThreads;
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
    /** Z + b, then f, on a block of Z just computed. */
    private final BlockOp biasAndActivation = this::addBiasAndActivate;
    /** dA ⊙ f'(Z) on a block of columns of dA, and those columns' sums into the bias gradient. */
    private final BlockOp activationGradient = this::backThroughActivation;

    /** The team the products split over; null: the calling thread alone. */
    private KernelThreads threads;
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

    /** Copies the last forward pass's output, {@code rows} rows of {@link #outputSize()} values, into {@code into}. */
    public void lastOutputs(int rows, float[] into) {
        if (rows > output.rows()) {
            throw new IllegalArgumentException("the last forward pass had " + output.rows() + " rows, not " + rows);
        }
        System.arraycopy(output.data(), 0, into, 0, rows * out);
    }

    /** Splits this layer's products over {@code threads} (null: the calling thread alone); results do not change. */
    public void useThreads(KernelThreads threads) {
        this.threads = threads;
    }

    @Override
    public void prepare(int maxRows) {
        if (output.capacityRows() < maxRows) {
            output = new Matrix(maxRows, out);
            inputGradient = new Matrix(maxRows, in);
        }
    }

    /**
     * Z = X·Wᵀ + b, then A = f(Z) in place; keeps X for the backward pass. The bias and the activation are applied
     * block by block as the product finishes each block, by the thread that computed it.
     *
     * <p>The derivation: docs/MATH.md#the-forward-pass-of-a-dense-layer.
     */
    @Override
    public Matrix forward(Matrix input) {
        int rows = input.rows();
        requireColumns(input, in, "input");
        output.setRows(rows);
        Kernels.matmulTransB(threads, input.data(), 0, in, weights, 0, in, output.data(), 0, out, rows, out, in, 1f,
                0f, biasAndActivation);
        lastInput = input;
        return output;
    }

    private void addBiasAndActivate(float[] z, int off, int ld, int rows, int cols, int firstCol) {
        if (ld == cols) {
            Kernels.addRowVector(bias, firstCol, z, off, rows, cols);
            activation.forward(z, off, rows * cols);
            return;
        }
        for (int r = 0; r < rows; r++) {
            Kernels.add(bias, firstCol, z, off + r * ld, cols);
            activation.forward(z, off + r * ld, cols);
        }
    }

    /**
     * dZ = dA ⊙ f'(Z); dW = dZᵀ·X; db = Σ rows of dZ; dX = dZ·W. The first two steps are done on blocks of
     * columns of dZ by the thread that makes the matching rows of dW.
     *
     * <p>The derivation: docs/MATH.md#backpropagation-through-a-layer.
     */
    @Override
    public Matrix backward(Matrix gradOutput, boolean needInputGradient) {
        int rows = gradOutput.rows();
        requireColumns(gradOutput, out, "output gradient");
        float[] dz = gradOutput.data();
        Kernels.matmulTransA(threads, dz, 0, out, lastInput.data(), 0, in, weightParameter.grad(), 0, in, out, in,
                rows, 1f, 0f, activationGradient);
        if (!needInputGradient) {
            return null;
        }
        inputGradient.setRows(rows);
        Kernels.matmul(threads, dz, 0, out, weights, 0, in, inputGradient.data(), 0, in, rows, in, out, 1f, 0f);
        return inputGradient;
    }

    private void backThroughActivation(float[] dz, int off, int ld, int rows, int cols, int firstCol) {
        float[] a = output.data();
        float[] biasGrad = biasParameter.grad();
        if (ld == cols) {
            activation.backward(a, off, dz, off, rows * cols);
            Kernels.columnSums(dz, off, rows, cols, biasGrad, firstCol, 0f);
            return;
        }
        Arrays.fill(biasGrad, firstCol, firstCol + cols, 0f);
        for (int r = 0; r < rows; r++) {
            activation.backward(a, off + r * ld, dz, off + r * ld, cols);
            Kernels.add(dz, off + r * ld, biasGrad, firstCol, cols);
        }
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
