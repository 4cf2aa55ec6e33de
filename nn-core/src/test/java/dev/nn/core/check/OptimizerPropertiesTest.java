package dev.nn.core.check;

import dev.nn.core.layer.Parameter;
import dev.nn.core.optim.Adam;
import dev.nn.core.optim.Optimizer;
import dev.nn.core.optim.OptimizerState;
import dev.nn.core.random.Rng;
import dev.nn.simd.Kernels;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Adam against its definition, step by step in double precision (Kingma &amp; Ba, Algorithm 1), over random
 * parameters and gradient sequences; a copy of Adam that resets its moments every batch fails the same check;
 * and with β₁ = β₂ = 0 Adam is sign-SGD up to ε.
 */
class OptimizerPropertiesTest {

    static final float LR = 1e-2f, BETA1 = 0.9f, BETA2 = 0.999f, EPSILON = 1e-8f;
    /** Steps per trajectory: enough for the bias corrections and the moments' memory to matter. */
    static final int STEPS = 6;

    @Test
    void adamFollowsItsDefinition() {
        try (Tally tally = Tally.of("Adam follows its definition")) {
            Properties.qt().forAll(integers().between(1, 40), longs().all()).checkAssert((n, seed) -> {
                tally.count();
                assertTrue(followsDefinition(new Adam(LR, BETA1, BETA2, EPSILON), n, seed, tally),
                        "Adam left its definition for n=" + n + ", seed=" + seed);
            });
        }
    }

    @Test
    void adamThatResetsItsMomentsEveryBatchIsCaught() {
        assertFalse(followsDefinition(new ForgetfulAdam(), 17, 1L, Tally.of("a forgetful Adam")));
    }

    @Test
    void adamWithoutMomentumIsSignSgd() {
        try (Tally tally = Tally.of("Adam with β = 0 is sign-SGD")) {
            Properties.qt().forAll(integers().between(1, 40), longs().all()).checkAssert((n, seed) -> {
                tally.count();
                signSgd(n, seed, tally);
            });
        }
    }

    private static void signSgd(int n, long seed, Tally tally) {
        Rng rng = new Rng(seed);
        float[] w = random(rng, n, 1);
        float[] g = random(rng, n, 1e-2);
        float[] before = w.clone();
        Adam adam = new Adam(LR, 0f, 0f, EPSILON);
        adam.init(List.of(new Parameter("p", w, g)));
        adam.step();
        for (int i = 0; i < n; i++) {
            // with no memory, m̂ = g and v̂ = g²: the step is lr·g/(|g| + ε), sign-SGD but for ε
            double expected = before[i] - LR * g[i] / (Math.abs(g[i]) + (double) EPSILON);
            double allowed = 4 * Math.ulp(Math.max(Math.abs(before[i]), (float) Math.abs(expected)));
            tally.assertWithin(Math.abs(w[i] - expected), allowed, "entry " + i + ": " + w[i] + " vs " + expected);
        }
    }

    /** Runs {@link #STEPS} steps of random gradients through the optimiser and through Algorithm 1 in double. */
    static boolean followsDefinition(Optimizer optimizer, int n, long seed, Tally tally) {
        Rng rng = new Rng(seed);
        float[] w = random(rng, n, 1);
        float[] g = new float[n];
        optimizer.init(List.of(new Parameter("p", w, g)));
        double[] x = new double[n], m = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = w[i];
        }
        for (int t = 1; t <= STEPS; t++) {
            float[] grad = random(rng, n, 1e-2);
            System.arraycopy(grad, 0, g, 0, n);
            optimizer.step();
            for (int i = 0; i < n; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
                double mHat = m[i] / (1 - Math.pow(BETA1, t));
                double vHat = v[i] / (1 - Math.pow(BETA2, t));
                x[i] -= LR * mHat / (Math.sqrt(vHat) + EPSILON);
            }
            for (int i = 0; i < n; i++) {
                // float rounding of one update (a few ulp of lr) per step, plus the weight's own rounding
                if (!tally.within(Math.abs(w[i] - x[i]), t * 1e-6 * LR + 2 * Math.ulp((float) x[i]) * t)) {
                    return false;
                }
            }
        }
        return true;
    }

    static float[] random(Rng rng, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((2 * rng.nextDouble() - 1) * scale);
        }
        return a;
    }

    /** A copy of Adam with the classic bug: moments are zeroed before every step, so nothing is remembered. */
    static final class ForgetfulAdam implements Optimizer {
        private Parameter p;
        private float[] m;
        private float[] v;
        private long t;

        @Override
        public String id() {
            return "adam-forgetful";
        }

        @Override
        public void init(List<Parameter> parameters) {
            p = parameters.getFirst();
            m = new float[p.size()];
            v = new float[p.size()];
        }

        @Override
        public void step() {
            t++;
            Arrays.fill(m, 0f);
            Arrays.fill(v, 0f);
            float stepSize = (float) (LR / (1 - Math.pow(BETA1, t)));
            float vScale = (float) (1 / Math.sqrt(1 - Math.pow(BETA2, t)));
            Kernels.adam(p.value(), 0, p.grad(), 0, m, 0, v, 0, p.size(), BETA1, BETA2, stepSize, vScale, EPSILON);
        }

        @Override
        public float learningRate() {
            return LR;
        }

        @Override
        public void setLearningRate(float learningRate) {
        }

        @Override
        public OptimizerState state() {
            return new OptimizerState(t, List.of());
        }

        @Override
        public void restore(OptimizerState state) {
        }

        @Override
        public void reset() {
        }
    }
}
