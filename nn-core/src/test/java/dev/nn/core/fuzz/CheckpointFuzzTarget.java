package dev.nn.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.model.CheckpointIO;
import dev.nn.core.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the checkpoint reader (Jazzer): any bytes must load as a checkpoint whose every
 * part fits the others, or fail with a {@link ModelFormatException} of one line naming the file.
 */
class CheckpointFuzzTarget {

    @FuzzTest(maxDuration = "10s")
    void checkpoint(byte[] input) throws IOException {
        Path file = FuzzFiles.write(input);
        try {
            CheckpointIO.load(file);
        } catch (ModelFormatException e) {
            FuzzFiles.assertOneLineNaming(file, e);
        }
    }
}
