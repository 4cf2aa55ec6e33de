package dev.nn.simd.internal.panama;

import dev.nn.simd.internal.Activations;
import dev.nn.simd.internal.scalar.ScalarActivations;
import dev.nn.simd.internal.scalar.ScalarExp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static dev.nn.simd.internal.panama.Vectors.FLOATS;
import static dev.nn.simd.internal.panama.Vectors.L;

/** The activations and their derivatives on vectors; the exponential is the scalar twin's, a vector at a time. */
final class PanamaActivations implements Activations {

    private final ScalarActivations tails = new ScalarActivations(Vectors.FUSED);

    @Override
    public void relu(float[] x, int off, int n) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(FLOATS, x, off + i).max(0f).intoArray(x, off + i);
        }
        tails.relu(x, off + i, n - i);
    }

    @Override
    public void reluBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        int i = 0;
        FloatVector zero = FloatVector.zero(FLOATS);
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            VectorMask<Float> active = FloatVector.fromArray(FLOATS, out, outOff + i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(FLOATS, grad, gOff + i), active).intoArray(grad, gOff + i);
        }
        tails.reluBackward(out, outOff + i, grad, gOff + i, n - i);
    }

    @Override
    public void leakyRelu(float[] x, int off, int n, float slope) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector xi = FloatVector.fromArray(FLOATS, x, off + i);
            xi.mul(slope).blend(xi, xi.compare(VectorOperators.GT, 0f)).intoArray(x, off + i);
        }
        tails.leakyRelu(x, off + i, n - i, slope);
    }

    @Override
    public void leakyReluBackward(float[] out, int outOff, float[] grad, int gOff, int n, float slope) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            VectorMask<Float> active = FloatVector.fromArray(FLOATS, out, outOff + i).compare(VectorOperators.GT, 0f);
            FloatVector g = FloatVector.fromArray(FLOATS, grad, gOff + i);
            g.mul(slope).blend(g, active).intoArray(grad, gOff + i);
        }
        tails.leakyReluBackward(out, outOff + i, grad, gOff + i, n - i, slope);
    }

    @Override
    public void sigmoid(float[] x, int off, int n) {
        exp(x, off, n, -1f, 0f);
        FloatVector one = FloatVector.broadcast(FLOATS, 1f);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            one.div(FloatVector.fromArray(FLOATS, x, off + i).add(one)).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] = 1f / (1f + x[off + i]);
        }
    }

    @Override
    public void sigmoidBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector a = FloatVector.fromArray(FLOATS, out, outOff + i);
            FloatVector.fromArray(FLOATS, grad, gOff + i).mul(a.mul(a.neg().add(1f))).intoArray(grad, gOff + i);
        }
        tails.sigmoidBackward(out, outOff + i, grad, gOff + i, n - i);
    }

    @Override
    public void tanh(float[] x, int off, int n) {
        exp(x, off, n, 2f, 0f);
        FloatVector one = FloatVector.broadcast(FLOATS, 1f);
        FloatVector two = FloatVector.broadcast(FLOATS, 2f);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            one.sub(two.div(FloatVector.fromArray(FLOATS, x, off + i).add(one))).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            x[off + i] = 1f - 2f / (x[off + i] + 1f);
        }
    }

    @Override
    public void tanhBackward(float[] out, int outOff, float[] grad, int gOff, int n) {
        FloatVector one = FloatVector.broadcast(FLOATS, 1f);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector a = FloatVector.fromArray(FLOATS, out, outOff + i);
            FloatVector derivative = a.neg().fma(a, one);
            FloatVector.fromArray(FLOATS, grad, gOff + i).mul(derivative).intoArray(grad, gOff + i);
        }
        tails.tanhBackward(out, outOff + i, grad, gOff + i, n - i);
    }

    /** {@link ScalarExp#exp} on a vector at a time, step for step, so the two give the same bits. */
    @Override
    public void exp(float[] x, int off, int n, float scale, float shift) {
        if (n < L) {
            tails.exp(x, off, n, scale, shift); // no vector to fill: skip the constants too
            return;
        }
        FloatVector log2e = FloatVector.broadcast(FLOATS, ScalarExp.LOG2_E);
        FloatVector rounder = FloatVector.broadcast(FLOATS, ScalarExp.ROUNDER);
        FloatVector ln2Hi = FloatVector.broadcast(FLOATS, -ScalarExp.LN2_HI);
        FloatVector ln2Lo = FloatVector.broadcast(FLOATS, -ScalarExp.LN2_LO);
        FloatVector c7 = FloatVector.broadcast(FLOATS, ScalarExp.C7);
        FloatVector c6 = FloatVector.broadcast(FLOATS, ScalarExp.C6);
        FloatVector c5 = FloatVector.broadcast(FLOATS, ScalarExp.C5);
        FloatVector c4 = FloatVector.broadcast(FLOATS, ScalarExp.C4);
        FloatVector c3 = FloatVector.broadcast(FLOATS, ScalarExp.C3);
        FloatVector c2 = FloatVector.broadcast(FLOATS, ScalarExp.C2);
        FloatVector one = FloatVector.broadcast(FLOATS, 1f);
        int i = 0;
        for (int bound = FLOATS.loopBound(n); i < bound; i += L) {
            FloatVector arg = FloatVector.fromArray(FLOATS, x, off + i).mul(scale).add(shift);
            FloatVector z = arg.max(ScalarExp.EXP_MIN).min(ScalarExp.EXP_MAX);
            FloatVector t = z.fma(log2e, rounder);
            FloatVector k = t.sub(rounder);
            FloatVector r = k.fma(ln2Hi, z);
            r = k.fma(ln2Lo, r);
            FloatVector p = c7.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            p = p.fma(r, one);
            p = p.fma(r, one);
            IntVector exponent = ((IntVector) t.reinterpretAsInts())
                    .sub(ScalarExp.ROUNDER_BITS - 127).lanewise(VectorOperators.LSHL, 23);
            p.mul(exponent.reinterpretAsFloats()).blend(0f, arg.compare(VectorOperators.LT, ScalarExp.EXP_MIN))
                    .intoArray(x, off + i);
        }
        tails.exp(x, off + i, n - i, scale, shift);
    }
}
