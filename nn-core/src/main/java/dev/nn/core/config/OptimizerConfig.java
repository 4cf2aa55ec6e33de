package dev.nn.core.config;

import dev.nn.core.io.Untrusted;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.nn.core.optim.Optimizer;

/**
 * Which optimiser trains a network, with its settings: a typed choice, each kind a small record that owns its
 * defaults ({@link Adam#DEFAULT}, {@link Sgd#DEFAULT}, {@link Momentum#DEFAULT}) and checks its values, naming
 * the one that is wrong. {@link #create()} makes the optimiser.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = OptimizerConfig.Adam.class, name = "adam"),
        @JsonSubTypes.Type(value = OptimizerConfig.Sgd.class, name = "sgd"),
        @JsonSubTypes.Type(value = OptimizerConfig.Momentum.class, name = "momentum")})
public sealed interface OptimizerConfig {

    /** The base learning rate (a schedule may move it during a run). */
    float learningRate();

    /** The same optimiser with another learning rate. */
    OptimizerConfig withLearningRate(float learningRate);

    /** The short name: {@code adam}, {@code sgd} or {@code momentum}. */
    @JsonIgnore
    String id();

    /** A new optimiser of this kind and these settings, not yet bound to parameters. */
    Optimizer create();

    /** The default settings of the optimiser named {@code id}; an exception lists the known names. */
    static OptimizerConfig defaults(String id) {
        return switch (id) {
            case dev.nn.core.optim.Adam.ID -> Adam.DEFAULT;
            case dev.nn.core.optim.Sgd.ID -> Sgd.DEFAULT;
            case dev.nn.core.optim.Momentum.ID -> Momentum.DEFAULT;
            default -> throw new IllegalArgumentException("unknown optimizer '" + Untrusted.shown(id) + "' (known: " + ids() + ")");
        };
    }

    /** The known names, comma-separated. */
    static String ids() {
        return "adam, sgd, momentum";
    }

    /**
     * Adam (Kingma &amp; Ba, 2015), bias-corrected.
     *
     * @param learningRate step size, &gt; 0
     * @param beta1 first-moment decay, in [0, 1)
     * @param beta2 second-moment decay, in [0, 1)
     * @param epsilon added to the root of the second moment, &gt; 0
     */
    record Adam(float learningRate, float beta1, float beta2, float epsilon) implements OptimizerConfig {

        /** lr 0.002, β₁ 0.9, β₂ 0.999, ε 1e-8: the defaults of nn and of the MNIST network. */
        public static final Adam DEFAULT = new Adam(2e-3f, 0.9f, 0.999f, 1e-8f);

        /** Checks every setting. */
        public Adam {
            Checks.positive("learningRate", learningRate);
            Checks.fraction("beta1", beta1);
            Checks.fraction("beta2", beta2);
            Checks.positive("epsilon", epsilon);
        }

        @Override
        public Adam withLearningRate(float rate) {
            return new Adam(rate, beta1, beta2, epsilon);
        }

        /** The same with other moment decays. */
        public Adam withBetas(float b1, float b2) {
            return new Adam(learningRate, b1, b2, epsilon);
        }

        @Override
        public String id() {
            return dev.nn.core.optim.Adam.ID;
        }

        @Override
        public Optimizer create() {
            return new dev.nn.core.optim.Adam(learningRate, beta1, beta2, epsilon);
        }
    }

    /**
     * Plain stochastic gradient descent.
     *
     * @param learningRate step size, &gt; 0
     */
    record Sgd(float learningRate) implements OptimizerConfig {

        /** lr 0.1. */
        public static final Sgd DEFAULT = new Sgd(0.1f);

        /** Checks the rate. */
        public Sgd {
            Checks.positive("learningRate", learningRate);
        }

        @Override
        public Sgd withLearningRate(float rate) {
            return new Sgd(rate);
        }

        @Override
        public String id() {
            return dev.nn.core.optim.Sgd.ID;
        }

        @Override
        public Optimizer create() {
            return new dev.nn.core.optim.Sgd(learningRate);
        }
    }

    /**
     * SGD with classical momentum.
     *
     * @param learningRate step size, &gt; 0
     * @param momentum the velocity's decay μ, in [0, 1)
     */
    record Momentum(float learningRate, float momentum) implements OptimizerConfig {

        /** lr 0.01, μ 0.9: steps add up to about lr/(1 − μ) = 0.1, SGD's rate. */
        public static final Momentum DEFAULT = new Momentum(0.01f, 0.9f);

        /** Checks both settings. */
        public Momentum {
            Checks.positive("learningRate", learningRate);
            Checks.fraction("momentum", momentum);
        }

        @Override
        public Momentum withLearningRate(float rate) {
            return new Momentum(rate, momentum);
        }

        @Override
        public String id() {
            return dev.nn.core.optim.Momentum.ID;
        }

        @Override
        public Optimizer create() {
            return new dev.nn.core.optim.Momentum(learningRate, momentum);
        }
    }
}
