package dev.nn.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.onnx.Onnx;
import dev.nn.core.onnx.OnnxFormatException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the ONNX reader (Jazzer): any bytes must import as a model or fail with an
 * {@link OnnxFormatException} of one line naming the file. Replays its inputs in the test command;
 * {@code bin/fuzz.sh onnx} fuzzes it.
 */
class OnnxFuzzTarget {

    @FuzzTest(maxDuration = "10s")
    void onnxFile(byte[] input) throws IOException {
        Path file = FuzzFiles.write(input);
        try {
            Onnx.read(file);
        } catch (OnnxFormatException e) {
            FuzzFiles.assertOneLineNaming(file, e);
        }
    }
}
