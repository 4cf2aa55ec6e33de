package dev.nn.core.check;

import dev.nn.core.activation.Activation;
import dev.nn.core.layer.Dense;
import dev.nn.core.loss.Loss;
import dev.nn.core.network.Network;
import dev.nn.core.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradient check must fail on the classic backprop bugs: each is injected into a copy of the layer
 * ({@link MutantDense}) or of the loss ({@link AscendingCrossEntropy}), in every layer of a small ReLU network
 * in turn, while the real layers pass on the same case. A checker that passes everything would fail here.
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

    private static GradientCheck.Result check(Network network, Loss loss) {
        return GradientCheck.check(network, loss, CASE.input(), CASE.labels(), Integer.MAX_VALUE, new Rng(0));
    }
}
