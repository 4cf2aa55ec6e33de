package dev.nn.app;

import dev.nn.core.data.Dataset;
import dev.nn.mnist.IdxDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nn data affine} writes a 40×40 test set that --data reads, the same for the same seed. */
class AffineCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesAReproducibleFortyByFortyTestSetThatDataReads() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Run first = Run.of("data", "affine", "--out", one.toString());
        assertEquals(0, first.exit(), first.err());
        assertEquals("wrote " + one + ": 10,000 test pictures of 40×40 (seed 1)", first.out().strip());
        assertEquals(0, Run.of("data", "affine", "--out", two.toString()).exit());
        String images = "t10k-images-idx3-ubyte.gz";
        assertArrayEquals(Files.readAllBytes(one.resolve(images)), Files.readAllBytes(two.resolve(images)));

        Dataset test = IdxDatasets.loadTest(one);
        Dataset mnist = IdxDatasets.bundledMnistTest();
        assertEquals(10_000, test.size());
        assertEquals(1600, test.features());
        for (int i = 0; i < test.size(); i++) {
            assertEquals(mnist.label(i), test.label(i), "label " + i);
        }
    }

    @Test
    void aCanvasSmallerThanThePicturesIsRefusedBeforeWriting() {
        Path out = dir.resolve("small");
        Run run = Run.of("data", "affine", "--size", "20", "--out", out.toString());
        assertEquals(2, run.exit());
        assertTrue(run.errorLines().contains("--size 20: the canvas must be at least the pictures' side (28)"),
                run.err());
        assertTrue(Files.notExists(out));
    }
}
