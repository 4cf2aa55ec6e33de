package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Reductions;
import dev.nn.simd.internal.scalar.ScalarReductions;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;
import static dev.nn.simd.internal.panama.Vectors.SWAP_EIGHTHS;
import static dev.nn.simd.internal.panama.Vectors.SWAP_HALVES;
import static dev.nn.simd.internal.panama.Vectors.SWAP_QUARTERS;
import static dev.nn.simd.internal.panama.Vectors.SWAP_SIXTEENTHS;

/** The reductions on vectors: four independent accumulators where a sum is carried, then one sum across lanes. */
final class PanamaReductions implements Reductions {

    private final ScalarReductions tails = new ScalarReductions(Vectors.FUSED);

    /** {@link DotKernels#dot}. */
    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        return DotKernels.dot(a, aOff, b, bOff, n);
    }

    /**
     * From two vectors on: four accumulators while four vectors remain, then one, its lanes summed pairwise in
     * registers as {@link DotKernels#dot} sums them. Shorter sums (a row of ten logits) are the scalar twin's, so a
     * softmax over a few classes gives the same bits at every vector width.
     */
    @Override
    public float sum(float[] x, int off, int n) {
        if (n < 2 * L) {
            return tails.sum(x, off, n);
        }
        FloatVector acc = FloatVector.zero(FLOATS);
        int i = 0;
        int limit = FLOATS.loopBound(n);
        if (n >= 4 * L) {
            FloatVector acc2 = acc, acc3 = acc, acc4 = acc;
            for (int bound = limit - 3 * L; i < bound; i += 4 * L) {
                acc = acc.add(FloatVector.fromArray(FLOATS, x, off + i));             // one
                acc2 = acc2.add(FloatVector.fromArray(FLOATS, x, off + i + L));       // two
                acc3 = acc3.add(FloatVector.fromArray(FLOATS, x, off + i + 2 * L));   // three
                acc4 = acc4.add(FloatVector.fromArray(FLOATS, x, off + i + 3 * L));   // four
            }
            acc = acc.add(acc2).add(acc3.add(acc4));
        }
        for (; i < limit; i += L) {
            acc = acc.add(FloatVector.fromArray(FLOATS, x, off + i));
        }
        FloatVector s = acc.add(acc.rearrange(SWAP_HALVES));
        s = s.add(s.rearrange(SWAP_QUARTERS));
        if (L >= 8) {
            s = s.add(s.rearrange(SWAP_EIGHTHS));
        }
        if (L >= 16) {
            s = s.add(s.rearrange(SWAP_SIXTEENTHS));
        }
        return s.lane(0) + tails.sum(x, off + i, n - i);
    }

    @Override
    public float max(float[] x, int off, int n) {
        int i = 0;
        float max = Float.NEGATIVE_INFINITY;
        if (n >= 2 * L) {
            FloatVector acc = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
            for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
                acc = acc.max(FloatVector.fromArray(FLOATS, x, off + i));
            }
            max = acc.reduceLanes(VectorOperators.MAX); // order-free: max is exact
        }
        return Math.max(max, tails.max(x, off + i, n - i));
    }

    /** The maximum first, then the first lane equal to it; a NaN maximum means a NaN, found by the scalar twin. */
    @Override
    public int argmax(float[] x, int off, int n) {
        if (n < 2 * L) {
            return tails.argmax(x, off, n);
        }
        float max = max(x, off, n);
        if (Float.isNaN(max)) {
            return tails.argmax(x, off, n);
        }
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            VectorMask<Float> hit = FloatVector.fromArray(FLOATS, x, off + i).eq(max);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; ; i++) {
            if (x[off + i] == max) {
                return i;
            }
        }
    }

    @Override
    public void columnSums(float[] a, int aOff, int lda, int rows, int cols, float[] out, int outOff, float beta) {
        int j = 0;
        for (; j + L <= cols; j += L) {
            FloatVector acc = FloatVector.zero(FLOATS);
            for (int i = 0; i < rows; i++) {
                acc = acc.add(FloatVector.fromArray(FLOATS, a, aOff + i * lda + j));
            }
            if (beta != 0) {
                acc = FloatVector.fromArray(FLOATS, out, outOff + j).mul(beta).add(acc);
            }
            acc.intoArray(out, outOff + j);
        }
        tails.columnSums(a, aOff + j, lda, rows, cols - j, out, outOff + j, beta);
    }
}
