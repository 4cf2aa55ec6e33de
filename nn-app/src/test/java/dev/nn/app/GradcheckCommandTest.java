package dev.nn.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nn gradcheck} prints a PASS row per group for a fresh network and for a saved model; bad flags fail. */
class GradcheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultNetworkPassesOnMnist() {
        Run run = Run.of("gradcheck", "--samples", "3", "--per-group", "40");
        assertEquals(0, run.exit(), run.err());
        for (String group : new String[]{"layer1.weights", "layer1.bias", "layer2.weights", "layer3.bias", "input"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(group) && l.endsWith("PASS")), run.out());
        }
        assertTrue(run.out().contains("784-16-16-10 (relu, cce)"), run.out());
        assertTrue(run.out().contains("all groups pass"), run.out());
    }

    @Test
    void everyActivationAndLossOfASavedModelPasses() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path model = dir.resolve("m.json");
        Run train = Run.of("train", "--no-progress", "--data", data.toString(), "--hidden", "5,4",
                "--activation", "tanh,sigmoid", "--loss", "mse", "--init", "glorot", "--epochs", "2",
                "--out", model.toString());
        assertEquals(0, train.exit(), train.err());
        Run run = Run.of("gradcheck", "--model", model.toString(), "--data", data.toString(), "--per-group", "0");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("12-5-4-3 (tanh,sigmoid, mse)"), run.out());
        assertTrue(run.out().contains("all groups pass"), run.out());
    }

    @Test
    void badValuesAreUsageErrors() {
        Run run = Run.of("gradcheck", "--samples", "0");
        assertEquals(2, run.exit());
        assertEquals("nn gradcheck: --samples must be at least 1, got 0", run.errorLines());
        Run activation = Run.of("gradcheck", "--activation", "swish");
        assertEquals(2, activation.exit());
        assertTrue(activation.errorLines().startsWith("nn gradcheck: --activation: unknown activation"),
                activation.errorLines());
    }

    @Test
    void aGroupWithNothingCheckedIsNotCalledAPass() {
        Run run = Run.of("gradcheck", "--dataset", "xor");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().filter(l -> l.matches("\\S+\\s+0\\s.*")).allMatch(l -> l.endsWith("NOTHING CHECKED")),
                run.out());
        assertTrue(run.out().contains("NOTHING CHECKED") && !run.out().contains("all groups pass"), run.out());
    }
}
