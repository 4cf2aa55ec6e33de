package dev.nn.core.layer;

import dev.nn.core.activation.Activation;
import dev.nn.core.tensor.Matrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The masks: the rate kept, the survivors scaled by 1/(1 − rate), the same state the same mask, none at rate 0. */
class DropoutTest {

    static final List<Dense> LAYERS = List.of(new Dense("a", 500, 400, Activation.RELU),
            new Dense("b", 400, 10, Activation.IDENTITY));

    @Test
    void dropsTheRateAndScalesTheRest() {
        for (float rate : new float[]{0.1f, 0.5f, 0.8f}) {
            Dropout dropout = new Dropout(LAYERS, rate, rate);
            dropout.prepare(64);
            dropout.draw(Dropout.stateFor(1, 0), 64);
            for (int layer = 0; layer < 2; layer++) {
                int size = LAYERS.get(layer).inputSize();
                int dropped = 0;
                for (int r = 0; r < 64; r++) {
                    for (int c = 0; c < size; c++) {
                        float f = dropout.factor(layer, r, c);
                        if (f == 0) {
                            dropped++;
                        } else {
                            assertEquals(1f / (1f - rate), f);
                        }
                    }
                }
                double n = 64.0 * size;
                double sigma = Math.sqrt(n * rate * (1 - rate));
                assertTrue(Math.abs(dropped - n * rate) < 5 * sigma, "layer " + layer + " at rate " + rate
                        + ": dropped " + dropped + " of " + n);
            }
        }
    }

    @Test
    void theSameStateGivesTheSameMaskAndAnotherStepAnother() {
        Dropout a = new Dropout(LAYERS, 0.2f, 0.5f);
        Dropout b = new Dropout(LAYERS, 0.2f, 0.5f);
        a.prepare(8);
        b.prepare(8);
        Matrix x = new Matrix(8, 500);
        Arrays.fill(x.data(), 1f);
        a.draw(Dropout.stateFor(3, 17), 8);
        b.draw(Dropout.stateFor(3, 17), 8);
        float[] first = a.apply(0, x).data().clone();
        assertArrayEquals(first, b.apply(0, x).data());
        b.draw(Dropout.stateFor(3, 18), 8);
        assertFalse(Arrays.equals(first, b.apply(0, x).data()));
        b.draw(Dropout.stateFor(4, 17), 8);
        assertFalse(Arrays.equals(first, b.apply(0, x).data()));
    }

    @Test
    void theGradientGoesThroughTheSameMaskAndRateZeroIsNoLayer() {
        Dropout dropout = new Dropout(LAYERS, 0f, 0.5f);
        dropout.prepare(4);
        dropout.draw(Dropout.stateFor(1, 0), 4);
        Matrix x = new Matrix(4, 500);
        assertSame(x, dropout.apply(0, x), "rate 0: the input itself, not a copy");
        Matrix h = new Matrix(4, 400);
        Arrays.fill(h.data(), 2f);
        Matrix dropped = dropout.apply(1, h);
        Matrix grad = new Matrix(4, 400);
        Arrays.fill(grad.data(), 1f);
        dropout.backward(1, grad);
        for (int i = 0; i < 4 * 400; i++) {
            assertEquals(dropped.data()[i], 2f * grad.data()[i], "element " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> dropout.draw(Dropout.stateFor(1, 1), 5),
                "more rows than prepared");
        assertThrows(IllegalArgumentException.class, () -> new Dropout(LAYERS, 1f, 0f));
    }
}
