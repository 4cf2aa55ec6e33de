package dev.nn.core.train;

import dev.nn.core.config.Regularization;
import dev.nn.core.layer.Dense;
import dev.nn.core.layer.Parameter;
import dev.nn.core.network.Network;
import dev.nn.simd.Kernels;

import java.util.List;

/**
 * The weight penalties of a {@link Regularization} around an optimiser's step, on the weights only (never the
 * biases): L2 weight decay adds λ·W to the gradient; decoupled decay multiplies W by 1 − lr·λ before the step;
 * max-norm scales each unit's incoming weights down to the bound after it. Nothing is allocated per step.
 * The derivation: docs/MATH.md#dropout-and-weight-decay.
 */
public final class Penalties {

    private final Regularization settings;
    private final List<Dense> layers;
    private final Parameter[] weights;

    /** The penalties of {@code settings} on {@code network}'s weights. */
    public Penalties(Network network, Regularization settings) {
        this.settings = settings;
        this.layers = network.layers();
        this.weights = layers.stream().map(l -> l.parameters().getFirst()).toArray(Parameter[]::new);
    }

    /** Adds the L2 penalty's gradient λ·W to every weight's gradient (nothing when λ is 0). */
    public void addWeightDecayGradient() {
        float lambda = settings.weightDecay();
        if (lambda == 0) {
            return;
        }
        for (Parameter p : weights) {
            Kernels.axpy(lambda, p.value(), 0, p.grad(), 0, p.size());
        }
    }

    /** Before a step at {@code learningRate}: the L2 gradient, then decoupled decay W ← W·(1 − lr·λ). */
    public void beforeStep(float learningRate) {
        addWeightDecayGradient();
        float lambda = settings.decoupledWeightDecay();
        if (lambda == 0) {
            return;
        }
        float keep = 1f - learningRate * lambda;
        for (Parameter p : weights) {
            Kernels.scale(keep, p.value(), 0, p.size());
        }
    }

    /** After a step: each unit's incoming weights longer than the max-norm bound are scaled down to it. */
    public void afterStep() {
        float bound = settings.maxNorm();
        if (bound == 0) {
            return;
        }
        for (Dense layer : layers) {
            float[] w = layer.weights();
            int in = layer.inputSize();
            for (int o = 0; o < layer.outputSize(); o++) {
                float squared = Kernels.dot(w, o * in, w, o * in, in);
                if (squared > bound * bound) {
                    Kernels.scale((float) (bound / Math.sqrt(squared)), w, o * in, in);
                }
            }
        }
    }
}
