package dev.nn.core.optim;

import dev.nn.core.layer.Parameter;
import dev.nn.simd.Kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SGD with momentum (Polyak's heavy ball, in PyTorch's form): v = μ·v + g, w −= lr·v. The velocity v
 * persists across batches and epochs, so steps build up along directions the gradient keeps pointing to.
 */
public final class Momentum implements Optimizer {

    /** The short name. */
    public static final String ID = "momentum";

    private final List<Parameter> parameters = new ArrayList<>();
    private final List<float[]> velocities = new ArrayList<>();
    private final float mu;
    private float learningRate;
    private long step;

    /** Momentum with the given learning rate (&gt; 0) and momentum μ ∈ [0, 1). */
    public Momentum(float learningRate, float mu) {
        if (!(learningRate > 0) || Float.isInfinite(learningRate) || !(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("momentum needs a finite lr > 0 and 0 <= mu < 1, got lr="
                    + learningRate + ", mu=" + mu);
        }
        this.learningRate = learningRate;
        this.mu = mu;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void init(List<Parameter> toUpdate) {
        parameters.clear();
        parameters.addAll(toUpdate);
        velocities.clear();
        for (Parameter p : toUpdate) {
            velocities.add(new float[p.size()]);
        }
        step = 0;
    }

    @Override
    public void step() {
        step++;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Kernels.momentum(p.value(), 0, p.grad(), 0, velocities.get(i), 0, p.size(), mu, learningRate);
        }
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(float learningRate) {
        this.learningRate = Optimizer.requireRate(learningRate);
    }

    @Override
    public OptimizerState state() {
        return new OptimizerState(step, velocities.stream().map(float[]::clone).toList());
    }

    @Override
    public void restore(OptimizerState state) {
        if (state.buffers().size() != velocities.size()) {
            throw new IllegalArgumentException("momentum state has " + state.buffers().size()
                    + " buffers, expected " + velocities.size() + " (one per parameter group)");
        }
        for (int i = 0; i < velocities.size(); i++) {
            float[] from = state.buffers().get(i);
            if (from.length != velocities.get(i).length) {
                throw new IllegalArgumentException("momentum state for " + parameters.get(i).name() + " has "
                        + from.length + " values, expected " + velocities.get(i).length);
            }
            System.arraycopy(from, 0, velocities.get(i), 0, from.length);
        }
        step = state.steps();
    }

    @Override
    public void reset() {
        velocities.forEach(v -> Arrays.fill(v, 0f));
        step = 0;
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + learningRate + ", mu=" + mu + ")";
    }
}
