package dev.nn.app.tune;

import dev.nn.core.config.Augmentation;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.config.TrainingConfig;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One point of a search: the hyper-parameters {@code nn tune} varies.
 *
 * @param learningRate the learning rate
 * @param beta1 Adam's β₁
 * @param beta2 Adam's β₂
 * @param batchSize the mini-batch size
 * @param hidden the hidden layer sizes
 * @param inputDropout the input's dropout rate
 * @param dropout the hidden layers' dropout rate
 * @param weightDecay the L2 weight decay's λ
 * @param augment the augmentation's strength ({@link Augmentation#ofStrength}), 0 for none
 */
public record Setting(double learningRate, double beta1, double beta2, int batchSize, List<Integer> hidden,
                      double inputDropout, double dropout, double weightDecay, double augment) {

    /** A setting without regularisation or augmentation. */
    public Setting(double learningRate, double beta1, double beta2, int batchSize, List<Integer> hidden) {
        this(learningRate, beta1, beta2, batchSize, hidden, 0, 0, 0, 0);
    }

    /**
     * The setting as the CSV and the ranking show it, e.g. {@code lr=0.0003 b1=0.9 b2=0.999 batch=32 hidden=16-16},
     * followed by {@code in=0.2 drop=0.5 wd=0.0001} when it regularises and {@code aug=1} when it augments.
     */
    public String key() {
        String key = String.format(Locale.ROOT, "lr=%s b1=%s b2=%s batch=%d hidden=%s", number(learningRate),
                number(beta1), number(beta2), batchSize, hiddenText());
        if (inputDropout != 0 || dropout != 0 || weightDecay != 0) {
            key += String.format(Locale.ROOT, " in=%s drop=%s wd=%s", number(inputDropout), number(dropout),
                    number(weightDecay));
        }
        return augment == 0 ? key : key + " aug=" + number(augment);
    }

    /** The hidden sizes joined with dashes. */
    public String hiddenText() {
        return String.join("-", hidden.stream().map(String::valueOf).toList());
    }

    /** The training config for this setting: {@code base} with these values and the given seed and layers. */
    public TrainingConfig config(TrainingConfig base, List<Integer> layers, long seed) {
        float epsilon = base.optimizer() instanceof OptimizerConfig.Adam adam ? adam.epsilon()
                : OptimizerConfig.Adam.DEFAULT.epsilon();
        return new TrainingConfig(base.network().withLayers(layers),
                new OptimizerConfig.Adam((float) learningRate, (float) beta1, (float) beta2, epsilon),
                base.fit().withBatchSize(batchSize).withSeed(seed), base.regularization()
                .withDropout((float) inputDropout, (float) dropout)
                .withWeightDecay((float) weightDecay, base.regularization().decoupledWeightDecay()),
                base.validation(), augment == 0 ? base.augmentation() : Augmentation.ofStrength((float) augment));
    }

    static String number(double v) {
        float f = (float) v;
        if (!Float.isFinite(f)) {
            return Float.toString(f);
        }
        return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
    }
}
