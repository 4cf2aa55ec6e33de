package dev.nn.app.cli;

import dev.nn.core.data.Dataset;
import dev.nn.mnist.IdxDatasets;
import dev.nn.mnist.Planar;
import dev.nn.mnist.TrainTest;
import dev.nn.mnist.Xor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Loads the data a command works on: the folder given with {@code --data}, a built-in dataset named with
 * {@code --dataset} ({@code mnist}, the default; {@code xor}; the 2-D {@code spiral}, {@code circles} and
 * {@code blobs}).
 */
public final class DataLoader {

    private DataLoader() {
    }

    /** The built-in datasets' names. */
    public static final String BUILT_IN = "mnist, xor, spiral, circles, blobs";

    /** Loads {@code dir} or else the built-in dataset {@code name} (null: mnist), saying which on {@code err}. */
    public static TrainTest load(Path dir, String name, PrintWriter err) throws IOException {
        if (name != null && dir != null) {
            throw new IllegalArgumentException("--data and --dataset: give one or the other, not both");
        }
        if (name == null || name.equals("mnist")) {
            return load(dir, err);
        }
        Planar planar = Planar.byId(name);
        if (planar != null) {
            TrainTest points = planar.trainTest();
            err.printf("data: %s, %,d training and %,d test points (x, y) in %d classes%n", planar.id(),
                    points.train().size(), points.test().size(), planar.classes());
            return points;
        }
        if (!name.equals("xor")) {
            throw new IllegalArgumentException("--dataset: unknown dataset '" + name + "' (known: " + BUILT_IN + ")");
        }
        TrainTest xor = Xor.trainTest();
        err.printf("data: XOR, %,d training samples (the 4 points, repeated) and 4 test samples%n",
                xor.train().size());
        return xor;
    }

    /**
     * The test set alone of {@code dir}, else of the built-in dataset {@code name} (null: mnist), saying which on
     * {@code err}: what evaluation and prediction need, without reading the training set.
     */
    public static Dataset loadTest(Path dir, String name, PrintWriter err) throws IOException {
        if (name != null && dir != null) {
            throw new IllegalArgumentException("--data and --dataset: give one or the other, not both");
        }
        if (name != null && !name.equals("mnist")) {
            return load(dir, name, err).test();
        }
        Dataset test;
        if (dir == null) {
            if (!IdxDatasets.hasBundledMnist()) {
                throw new UserException("the bundled MNIST is not on the class path; give --data DIR");
            }
            test = IdxDatasets.bundledMnistTest();
            err.printf("data: bundled MNIST test set, SHA-256 verified: %,d images%n", test.size());
        } else {
            test = IdxDatasets.loadTest(dir);
            err.printf("data: %s: %,d test samples of %d values%n", dir, test.size(), test.features());
        }
        return test;
    }

    /**
     * Says so when most of the classes never occur in the training labels: the number of classes is the
     * largest label + 1, so one wrong label (200 among digits) makes a network of 201 outputs.
     */
    private static void warnOfMissingClasses(TrainTest data, PrintWriter err) {
        boolean[] seen = new boolean[data.train().classes()];
        int distinct = 0;
        for (int i = 0; i < data.train().size(); i++) {
            if (!seen[data.train().label(i)]) {
                seen[data.train().label(i)] = true;
                distinct++;
            }
        }
        if (2 * distinct < seen.length) {
            err.printf("warning: only %d of the %d classes (0..%d) occur in the training labels; is a label"
                    + " wrong? The network will have %d outputs%n", distinct, seen.length, seen.length - 1,
                    seen.length);
        }
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
            warnOfMissingClasses(data, err);
        }
        return data;
    }
}
