package dev.nn.core.check;

import dev.nn.core.activation.Activation;
import dev.nn.core.layer.Dense;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.Kernels;

import java.util.Arrays;

/**
 * A copy of {@link Dense}'s forward and backward passes with one classic backprop bug switched in, to prove that
 * the gradient check catches it. The forward pass is correct; only the gradients are wrong.
 */
final class MutantDense extends Dense {

    /** The bugs people really make in a dense layer's backward pass. */
    enum Bug {
        /** Treats ReLU's derivative as 1 everywhere, as if the activation were linear. */
        RELU_DERIVATIVE_ALWAYS_ONE,
        /** Leaves the bias gradient at zero. */
        BIAS_GRADIENT_DROPPED,
        /** Computes dW = Xᵀ·dZ (in×out) and stores it where dZᵀ·X (out×in) belongs. */
        WEIGHT_GRADIENT_TRANSPOSED,
        /** Sums dW over the batch while the loss (and the bias gradient) use the batch mean. */
        WEIGHT_GRADIENT_NOT_AVERAGED
    }

    private final Bug bug;
    private Matrix output = new Matrix(0, 0);
    private Matrix inputGradient = new Matrix(0, 0);
    private Matrix lastInput;

    MutantDense(String name, int in, int out, Activation activation, Bug bug) {
        super(name, in, out, activation);
        this.bug = bug;
    }

    @Override
    public void prepare(int maxRows) {
        if (output.capacityRows() < maxRows) {
            output = new Matrix(maxRows, outputSize());
            inputGradient = new Matrix(maxRows, inputSize());
        }
    }

    @Override
    public Matrix forward(Matrix input) {
        int rows = input.rows();
        output.setRows(rows);
        Kernels.matmulTransB(input.data(), 0, weights(), 0, output.data(), 0, rows, outputSize(), inputSize(), 1f, 0f);
        Kernels.addRowVector(bias(), 0, output.data(), 0, rows, outputSize());
        activation().forward(output.data(), 0, rows * outputSize());
        lastInput = input;
        return output;
    }

    @Override
    public Matrix backward(Matrix gradOutput, boolean needInputGradient) {
        int rows = gradOutput.rows();
        int in = inputSize();
        int out = outputSize();
        float[] dz = gradOutput.data();
        if (!(bug == Bug.RELU_DERIVATIVE_ALWAYS_ONE && activation() == Activation.RELU)) {
            activation().backward(output.data(), 0, dz, 0, rows * out);
        }
        float[] dw = parameters().get(0).grad();
        float[] db = parameters().get(1).grad();
        if (bug == Bug.WEIGHT_GRADIENT_TRANSPOSED) {
            Kernels.matmulTransA(lastInput.data(), 0, dz, 0, dw, 0, in, out, rows, 1f, 0f);
        } else {
            Kernels.matmulTransA(dz, 0, lastInput.data(), 0, dw, 0, out, in, rows, 1f, 0f);
        }
        if (bug == Bug.WEIGHT_GRADIENT_NOT_AVERAGED) {
            Kernels.scale(rows, dw, 0, dw.length);
        }
        if (bug == Bug.BIAS_GRADIENT_DROPPED) {
            Arrays.fill(db, 0f);
        } else {
            Kernels.columnSums(dz, 0, rows, out, db, 0, 0f);
        }
        if (!needInputGradient) {
            return null;
        }
        inputGradient.setRows(rows);
        Kernels.matmul(dz, 0, weights(), 0, inputGradient.data(), 0, rows, in, out, 1f, 0f);
        return inputGradient;
    }
}
