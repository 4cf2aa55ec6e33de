package dev.nn.core.check;

import dev.nn.core.loss.Loss;
import dev.nn.core.loss.SoftmaxCrossEntropy;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.Kernels;

/** Softmax + cross-entropy with the classic sign bug: its gradient is y − p, so training climbs the loss. */
final class AscendingCrossEntropy implements Loss {

    private final SoftmaxCrossEntropy correct = new SoftmaxCrossEntropy();

    @Override
    public String id() {
        return "cce-ascending";
    }

    @Override
    public float forwardBackward(Matrix logits, int[] labels) {
        float mean = correct.forwardBackward(logits, labels);
        Kernels.scale(-1f, logits.data(), 0, logits.rows() * logits.cols());
        return mean;
    }

    @Override
    public float evaluate(Matrix logits, int[] labels) {
        return correct.evaluate(logits, labels);
    }

    @Override
    public double referenceLoss(double[] logits, int label) {
        return correct.referenceLoss(logits, label);
    }
}
