package dev.nn.app.cli;

import dev.nn.core.data.Dataset;
import dev.nn.core.model.Model;
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

    /** Loads the chosen data's test set and checks that {@code model} (read from {@code file}) fits it. */
    public Dataset testSetFor(Path file, Model model, PrintWriter err) throws IOException {
        Dataset test = load(err).test();
        ShapeCheck.requireFits("--model " + file, model.network().inputSize(), model.network().outputSize(), test);
        return test;
    }
}
