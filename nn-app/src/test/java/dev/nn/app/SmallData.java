package dev.nn.app;

import dev.nn.mnist.idx.IdxArray;
import dev.nn.mnist.idx.IdxWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A tiny IDX dataset for command tests: 3×4 images of three classes, each class bright in its own row. */
final class SmallData {

    private SmallData() {
    }

    static Path write(Path dir) throws IOException {
        return write(dir, 0);
    }

    /** Another draw of the same kind of data: the same shape and classes, other samples. */
    static Path write(Path dir, long variant) throws IOException {
        Files.createDirectories(dir);
        write(dir, "train", 300, 1 + 2 * variant);
        write(dir, "t10k", 60, 2 + 2 * variant);
        return dir;
    }

    private static void write(Path dir, String prefix, int count, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] images = new byte[count * 12];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(3);
            labels[i] = (byte) label;
            for (int p = 0; p < 12; p++) {
                images[i * 12 + p] = (byte) (p / 4 == label ? 200 + random.nextInt(50) : random.nextInt(60));
            }
        }
        IdxWriter.write(dir.resolve(prefix + "-images-idx3-ubyte"), IdxArray.ofUnsignedBytes(images, count, 3, 4),
                false);
        IdxWriter.write(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), IdxArray.ofUnsignedBytes(labels, count), true);
    }
}
