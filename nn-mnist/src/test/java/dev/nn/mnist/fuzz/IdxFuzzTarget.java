package dev.nn.mnist.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.mnist.idx.IdxFile;
import dev.nn.mnist.idx.IdxFormatException;
import dev.nn.mnist.idx.IdxReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the IDX reader (Jazzer): any bytes, plain or gzipped, must read as an IDX file
 * or fail with an {@link IdxFormatException} of one line naming the file; anything else is a finding. In the
 * test command it replays its inputs under {@code src/test/resources/dev/nn/mnist/fuzz/IdxFuzzTargetInputs};
 * {@code bin/fuzz.sh} fuzzes it for as long as asked.
 */
class IdxFuzzTarget {

    @FuzzTest(maxDuration = "10s")
    void idx(byte[] input) throws IOException {
        try {
            IdxFile file = IdxReader.read(new ByteArrayInputStream(input), "f.idx");
            assertTrue(file.array().data().length <= input.length * 1032L + 1024,
                    "more data than the input can hold");
        } catch (IdxFormatException e) {
            assertTrue(e.getMessage().startsWith("f.idx: ") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
