package dev.nn.simd.internal;

/** Element-wise kernels on float arrays: one pure method each, arguments already checked by the facade. */
public interface Elementwise {

    /** y[yOff+i] += alpha·x[xOff+i] for i &lt; n. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** x[off+i] *= alpha for i &lt; n. */
    void scale(float alpha, float[] x, int off, int n);

    /** y[yOff+i] += x[xOff+i] for i &lt; n. */
    void add(float[] x, int xOff, float[] y, int yOff, int n);

    /** Adds v[vOff..vOff+cols) to each row of the rows×cols matrix at c[cOff], rows {@code ldc} apart. */
    void addRowVector(float[] v, int vOff, float[] c, int cOff, int ldc, int rows, int cols);
}
