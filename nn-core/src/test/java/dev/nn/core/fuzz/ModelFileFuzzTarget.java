package dev.nn.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.model.ModelFormatException;
import dev.nn.core.model.ModelIO;

import java.io.IOException;
import java.nio.file.Path;


/**
 * Coverage-guided fuzzing of the model-file reader (Jazzer): any bytes must load as a model or fail with a
 * {@link ModelFormatException} of one line naming the file. Replays its inputs in the test command;
 * {@code bin/fuzz.sh} fuzzes it.
 */
class ModelFileFuzzTarget {

    @FuzzTest(maxDuration = "10s")
    void modelFile(byte[] input) throws IOException {
        Path file = FuzzFiles.write(input);
        try {
            ModelIO.load(file);
        } catch (ModelFormatException e) {
            FuzzFiles.assertOneLineNaming(file, e);
        }
    }
}
