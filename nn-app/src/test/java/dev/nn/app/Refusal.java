package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every refusal of a user's input must be: exit 1 or 2, one line, naming what is wrong, no Java in it. */
final class Refusal {

    private Refusal() {
    }

    static void assertOneLine(Run run, String... fragments) {
        assertTrue(run.exit() == 1 || run.exit() == 2, "exit " + run.exit() + ": " + run.err());
        String error = run.errorLines();
        assertEquals(1, error.lines().count(), "expected one line, got:\n" + error);
        for (String fragment : fragments) {
            assertTrue(error.contains(fragment), "'" + fragment + "' not in: " + error);
        }
        assertFalse(error.contains("Exception") || error.contains("\tat ") || error.contains("java."), error);
    }
}
