package dev.nn.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nn train --rotation --scale --shear --shift --elastic}: what it prints, records and refuses. */
class AugmentationCommandTest {

    @TempDir
    Path dir;

    @Test
    void anAugmentedRunSaysWhatItDistortsAndTheModelRecordsIt() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path model = dir.resolve("m.json");
        Run run = Run.of("train", "--no-progress", "--data", data.toString(), "--hidden", "8", "--epochs", "2",
                "--rotation", "10", "--shift", "0.5", "--elastic", "2", "--elastic-sigma", "1", "--out",
                model.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("augmentation: rotation ±10.0°, shift ±0.5 px, elastic α 2.0 σ 1.0, every"
                + " training batch distorted afresh"), run.err());
        String file = Files.readString(model);
        assertTrue(file.contains("\"rotation\" : 10.0") && file.contains("\"elasticAlpha\" : 2.0"), file);
    }

    @Test
    void augmentIsEveryDistortionAtOneStrengthAndAFlagGivenAsWellWins() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Run run = Run.of("train", "--no-progress", "--data", data.toString(), "--hidden", "8", "--epochs", "1",
                "--augment", "0.5", "--elastic", "0", "--out", dir.resolve("m.json").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("augmentation: rotation ±5.0°, scale ±5.0%, shear ±0.075, shift ±1.0 px, every"),
                run.err());
        Refusal.assertOneLine(Run.of("train", "--data", data.toString(), "--augment", "9"), "--augment", "0 to 5");
    }

    @Test
    void badAugmentationIsOneLineNamingTheFlag() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Refusal.assertOneLine(Run.of("train", "--data", data.toString(), "--rotation", "200"), "--rotation", "180");
        Refusal.assertOneLine(Run.of("train", "--data", data.toString(), "--scale", "1.5"), "--scale");
        Refusal.assertOneLine(Run.of("train", "--data", data.toString(), "--elastic", "-3"), "--elastic");
        Refusal.assertOneLine(Run.of("train", "--dataset", "spiral", "--elastic", "3"), "--elastic",
                "not images");
    }
}
