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
    void aCentredTrainingSetHoldsEachDigitUndistortedInTheMiddleOfTheCanvas() throws IOException {
        Path out = dir.resolve("centred");
        Run run = Run.of("data", "affine", "--centred-train", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("10,000 test and 60,000 centred training pictures of 40×40"), run.out());
        Dataset train = IdxDatasets.load(out).train();
        Dataset mnist = IdxDatasets.bundledMnist().train();
        assertEquals(40, train.imageHeight(), "IDX images know their height: augmentation can distort them");
        byte[] canvas = new byte[1600];
        byte[] digit = new byte[784];
        for (int i = 0; i < train.size(); i += 997) {
            train.pixels(i, canvas);
            mnist.pixels(i, digit);
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    boolean inside = y >= 6 && y < 34 && x >= 6 && x < 34;
                    assertEquals(inside ? digit[(y - 6) * 28 + x - 6] : 0, canvas[y * 40 + x], "picture " + i);
                }
            }
            assertEquals(mnist.label(i), train.label(i));
        }
        Refusal.assertOneLine(Run.of("data", "affine", "--train", "--centred-train", "--out",
                dir.resolve("both").toString()), "--train", "--centred-train");
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
