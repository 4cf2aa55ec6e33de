package dev.nn.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nn train --average-from EPOCH}: what it prints, saves and refuses. */
class AveragingCommandTest {

    @TempDir
    Path dir;

    @Test
    void theRunSaysWhatItAveragesAndSavesTheMeanAndItsSetting() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path model = dir.resolve("m.json");
        Run run = Run.trainTiny(data, 4, "--average-from", "2", "--out", model.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("averaging: the weights at the ends of epochs 2 to 4; from epoch 2 on, the test"
                + " figures are the mean's, and the mean is saved"), run.err());
        assertTrue(run.out().contains("kept the mean of the weights of epochs 2 to 4"), run.out());
        assertTrue(Files.readString(model).contains("\"averageFrom\" : 2"), "the model file records it");

        Path plain = dir.resolve("plain.json");
        Run without = Run.trainTiny(data, 4, "--out", plain.toString());
        assertEquals(0, without.exit(), without.err());
        assertFalse(without.err().contains("averaging") || without.out().contains("kept the mean"), without.out());
        assertFalse(Files.readString(plain).contains("averageFrom"), "a run without it writes no setting for it");
    }

    @Test
    void averagingThatCannotStartIsOneLineNamingTheFlag() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Refusal.assertOneLine(Run.trainTiny(data, 4, "--average-from", "5"),
                "--average-from 5 is after the last epoch, 4");
        Refusal.assertOneLine(Run.trainTiny(data, 4, "--average-from", "-1"), "--average-from");
        Refusal.assertOneLine(Run.trainTiny(data, 4, "--average-from", "two"), "--average-from", "two");
    }
}
