package dev.nn.core.check;

import dev.nn.core.activation.Activation;
import dev.nn.core.config.FitConfig;
import dev.nn.core.config.NetworkConfig;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.config.Regularization;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.init.Init;
import dev.nn.core.layer.Dense;
import dev.nn.core.layer.Dropout;
import dev.nn.core.loss.Loss;
import dev.nn.core.loss.LossFunction;
import dev.nn.core.network.Network;
import dev.nn.core.optim.Schedule;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import dev.nn.core.train.EpochStats;
import dev.nn.core.train.Penalties;
import dev.nn.core.train.Trainer;
import dev.nn.core.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradient check must fail on the classic backprop bugs: each is injected into a copy of the layer
 * ({@link MutantDense}) or of the loss ({@link AscendingCrossEntropy}), in every layer of a small ReLU network
 * in turn, while the real layers pass on the same case. A checker that passes everything would fail here. So
 * must the regularisation's checks: weight decay added to the gradient twice, and dropout left on when the test
 * set is evaluated.
 */
class SensitivityTest {

    /** 7-6-5-3, ReLU, a batch of 5: in ≠ out everywhere, so a transposed gradient cannot look right. */
    static final NetCase CASE = new NetCase(List.of(7, 6, 5, 3), List.of(Activation.RELU, Activation.RELU), "cce",
            "he", 5, 12345L);

    @Test
    void theRealLayersPass() {
        assertTrue(check(CASE.network(), CASE.lossFunction()).passed());
    }

    @ParameterizedTest
    @EnumSource(MutantDense.Bug.class)
    void everyLayerBugIsCaught(MutantDense.Bug bug) {
        for (int buggy = 1; buggy <= 3; buggy++) {
            String target = "layer" + buggy;
            boolean outputLayer = buggy == 3;
            if (bug == MutantDense.Bug.RELU_DERIVATIVE_ALWAYS_ONE && outputLayer) {
                continue; // the output layer has no ReLU
            }
            Network network = CASE.network(s -> s.name().equals(target)
                    ? new MutantDense(s.name(), s.in(), s.out(), s.activation(), bug)
                    : new Dense(s.name(), s.in(), s.out(), s.activation()));
            GradientCheck.Result result = check(network, CASE.lossFunction());
            assertFalse(result.passed(), bug + " in " + target + " was not caught: " + result.groups());
        }
    }

    @Test
    void aSoftmaxCrossEntropyGradientWithTheWrongSignIsCaught() {
        GradientCheck.Result result = check(CASE.network(), new AscendingCrossEntropy());
        assertTrue(result.groups().stream().noneMatch(GradientCheck.Group::passed),
                "gradient ascent must fail every group: " + result.groups());
    }

    @Test
    void weightDecayAddedOnceIsRightAndTwiceIsCaught() {
        float lambda = 0.1f;
        assertTrue(check(CASE.network(), CASE.lossFunction(), TrainingExtras.of(null, lambda)).passed());
        GradientCheck.Result twice = check(CASE.network(), CASE.lossFunction(), new TrainingExtras(null, lambda,
                network -> {
                    Penalties penalties = new Penalties(network, Regularization.NONE.withWeightDecay(lambda, 0));
                    penalties.addWeightDecayGradient();
                    penalties.addWeightDecayGradient();
                }));
        assertFalse(twice.passed(), "weight decay added twice was not caught: " + twice.groups());
    }

    /**
     * A run with dropout reports the test loss of the network without dropout: the double-precision reference of
     * the trained weights, unmasked. The same comparison made with dropout left on fails.
     */
    @Test
    void theTestLossOfADropoutRunIsWithoutDropoutAndDropoutLeftOnIsCaught() {
        TrainingConfig config = new TrainingConfig(new NetworkConfig(CASE.sizes(), CASE.activations(), Init.HE,
                LossFunction.CROSS_ENTROPY), OptimizerConfig.Adam.DEFAULT, new FitConfig(2, 4, 7, Schedule.COSINE),
                Regularization.NONE.withDropout(0.2f, 0.5f));
        Dataset test = Dataset.ofFeatures("case", CASE.input().data(), CASE.labels(), CASE.sizes().getFirst(),
                CASE.sizes().getLast(), Map.of());
        Rng rng = new Rng(7);
        Network network = Network.initialized(config.network(), rng);
        List<EpochStats> history = new Trainer(config, network, rng).fit(test, test, new TrainingListener() { })
                .history();
        double reported = history.getLast().testLoss();
        double unmasked = new ReferenceNetwork(network, CASE.lossFunction(), CASE.input().data(), CASE.rows(),
                CASE.labels(), TrainingExtras.NONE).meanLoss();
        assertEquals(unmasked, reported, 1e-5 * Math.max(1, unmasked), "the test loss is the unmasked network's");

        Dropout leftOn = new Dropout(network.layers(), 0.2f, 0.5f);
        leftOn.prepare(CASE.rows());
        leftOn.draw(Dropout.stateFor(7, 0), CASE.rows());
        Matrix logits = network.forward(CASE.input(), leftOn);
        double masked = CASE.lossFunction().evaluate(logits, CASE.labels());
        assertNotEquals(unmasked, masked, 1e-5 * Math.max(1, unmasked), "dropout left on at evaluation was not caught");
    }

    private static GradientCheck.Result check(Network network, Loss loss, TrainingExtras extras) {
        return GradientCheck.check(network, loss, CASE.input(), CASE.labels(), Integer.MAX_VALUE, new Rng(0),
                (done, total) -> { }, extras);
    }

    private static GradientCheck.Result check(Network network, Loss loss) {
        return GradientCheck.check(network, loss, CASE.input(), CASE.labels(), Integer.MAX_VALUE, new Rng(0));
    }
}
