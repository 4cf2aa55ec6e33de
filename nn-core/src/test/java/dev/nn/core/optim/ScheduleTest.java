package dev.nn.core.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each schedule's rate at the points that define it, and names that round-trip. */
class ScheduleTest {

    @Test
    void stepDecayDividesByTenAtHalfAndThreeQuarters() {
        assertEquals(1f, Schedule.STEP.rate(1f, 0, 100));
        assertEquals(1f, Schedule.STEP.rate(1f, 49, 100));
        assertEquals(0.1f, Schedule.STEP.rate(1f, 50, 100));
        assertEquals(0.1f, Schedule.STEP.rate(1f, 74, 100));
        assertEquals(0.01f, Schedule.STEP.rate(1f, 75, 100));
        assertEquals(0.01f, Schedule.STEP.rate(1f, 99, 100));
    }

    @Test
    void warmUpClimbsToTheBaseThenCosineDecays() {
        // 1,000 steps: 50 of warm-up
        assertEquals(1f / 50, Schedule.WARMUP_COSINE.rate(1f, 0, 1000), 1e-7f);
        assertEquals(0.5f, Schedule.WARMUP_COSINE.rate(1f, 24, 1000), 1e-6f);
        assertEquals(1f, Schedule.WARMUP_COSINE.rate(1f, 49, 1000), 1e-6f);
        assertEquals(1f, Schedule.WARMUP_COSINE.rate(1f, 50, 1000), 1e-6f);
        assertEquals(0.5f, Schedule.WARMUP_COSINE.rate(1f, 50 + 475, 1000), 1e-6f);
        for (long step = 51; step < 1000; step++) {
            assertTrue(Schedule.WARMUP_COSINE.rate(1f, step, 1000) <= Schedule.WARMUP_COSINE.rate(1f, step - 1, 1000),
                    "decays after the warm-up, step " + step);
        }
        assertEquals(1f, Schedule.WARMUP_COSINE.rate(1f, 0, 1), "one step: warm-up is that step");
    }

    @Test
    void namesRoundTrip() {
        for (Schedule s : Schedule.values()) {
            assertEquals(s, Schedule.byId(s.id()));
        }
        assertEquals("constant, cosine, step, warmup-cosine", Schedule.ids());
    }
}
