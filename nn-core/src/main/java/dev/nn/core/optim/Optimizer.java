package dev.nn.core.optim;

import dev.nn.core.layer.Parameter;
import dev.nn.simd.KernelThreads;

import java.util.List;

/**
 * Updates parameters from their gradients. Lifecycle: {@link #init} once with the network's parameters
 * (then, to resume, {@link #restore}), then {@link #step} after each batch's backward pass, for as many
 * batches and epochs as training runs; state such as moments persists across all of them until
 * {@link #reset}.
 */
public interface Optimizer {

    /** The short name used in configs, flags and model files. */
    String id();

    /** Binds this optimiser to the parameters it will update and allocates its state. */
    void init(List<Parameter> parameters);

    /** Applies one update to every bound parameter from its current gradient. */
    void step();

    /** {@link #step()}, long updates split over {@code threads} (null: the calling thread); the same result. */
    default void step(KernelThreads threads) {
        step();
    }

    /** The learning rate the next {@link #step} uses. */
    float learningRate();

    /** Sets the learning rate for the following steps (a {@link Schedule} moves it as training goes). */
    void setLearningRate(float learningRate);

    /** A copy of the state the next step depends on. */
    OptimizerState state();

    /** Restores a state taken with {@link #state()} from an optimiser bound to parameters of the same sizes. */
    void restore(OptimizerState state);

    /** Forgets all state (moments, step count), as if just initialised. */
    void reset();

    /** A scheduled learning rate, checked: a finite number ≥ 0 (the cosine schedule ends at 0). */
    static float requireRate(float learningRate) {
        if (!(learningRate >= 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number >= 0, got " + learningRate);
        }
        return learningRate;
    }
}
