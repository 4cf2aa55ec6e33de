package dev.nn.simd.internal;


/**
 * One implementation's kernels under one set of names for the differential tests, its products run by a
 * {@link ProductEngine} on the calling thread, dense (leading dimension = columns) or strided.
 */
final class Twin {

    final Implementation kernels;
    private final ProductEngine engine;
    private final String name;

    private Twin(Implementation kernels, String name) {
        this.kernels = kernels;
        this.engine = new ProductEngine(kernels.products());
        this.name = name;
    }

    static Twin panama() {
        return new Twin(KernelProvider.newPanama(), "panama");
    }

    static Twin scalar() {
        return new Twin(KernelProvider.newScalar(), "scalar");
    }

    float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        return kernels.reductions().dot(a, aOff, b, bOff, n);
    }

    float sum(float[] x, int off, int n) {
        return kernels.reductions().sum(x, off, n);
    }

    float max(float[] x, int off, int n) {
        return kernels.reductions().max(x, off, n);
    }

    int argmax(float[] x, int off, int n) {
        return kernels.reductions().argmax(x, off, n);
    }

    void columnSums(float[] a, int aOff, int rows, int cols, float[] out, int outOff, float beta) {
        kernels.reductions().columnSums(a, aOff, cols, rows, cols, out, outOff, beta);
    }

    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        kernels.elementwise().axpy(alpha, x, xOff, y, yOff, n);
    }

    void scale(float alpha, float[] x, int off, int n) {
        kernels.elementwise().scale(alpha, x, off, n);
    }

    void add(float[] x, int xOff, float[] y, int yOff, int n) {
        kernels.elementwise().add(x, xOff, y, yOff, n);
    }

    void addRowVector(float[] v, int vOff, float[] c, int cOff, int rows, int cols) {
        kernels.elementwise().addRowVector(v, vOff, c, cOff, cols, rows, cols);
    }

    void relu(float[] x, int off, int n) {
        kernels.activations().relu(x, off, n);
    }

    void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        kernels.activations().reluBackward(out, outOff, grad, gOff, n);
    }

    void leakyRelu(float[] x, int off, int n, float slope) {
        kernels.activations().leakyRelu(x, off, n, slope);
    }

    void leakyReluBackward(float[] out, int outOff, float[] grad, int gOff, int n, float slope) {
        kernels.activations().leakyReluBackward(out, outOff, grad, gOff, n, slope);
    }

    void sigmoid(float[] x, int off, int n) {
        kernels.activations().sigmoid(x, off, n);
    }

    void sigmoidBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        kernels.activations().sigmoidBackward(out, outOff, grad, gOff, n);
    }

    void tanh(float[] x, int off, int n) {
        kernels.activations().tanh(x, off, n);
    }

    void tanhBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        kernels.activations().tanhBackward(out, outOff, grad, gOff, n);
    }

    void exp(float[] x, int off, int n, float scale, float shift) {
        kernels.activations().exp(x, off, n, scale, shift);
    }

    float softmax(float[] x, int off, int n) {
        return kernels.softmax().softmax(x, off, n);
    }

    void softmaxRows(float[] x, int off, int rows, int cols, float[] lse, int lseOff) {
        kernels.softmax().softmaxRows(x, off, rows, cols, lse, lseOff);
    }

    void adam(float[] w, float[] g, float[] m, float[] v, int off, int n, float beta1, float beta2, float stepSize,
              float vScale, float epsilon) {
        kernels.updates().adam(w, off, g, off, m, off, v, off, n, beta1, beta2, stepSize, vScale, epsilon);
    }

    void momentum(float[] w, float[] g, float[] v, int off, int n, float mu, float lr) {
        kernels.updates().momentum(w, off, g, off, v, off, n, mu, lr);
    }

    void unsignedBytesToFloats(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        kernels.conversions().unsignedBytesToFloats(src, srcOff, dst, dstOff, n, scale);
    }

    void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k, float alpha,
                float beta) {
        engine.ab(null, a, aOff, k, b, bOff, n, c, cOff, n, m, n, k, alpha, beta);
    }

    void matmulTransA(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k,
                      float alpha, float beta) {
        engine.atb(null, a, aOff, m, b, bOff, n, c, cOff, n, m, n, k, alpha, beta, null);
    }

    void matmulTransB(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int n, int k,
                      float alpha, float beta) {
        engine.abt(null, a, aOff, k, b, bOff, k, c, cOff, n, m, n, k, alpha, beta, null);
    }

    /** The product {@code op} (AB, AtB, ABt) with leading dimensions. */
    void product(String op, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                 int m, int n, int k, float alpha, float beta) {
        switch (op) {
            case "AB" -> engine.ab(null, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
            case "AtB" -> engine.atb(null, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, null);
            default -> engine.abt(null, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta, null);
        }
    }

    /** Whether an A·Bᵀ of this shape is built from a copy of Bᵀ (and split by columns). */
    boolean transposesB(int m, int n, int k) {
        return kernels.products().abtSplitsColumns(kernels.products().abtMethod(m, n, k));
    }

    @Override
    public String toString() {
        return name;
    }
}
