package dev.nn.app.cli;

import dev.nn.mnist.TrainTest;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The data flags every command shares: {@code --data DIR} or {@code --dataset NAME}, default the bundled MNIST. */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with training and test IDX files (default: the bundled MNIST).")
    Path dir;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "A built-in dataset instead of --data: mnist (the bundled MNIST) or xor.")
    String name;

    /** The folder given with {@code --data}, or null. */
    public Path dir() {
        return dir;
    }

    /** Loads the chosen data, saying which on {@code err}. */
    public TrainTest load(PrintWriter err) throws IOException {
        return DataLoader.load(dir, name, err);
    }
}
