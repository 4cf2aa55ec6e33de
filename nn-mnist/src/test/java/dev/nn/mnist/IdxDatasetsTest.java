package dev.nn.mnist;

import dev.nn.mnist.idx.IdxArray;
import dev.nn.mnist.idx.IdxFormatException;
import dev.nn.mnist.idx.IdxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void theBundledMnistLoadsVerified() throws IOException {
        TrainTest mnist = IdxDatasets.bundledMnist();
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        assertEquals(784, mnist.train().features());
        assertEquals(10, mnist.train().classes());
        int[] firstTrain = {5, 0, 4, 1, 9};
        int[] firstTest = {7, 2, 1, 0, 4};
        for (int i = 0; i < 5; i++) {
            assertEquals(firstTrain[i], mnist.train().label(i));
            assertEquals(firstTest[i], mnist.test().label(i));
        }
        assertEquals("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                mnist.train().checksums().get("train-images-idx3-ubyte.gz"));
    }

    private void writeSet(int trainCount, int trainLabels, int width, int height) throws IOException {
        IdxWriter.write(dir.resolve("train-images-idx3-ubyte.gz"),
                IdxArray.ofUnsignedBytes(new byte[trainCount * width * height], trainCount, height, width), true);
        byte[] labels = new byte[trainLabels];
        labels[0] = 2;
        IdxWriter.write(dir.resolve("train-labels-idx1-ubyte"), IdxArray.ofUnsignedBytes(labels, trainLabels), false);
        IdxWriter.write(dir.resolve("t10k-images-idx3-ubyte"),
                IdxArray.ofUnsignedBytes(new byte[4 * width * height], 4, height, width), false);
        IdxWriter.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxArray.ofUnsignedBytes(new byte[4], 4), true);
    }

    @Test
    void anyFolderOfFourIdxFilesLoadsWithSizesFromTheData() throws IOException {
        writeSet(6, 6, 5, 3);
        TrainTest data = IdxDatasets.load(dir);
        assertEquals(6, data.train().size());
        assertEquals(15, data.train().features());
        assertEquals(3, data.train().classes());
    }

    @Test
    void labelAndImageCountsMustAgree() throws IOException {
        writeSet(6, 5, 5, 3);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxDatasets.load(dir));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte: 5 labels, but "), e.getMessage());
        assertTrue(e.getMessage().contains("holds 6 images"), e.getMessage());
    }

    @Test
    void aChecksumMismatchIsReported() throws IOException {
        writeSet(6, 6, 5, 3);
        Files.writeString(dir.resolve("SHA256SUMS"),
                "0000000000000000000000000000000000000000000000000000000000000000  (uncompressed) t10k-images-idx3-ubyte\n");
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxDatasets.load(dir));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte: checksum mismatch"), e.getMessage());
    }

    @Test
    void missingAndAmbiguousFilesAreNamed() throws IOException {
        NoSuchFileException missingDir = assertThrows(NoSuchFileException.class,
                () -> IdxDatasets.load(dir.resolve("nowhere")));
        assertTrue(missingDir.getMessage().contains("nowhere"));
        writeSet(6, 6, 5, 3);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> IdxDatasets.load(dir));
        assertTrue(missing.getReason().contains("no test labels file"), missing.getReason());
        Files.copy(dir.resolve("train-labels-idx1-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"));
        Files.copy(dir.resolve("train-labels-idx1-ubyte"), dir.resolve("test-labels.idx1-ubyte"));
        IOException ambiguous = assertThrows(IOException.class, () -> IdxDatasets.load(dir));
        assertTrue(ambiguous.getMessage().contains("more than one file could be the test labels"),
                ambiguous.getMessage());
    }

    @Test
    void imagesMustBeBytesOfRankTwoOrMore() throws IOException {
        writeSet(6, 6, 5, 3);
        IdxWriter.write(dir.resolve("t10k-images-idx3-ubyte"), IdxArray.ofUnsignedBytes(new byte[4], 4), false);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxDatasets.load(dir));
        assertTrue(e.getMessage().contains("expected images"), e.getMessage());
    }
}
