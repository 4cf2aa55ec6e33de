package dev.nn.core.optim;

import dev.nn.core.layer.Parameter;
import dev.nn.simd.KernelThreads;
import dev.nn.simd.Kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba, 2015, "Adam: A Method for Stochastic Optimization"): per-parameter first and second
 * moment estimates with bias correction. The moments and the step count t persist across batches and epochs.
 */
public final class Adam implements Optimizer {

    /** The short name. */
    public static final String ID = "adam";

    private float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<float[]> firstMoments = new ArrayList<>();
    private final List<float[]> secondMoments = new ArrayList<>();
    private long step;

    /** Adam with the given learning rate, moment decays β₁, β₂ ∈ [0, 1) and ε &gt; 0. */
    public Adam(float learningRate, float beta1, float beta2, float epsilon) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs lr > 0, 0 <= beta1, beta2 < 1 and epsilon > 0, got "
                    + toString(learningRate, beta1, beta2, epsilon));
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void init(List<Parameter> toUpdate) {
        parameters.clear();
        parameters.addAll(toUpdate);
        firstMoments.clear();
        secondMoments.clear();
        for (Parameter p : toUpdate) {
            firstMoments.add(new float[p.size()]);
            secondMoments.add(new float[p.size()]);
        }
        step = 0;
    }

    /**
     * t += 1; for each parameter, the moment updates and w −= lr·m̂/(√v̂ + ε), folded into one kernel call.
     *
     * <p>The derivation: docs/MATH.md#adam.
     */
    @Override
    public void step() {
        step(null);
    }

    @Override
    public void step(KernelThreads threads) {
        step++;
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        float stepSize = (float) (learningRate / correction1);
        float vScale = (float) (1 / Math.sqrt(correction2));
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Kernels.adam(threads, p.value(), 0, p.grad(), 0, firstMoments.get(i), 0, secondMoments.get(i), 0,
                    p.size(), beta1, beta2, stepSize, vScale, epsilon);
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
        List<float[]> buffers = new ArrayList<>();
        firstMoments.forEach(m -> buffers.add(m.clone()));
        secondMoments.forEach(v -> buffers.add(v.clone()));
        return new OptimizerState(step, buffers);
    }

    @Override
    public void restore(OptimizerState state) {
        int n = parameters.size();
        if (state.buffers().size() != 2 * n) {
            throw new IllegalArgumentException("Adam state has " + state.buffers().size() + " buffers, expected "
                    + 2 * n + " (two per parameter group)");
        }
        for (int i = 0; i < n; i++) {
            copy(state.buffers().get(i), firstMoments.get(i), parameters.get(i).name());
            copy(state.buffers().get(n + i), secondMoments.get(i), parameters.get(i).name());
        }
        step = state.steps();
    }

    private static void copy(float[] from, float[] to, String name) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("Adam state for " + name + " has " + from.length
                    + " values, expected " + to.length);
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }

    @Override
    public void reset() {
        for (int i = 0; i < parameters.size(); i++) {
            Arrays.fill(firstMoments.get(i), 0f);
            Arrays.fill(secondMoments.get(i), 0f);
        }
        step = 0;
    }

    /** Steps taken since {@link #init} or {@link #reset}. */
    public long steps() {
        return step;
    }

    @Override
    public String toString() {
        return toString(learningRate, beta1, beta2, epsilon);
    }

    private static String toString(float learningRate, float beta1, float beta2, float epsilon) {
        return "Adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
    }
}
