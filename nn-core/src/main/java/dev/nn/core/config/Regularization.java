package dev.nn.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What keeps a network from learning its training set by heart: inverted dropout of the input and of each hidden
 * layer's output (Srivastava et al. 2014), weight decay, either added to the gradient (L2) or applied to the
 * weights beside the optimiser's step (decoupled, as AdamW: Loshchilov &amp; Hutter 2019), and a max-norm bound on
 * each unit's incoming weights. Zero turns each off; {@link #NONE} is all off. Biases are never decayed or bounded.
 *
 * @param inputDropout the fraction of input values dropped in each training batch, in [0, 1)
 * @param dropout the fraction of each hidden layer's outputs dropped in each training batch, in [0, 1)
 * @param weightDecay λ of the L2 penalty λ/2·‖W‖², whose gradient λ·W is added to each weight's gradient
 * @param decoupledWeightDecay λ of decoupled decay: before each step W ← W·(1 − lr·λ), lr the scheduled rate
 * @param maxNorm after each step, each unit's incoming weights are scaled down to this Euclidean norm if longer
 */
public record Regularization(float inputDropout, float dropout, float weightDecay, float decoupledWeightDecay,
                             float maxNorm) {

    /** Nothing: the defaults of nn. */
    public static final Regularization NONE = new Regularization(0, 0, 0, 0, 0);

    /** Checks every setting, naming the one that is wrong. */
    public Regularization {
        Checks.fraction("inputDropout", inputDropout);
        Checks.fraction("dropout", dropout);
        Checks.notNegative("weightDecay", weightDecay);
        Checks.notNegative("decoupledWeightDecay", decoupledWeightDecay);
        Checks.notNegative("maxNorm", maxNorm);
    }

    /** Whether any dropout is on. */
    public boolean drops() {
        return inputDropout > 0 || dropout > 0;
    }

    /** The settings that are on, e.g. {@code dropout 0.5, weight decay 1.0E-4}; {@code none} when none is. */
    public String summary() {
        List<String> on = new ArrayList<>();
        String[] names = {"input dropout", "dropout", "weight decay", "decoupled weight decay", "max-norm"};
        float[] values = {inputDropout, dropout, weightDecay, decoupledWeightDecay, maxNorm};
        for (int i = 0; i < names.length; i++) {
            if (values[i] > 0) {
                on.add(names[i] + " " + values[i]);
            }
        }
        return on.isEmpty() ? "none" : String.join(", ", on);
    }

    /** The same with other dropout rates. */
    public Regularization withDropout(float input, float hidden) {
        return new Regularization(input, hidden, weightDecay, decoupledWeightDecay, maxNorm);
    }

    /** The same with other weight decays (L2 in the gradient, decoupled beside the step). */
    public Regularization withWeightDecay(float l2, float decoupled) {
        return new Regularization(inputDropout, dropout, l2, decoupled, maxNorm);
    }

    /** The same with another max-norm bound (0: none). */
    public Regularization withMaxNorm(float bound) {
        return new Regularization(inputDropout, dropout, weightDecay, decoupledWeightDecay, bound);
    }
}
