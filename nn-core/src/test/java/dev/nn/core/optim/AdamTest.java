package dev.nn.core.optim;

import dev.nn.core.layer.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdamTest {

    /** Adam written out in double, straight from Kingma &amp; Ba's Algorithm 1. */
    private static double[] reference(double w, double[] gradients, double lr, double b1, double b2, double eps) {
        double m = 0, v = 0;
        double[] path = new double[gradients.length];
        for (int t = 1; t <= gradients.length; t++) {
            double g = gradients[t - 1];
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double mHat = m / (1 - Math.pow(b1, t));
            double vHat = v / (1 - Math.pow(b2, t));
            w -= lr * mHat / (Math.sqrt(vHat) + eps);
            path[t - 1] = w;
        }
        return path;
    }

    @Test
    void followsTheAlgorithmWithBiasCorrectionAndPersistentMoments() {
        double[] gradients = {0.5, -0.2, 0.3, 0.3, -1.0, 0.05, 0.7};
        double[] expected = reference(1.0, gradients, 0.01, 0.9, 0.999, 1e-8);
        float[] w = {1f};
        float[] g = new float[1];
        Adam adam = new Adam(0.01f, 0.9f, 0.999f, 1e-8f);
        adam.init(List.of(new Parameter("w", w, g)));
        for (int t = 0; t < gradients.length; t++) {
            g[0] = (float) gradients[t];
            adam.step();
            assertEquals(expected[t], w[0], 1e-6, "after step " + (t + 1));
        }
        assertEquals(gradients.length, adam.steps());
    }

    @Test
    void theFirstStepMovesByTheLearningRate() {
        float[] w = {1f, 1f};
        float[] g = {0.5f, -3f};
        Adam adam = new Adam(0.1f, 0.9f, 0.999f, 1e-8f);
        adam.init(List.of(new Parameter("w", w, g)));
        adam.step();
        assertEquals(0.9f, w[0], 1e-6f);
        assertEquals(1.1f, w[1], 1e-6f);
    }

    @Test
    void resetForgetsTheMoments() {
        float[] w = {0f};
        float[] g = {1f};
        Adam adam = new Adam(0.1f, 0.9f, 0.999f, 1e-8f);
        adam.init(List.of(new Parameter("w", w, g)));
        adam.step();
        adam.step();
        adam.reset();
        w[0] = 0f;
        adam.step();
        assertEquals(-0.1f, w[0], 1e-6f);
        assertEquals(1, adam.steps());
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Adam(0f, 0.9f, 0.999f, 1e-8f));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3f, 1f, 0.999f, 1e-8f));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3f, 0.9f, 0.999f, 0f));
    }

    @Test
    void cosineScheduleRunsFromTheBaseRateToZero() {
        assertEquals(1f, Schedule.COSINE.rate(1f, 0, 100));
        assertEquals(0.5f, Schedule.COSINE.rate(1f, 50, 100), 1e-6f);
        assertEquals(0f, Schedule.COSINE.rate(1f, 100, 100), 1e-6f);
        assertEquals(0.3f, Schedule.CONSTANT.rate(0.3f, 77, 100));
    }
}
