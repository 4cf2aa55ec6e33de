package dev.nn.app.cli;

import dev.nn.mnist.IdxDatasets;
import dev.nn.mnist.TrainTest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loads the data a command works on: the folder given with {@code --data}, else the bundled MNIST. */
public final class DataLoader {

    private DataLoader() {
    }

    /** Loads {@code dir}, or the bundled MNIST when {@code dir} is null, saying so on {@code err}. */
    public static TrainTest load(Path dir, PrintWriter err) throws IOException {
        TrainTest data;
        if (dir == null) {
            if (!IdxDatasets.hasBundledMnist()) {
                throw new UserException("the bundled MNIST is not on the class path; give --data DIR");
            }
            data = IdxDatasets.bundledMnist();
            err.printf("data: bundled MNIST, SHA-256 verified: %,d training and %,d test images%n",
                    data.train().size(), data.test().size());
        } else {
            data = IdxDatasets.load(dir);
            err.printf("data: %s: %,d training and %,d test samples of %d values, %d classes%n", dir,
                    data.train().size(), data.test().size(), data.train().features(), data.train().classes());
        }
        return data;
    }
}
