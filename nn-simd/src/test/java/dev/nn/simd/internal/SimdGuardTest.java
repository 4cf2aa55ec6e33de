package dev.nn.simd.internal;

import dev.nn.simd.Kernels;
import dev.nn.simd.SimdInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fails a test run whose implementation is not the one the build expected ({@code -Dnn.simd.expect=panama|scalar},
 * {@code -Dnn.simd.expect.bits=N}): so a SIMD run can never pass green while silently running scalar code.
 */
class SimdGuardTest {

    @Test
    @EnabledIfSystemProperty(named = "nn.simd.expect", matches = ".+")
    void theExpectedImplementationIsTheOneSelected() {
        SimdInfo info = Kernels.info();
        assertEquals(System.getProperty("nn.simd.expect"), info.implementation(),
                "kernel implementation selected: " + info.describe());
        String bits = System.getProperty("nn.simd.expect.bits");
        if (bits != null && !bits.isEmpty()) {
            assertEquals(Integer.parseInt(bits), info.vectorBits(), "vector width selected: " + info.describe());
        }
    }
}
