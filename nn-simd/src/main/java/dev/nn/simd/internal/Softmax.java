package dev.nn.simd.internal;

/**
 * Softmax and log-sum-exp, written once over the other kernels of an implementation: the maximum is subtracted
 * before the exponential (so nothing overflows), the exponentials are summed and divided by their sum.
 */
public final class Softmax {

    private final Reductions reductions;
    private final Activations activations;
    private final Elementwise elementwise;
    private final int lanes;

    /** Softmax over these kernels; {@code lanes} is their vector length (1 for scalar code). */
    public Softmax(Reductions reductions, Activations activations, Elementwise elementwise, int lanes) {
        this.reductions = reductions;
        this.activations = activations;
        this.elementwise = elementwise;
        this.lanes = lanes;
    }

    /** Replaces x[off..off+n) (n ≥ 1) by its softmax; returns the log-sum-exp of the original values. */
    public float softmax(float[] x, int off, int n) {
        float max = reductions.max(x, off, n);
        activations.exp(x, off, n, 1f, -max);
        float sum = reductions.sum(x, off, n);
        elementwise.scale(1f / sum, x, off, n);
        return max + (float) Math.log(sum);
    }

    /**
     * {@link #softmax} on each row of the rows×cols matrix at x[off], each row's log-sum-exp into lse[lseOff + row].
     * Rows shorter than a vector (ten classes) would each take the scalar exponential: instead every row is
     * shifted by its maximum, then one exponential covers the whole matrix. The subtraction is the one
     * {@link #softmax} makes inside its exponential, so the values are the same.
     */
    public void softmaxRows(float[] x, int off, int rows, int cols, float[] lse, int lseOff) {
        if (cols >= lanes) {
            for (int r = 0; r < rows; r++) {
                lse[lseOff + r] = softmax(x, off + r * cols, cols);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            float max = reductions.max(x, row, cols);
            lse[lseOff + r] = max;
            for (int j = row; j < row + cols; j++) {
                x[j] -= max;
            }
        }
        activations.exp(x, off, rows * cols, 1f, 0f);
        for (int r = 0; r < rows; r++) {
            int row = off + r * cols;
            float sum = reductions.sum(x, row, cols);
            elementwise.scale(1f / sum, x, row, cols);
            lse[lseOff + r] += (float) Math.log(sum);
        }
    }
}
