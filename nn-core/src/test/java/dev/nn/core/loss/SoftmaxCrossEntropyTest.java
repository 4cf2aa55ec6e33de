package dev.nn.core.loss;

import dev.nn.core.tensor.Matrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxCrossEntropyTest {

    @Test
    void lossAndGradientOfAWorkedExample() {
        Matrix z = new Matrix(2, 3);
        float[] logits = {1, 2, 3, 0, 0, 0};
        System.arraycopy(logits, 0, z.data(), 0, 6);
        float loss = new SoftmaxCrossEntropy().forwardBackward(z, new int[]{2, 0});
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double expected = ((lse - 3) + Math.log(3)) / 2;
        assertEquals(expected, loss, 1e-6);
        double[] p = {Math.exp(1 - lse), Math.exp(2 - lse), Math.exp(3 - lse)};
        assertEquals(p[0] / 2, z.get(0, 0), 1e-6);
        assertEquals(p[1] / 2, z.get(0, 1), 1e-6);
        assertEquals((p[2] - 1) / 2, z.get(0, 2), 1e-6);
        assertEquals((1.0 / 3 - 1) / 2, z.get(1, 0), 1e-6);
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        Matrix z = new Matrix(1, 3);
        z.set(0, 0, 100f); // exp(100) overflows float: only the shifted form stays finite
        z.set(0, 1, -100f);
        z.set(0, 2, 100f);
        float loss = new SoftmaxCrossEntropy().evaluate(z, new int[]{0});
        assertEquals(Math.log(2), loss, 1e-4);
        assertEquals(0.5f, z.get(0, 0), 1e-6f);
        assertTrue(Float.isFinite(z.get(0, 1)));
    }

    @Test
    void rejectsLabelsOutsideTheOutputs() {
        Matrix z = new Matrix(1, 3);
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxCrossEntropy().evaluate(z, new int[]{3}));
    }
}
