package dev.nn.app.cli;

import dev.nn.core.model.RunFiles;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The flags of a run on a CSV table: the label column, and the test rows (a file, or, without one, the rows that
 * {@code --validation FRACTION} holds out).
 */
public final class TableOptions {

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "With --data FILE.csv: the column that holds the class (its name or 0-based index).")
    String label;

    @Option(names = "--test", paramLabel = "FILE",
            description = "With --data FILE.csv: a CSV of test rows with the same columns.")
    Path testFile;

    /**
     * For a CSV: its label column and test rows, from the flags or, on resume, the checkpoint; else null.
     * {@code validation} is the value of {@code --validation} (null when not given): with {@code --test} it holds
     * rows out of training for validation (the config's business, not this one's); without, they are the test.
     */
    public RunFiles.TableRun tableRun(Path dir, RunFiles recorded, Double validation) {
        if (!TableLoader.isTable(dir)) {
            for (Object[] flag : new Object[][]{{"--label", label}, {"--test", testFile}}) {
                if (flag[1] != null) {
                    throw new IllegalArgumentException(flag[0] + " goes with --data FILE.csv (a table)");
                }
            }
            return null;
        }
        if (recorded != null && recorded.table() != null && label == null && testFile == null && validation == null) {
            return recorded.table();
        }
        if (label == null) {
            throw new IllegalArgumentException("--data " + dir + ": a table needs --label COLUMN, the column that"
                    + " holds the class");
        }
        if (testFile == null && validation == null) {
            throw new IllegalArgumentException("--data " + dir + ": give the test rows with --test FILE.csv or hold"
                    + " some out with --validation FRACTION");
        }
        if (testFile != null) {
            return new RunFiles.TableRun(label, testFile.toAbsolutePath().normalize().toString(), 0);
        }
        if (!(validation > 0 && validation < 1)) {
            throw new IllegalArgumentException("--validation must be between 0 and 1, got " + validation);
        }
        return new RunFiles.TableRun(label, null, validation);
    }
}
