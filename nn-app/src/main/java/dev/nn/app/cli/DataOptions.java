package dev.nn.app.cli;

import dev.nn.core.Mlp;
import dev.nn.core.data.CsvReader;
import dev.nn.core.data.Dataset;
import dev.nn.core.data.Table;
import dev.nn.core.model.DataSchema;
import dev.nn.core.model.Model;
import dev.nn.core.model.Provenance;
import dev.nn.mnist.TrainTest;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The data flags every command shares: {@code --data DIR} or {@code --dataset NAME}, default the bundled MNIST. */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with training and test IDX files, or a CSV table (default: the bundled MNIST;"
                    + " for a model, the data it was trained on when that can be found).")
    Path dir;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "A built-in dataset instead of --data: mnist (the bundled MNIST), xor, or the 2-D"
                    + " spiral, circles or blobs.")
    String name;

    /** The folder given with {@code --data}, or null. */
    public Path dir() {
        return dir;
    }

    /** The dataset named with {@code --dataset}, or null. */
    public String name() {
        return name;
    }

    /** Loads the chosen data, saying which on {@code err}. */
    public TrainTest load(PrintWriter err) throws IOException {
        return DataLoader.load(dir, name, err);
    }

    /** Loads the chosen data's test set alone, saying which on {@code err}. */
    public Dataset loadTest(PrintWriter err) throws IOException {
        return DataLoader.loadTest(dir, name, err);
    }

    /**
     * The test set to run {@code model} (read from {@code file}) on: the data given, else the data its provenance
     * records when that can still be found, else the bundled MNIST. Checks that the model fits it, and says on
     * {@code err} when it is not the data the model was trained on.
     */
    public Dataset testSetFor(Path file, Model model, PrintWriter err) throws IOException {
        if (model.schema() != null) {
            return tableFor(file, model, err);
        }
        Path folder = dir;
        String dataset = name;
        Provenance p = model.provenance();
        if (folder == null && dataset == null && p != null) {
            if (p.dataFolder() != null && Files.isDirectory(Path.of(p.dataFolder()))) {
                folder = Path.of(p.dataFolder());
            } else if (p.dataFolder() != null) {
                err.printf("note: %s was trained on %s, which is no longer there; using the bundled MNIST%n", file,
                        p.dataFolder());
            } else {
                dataset = p.dataset();
            }
        }
        Dataset test = DataLoader.loadTest(folder, dataset, err);
        ShapeCheck.requireFits("--model " + file, model.network().inputSize(), model.network().outputSize(), test);
        if (!isModelsData(model, test)) {
            err.printf("warning: %s was not trained on %s (its files' checksums are not those the model records);"
                    + " the figures are for data it has not seen the like of; give its own with --data DIR%n",
                    file, test.name());
        }
        err.flush();
        return test;
    }

    /** The rows of {@code --data FILE.csv} for a model trained on a table, standardised as it was trained. */
    private Dataset tableFor(Path file, Model model, PrintWriter err) throws IOException {
        DataSchema schema = model.schema();
        if (dir == null || !TableLoader.isTable(dir)) {
            throw new IllegalArgumentException("--model " + file + " was trained on a table (" + schema.features()
                    + " → " + schema.label() + "); give rows with --data FILE.csv");
        }
        Table table = CsvReader.readLike(dir, schema.features(), schema.label(), schema.classes());
        err.printf("data: %s: %,d rows%n", dir, table.size());
        err.flush();
        return Mlp.of(model).prepareLike(table);
    }

    /** Whether {@code test} is the test set the model recorded (or the model recorded none to compare). */
    public static boolean isModelsData(Model model, Dataset test) {
        Provenance p = model.provenance();
        return p == null || p.data() == null || p.data().isEmpty() || test.checksums().isEmpty()
                || p.data().entrySet().containsAll(test.checksums().entrySet());
    }
}
