package dev.nn.core.check;

import dev.nn.core.activation.Activation;
import dev.nn.core.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backprop agrees with central finite differences for every parameter group and the input, on random networks
 * ({@link NetCase}): every activation, both losses, every initialiser, 1–4 layers of widths 1–17, batches of 1–9.
 * Each property runs {@link Properties#TRIES} cases; the tolerance is {@link GradientCheck#tolerance}, derived
 * from float's rounding there.
 */
class GradientPropertiesTest {

    @Test
    void randomNetworksHaveTheRightGradient() {
        Properties.qt().forAll(NetCase.any()).checkAssert(GradientPropertiesTest::agrees);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "IDENTITY", mode = EnumSource.Mode.EXCLUDE)
    void everyActivationHasTheRightGradient(Activation activation) {
        Properties.qt(Properties.TRIES / 3).forAll(NetCase.withActivation(activation))
                .checkAssert(GradientPropertiesTest::agrees);
    }

    static void agrees(NetCase c) {
        GradientCheck.Result result = GradientCheck.check(c.network(), c.lossFunction(), c.input(), c.labels(),
                Integer.MAX_VALUE, new Rng(0));
        for (GradientCheck.Group g : result.groups()) {
            assertTrue(g.passed(), () -> g.name() + ": max relative error " + g.maxError() + " > tolerance "
                    + result.tolerance() + " (median " + g.medianError() + ", " + g.skipped() + " at a kink)");
            assertTrue(g.checked() > 0 || g.skipped() == 0, g.name() + ": every entry was at a kink");
        }
    }
}
