package dev.nn.core.layer;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.loss.SoftmaxCrossEntropy;
import dev.nn.core.network.Network;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backprop against central finite differences on a tiny network (5→7→3, ReLU, softmax + CCE), every weight and
 * bias. Computed in float, so the step is 1e-2 and the check is a relative error below 1e-2 (float's rounding in
 * the two loss values, ~1e-7 each, divided by 2h, stays near 1e-5; the truncation error, O(h²) times the third
 * derivative, dominates). Inputs are kept away from ReLU's kink.
 */
class GradientCheckTest {

    @Test
    void backpropMatchesFiniteDifferences() {
        TrainingConfig config = TrainingConfig.DEFAULT.withLayers(List.of(5, 7, 3));
        Rng rng = new Rng(17);
        Network network = Network.initialized(config.network(), rng);
        int batch = 4;
        Matrix x = new Matrix(batch, 5);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = (float) rng.nextGaussian();
        }
        int[] labels = {0, 2, 1, 2};
        network.prepare(batch);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Matrix logits = network.forward(x);
        loss.forwardBackward(logits, labels);
        network.backward(logits);

        float h = 1e-2f;
        for (Parameter p : network.parameters()) {
            float[] analytic = p.grad().clone();
            for (int i = 0; i < p.size(); i++) {
                float saved = p.value()[i];
                p.value()[i] = saved + h;
                double plus = meanLoss(network, loss, x, labels);
                p.value()[i] = saved - h;
                double minus = meanLoss(network, loss, x, labels);
                p.value()[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                double error = Math.abs(numeric - analytic[i])
                        / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[i]));
                int at = i;
                assertTrue(error < 1e-2, () -> p.name() + "[" + at + "]: backprop " + analytic[at]
                        + ", finite difference " + numeric + ", relative error " + error);
            }
        }
    }

    private static double meanLoss(Network network, SoftmaxCrossEntropy loss, Matrix x, int[] labels) {
        return loss.evaluate(network.forward(x), labels) / x.rows();
    }
}
