package dev.nn.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learning rate far too large: training stops at once with one line naming epoch and batch. */
class DivergenceTest {

    @TempDir
    Path dir;

    @Test
    void aDivergingRunStopsWithOneLineAndKeepsTheUsersFile() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path out = dir.resolve("model.json");
        Files.writeString(out, "an older model");
        Run run = Run.of("train", "--data", data.toString(), "--lr", "1e38", "--schedule", "constant", "--out",
                out.toString());
        assertEquals(1, run.exit(), run.err());
        String error = run.errorLines();
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.matches("nn train: training diverged at epoch \\d+, batch \\d+: .*; try a smaller --lr .*"),
                error);
        assertFalse(error.contains("Exception"), error);
        if (error.contains("no epoch had finished")) {
            assertEquals("an older model", Files.readString(out));
        } else {
            assertTrue(error.contains("is saved in " + out), error);
        }
    }

    @Test
    void aLossThatExplodesWithoutReachingNaNIsDivergenceToo() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Run run = Run.of("train", "--data", data.toString(), "--optimizer", "sgd", "--lr", "1000", "--out",
                dir.resolve("m.json").toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.errorLines().contains("over 1000 times a blind guess's; try a smaller --lr"), run.errorLines());
    }
}
