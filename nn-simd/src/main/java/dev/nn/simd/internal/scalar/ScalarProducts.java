package dev.nn.simd.internal.scalar;

import dev.nn.simd.internal.Products;
import dev.nn.simd.internal.Scratch;

import java.util.Arrays;

/**
 * The products in plain Java, the reference the Panama ones are checked against. A·B and Aᵀ·B: C is first set to
 * beta·C (zeros when beta is 0), then each row of C gains alpha times a sum of rows of B scaled by elements of A,
 * accumulated in order of p in a per-thread row, so each element is one chain of multiply-adds as in the Panama
 * micro-kernels. A·Bᵀ: each element a dot product of a row of A and a row of B.
 */
public final class ScalarProducts implements Products {

    private static final ThreadLocal<Scratch> ACCUMULATORS = ThreadLocal.withInitial(Scratch::new);

    private final ScalarFma fma;
    private final ScalarReductions reductions;

    /** Products with this multiply-add. */
    public ScalarProducts(ScalarFma fma) {
        this.fma = fma;
        this.reductions = new ScalarReductions(fma);
    }

    @Override
    public void ab(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                   int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
    }

    @Override
    public void atb(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                    int m, int n, int k, float alpha, float beta) {
        broadcastProduct(a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, alpha, beta);
    }

    /** C = alpha·A·B + beta·C where A(i, p) = a[aOff + i·rowStride + p·colStride]. */
    private void broadcastProduct(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff, int ldb,
                                  float[] c, int cOff, int ldc, int m, int n, int k, float alpha, float beta) {
        float[] acc = ACCUMULATORS.get().atLeast(n);
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            if (beta == 0) {
                Arrays.fill(c, row, row + n, 0f);
            } else if (beta != 1) {
                for (int j = row; j < row + n; j++) {
                    c[j] *= beta;
                }
            }
            Arrays.fill(acc, 0, n, 0f);
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * rowStride + p * colStride];
                int bRow = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    acc[j] = fma.fma(aip, b[bRow + j], acc[j]);
                }
            }
            for (int j = 0; j < n; j++) {
                c[row + j] += alpha * acc[j];
            }
        }
    }

    @Override
    public void abt(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                    int m, int n, int k, float alpha, float beta, int method) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float acc = reductions.dot(a, aOff + i * lda, b, bOff + j * ldb, k);
                c[row + j] = beta == 0 ? alpha * acc : fma.fma(beta, c[row + j], alpha * acc);
            }
        }
    }

    /** One method: a dot product per element. */
    @Override
    public int abtMethod(int m, int n, int k) {
        return 0;
    }

    @Override
    public boolean abtSplitsColumns(int method) {
        return false;
    }
}
