package dev.nn.core.optim;

import dev.nn.core.layer.Parameter;
import dev.nn.simd.Kernels;

import java.util.ArrayList;
import java.util.List;

/** Plain stochastic gradient descent: w −= lr·g. It has no state but its step count. */
public final class Sgd implements Optimizer {

    /** The short name. */
    public static final String ID = "sgd";

    private final List<Parameter> parameters = new ArrayList<>();
    private float learningRate;
    private long step;

    /** SGD with the given learning rate (&gt; 0). */
    public Sgd(float learningRate) {
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("SGD needs a finite lr > 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void init(List<Parameter> toUpdate) {
        parameters.clear();
        parameters.addAll(toUpdate);
        step = 0;
    }

    @Override
    public void step() {
        step++;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Kernels.axpy(-learningRate, p.grad(), 0, p.value(), 0, p.size());
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
        return new OptimizerState(step, List.of());
    }

    @Override
    public void restore(OptimizerState state) {
        if (!state.buffers().isEmpty()) {
            throw new IllegalArgumentException("SGD state has " + state.buffers().size() + " buffers, expected none");
        }
        step = state.steps();
    }

    @Override
    public void reset() {
        step = 0;
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate + ")";
    }
}
