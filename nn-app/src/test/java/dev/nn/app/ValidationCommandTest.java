package dev.nn.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nn train --validation F --patience N --monitor NAME}: what it prints, saves and refuses. */
class ValidationCommandTest {

    @TempDir
    Path dir;

    @Test
    void patienceEndsTheRunOnTheBestValidationEpochAndTheModelRecordsIt() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path model = dir.resolve("m.json");
        Run run = Run.trainTiny(data, 50, "--validation", "0.2", "--patience", "1", "--monitor", "accuracy", "--out",
                model.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("validation: 60 of the 300 training samples held out; the best epoch by"
                + " validation accuracy is kept; stops after 1 epoch without a better one"), run.err());
        long epochs = run.out().lines().filter(l -> l.startsWith("epoch ")).count();
        assertTrue(epochs < 50 && run.out().contains("stopped early after epoch " + epochs), run.out());
        assertTrue(run.out().lines().filter(l -> l.startsWith("epoch ")).allMatch(l -> l.contains("validation loss")),
                run.out());
        assertTrue(run.out().contains("kept epoch " + (epochs - 1) + ", the best on validation"), run.out());
        String file = Files.readString(model);
        assertTrue(file.contains("\"patience\" : 1") && file.contains("\"monitor\" : \"accuracy\""), file);
    }

    @Test
    void badValidationSettingsAreOneLineNamingTheFlag() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Refusal.assertOneLine(Run.trainTiny(data, 1, "--patience", "3"), "--patience", "validation");
        Refusal.assertOneLine(Run.trainTiny(data, 1, "--validation", "1.5"), "--validation");
        Refusal.assertOneLine(Run.trainTiny(data, 1, "--validation", "0.2", "--monitor", "f1"), "--monitor", "f1",
                "accuracy");
        Refusal.assertOneLine(Run.trainTiny(data, 1, "--validation", "0.2", "--patience", "-1"), "--patience");
    }

    @Test
    void onATableWithoutTestRowsPatienceIsRefusedAndWithThemTheValidationIsHeldOutOfTraining() {
        Path iris = TableCommandsTest.IRIS;
        Refusal.assertOneLine(Run.of("train", "--data", iris.toString(), "--label", "species", "--validation", "0.3",
                "--patience", "2"), "--patience", "--test");
        Run run = Run.of("train", "--no-progress", "--data", iris.toString(), "--label", "species", "--test",
                iris.toString(), "--validation", "0.2", "--epochs", "3", "--out", dir.resolve("i.json").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("validation: 30 of the 150 training samples held out"), run.err());
    }
}
