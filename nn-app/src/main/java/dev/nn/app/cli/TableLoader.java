package dev.nn.app.cli;

import dev.nn.core.data.CsvReader;
import dev.nn.core.data.Table;
import dev.nn.core.model.RunFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a run's CSV tables: the training file with its label column, and the test rows from a file of the same
 * columns or held out of the training rows (a seeded fraction), saying which on standard error.
 */
public final class TableLoader {

    private TableLoader() {
    }

    /**
     * A run's tables.
     *
     * @param train the training rows
     * @param test the rows each epoch is measured on
     */
    public record Tables(Table train, Table test) {
    }

    /** Whether {@code data} names a CSV file rather than a folder of IDX files. */
    public static boolean isTable(Path data) {
        return data != null && data.getFileName() != null
                && data.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    /** The tables of a run on {@code trainFile} as {@code table} describes it; {@code seed} splits them. */
    public static Tables load(Path trainFile, RunFiles.TableRun table, long seed, PrintWriter err) throws IOException {
        Table all = CsvReader.read(trainFile, table.label());
        Tables tables;
        if (table.testFile() != null) {
            Table test = CsvReader.readLike(Path.of(table.testFile()), all.features(), all.label(), all.classes());
            tables = new Tables(all, test);
        } else {
            List<Table> parts = all.split(table.validation(), seed);
            tables = new Tables(parts.get(0), parts.get(1));
        }
        err.printf("data: %s: %,d training and %,d %s rows of %d features, %d classes of '%s' (%s)%n", trainFile,
                tables.train().size(), tables.test().size(), table.testFile() != null ? "test" : "held-out",
                all.features().size(), all.classes().size(), all.label(), String.join(", ", all.classes()));
        return tables;
    }
}
